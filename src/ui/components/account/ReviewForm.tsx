import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n/index.ts';
import { usePendingPhotos } from '../../hooks/use-pending-photos.ts';
import { PhotoPicker } from '../photos/PhotoPicker.tsx';

/**
 * A review: a rating of 1 to 5 stars, and some words. The stars are a radio group ("Rating":
 * "1 star" … "5 stars"), so the arrow keys move along them and a screen reader says each; they
 * show as one row of five stars, lit up to the chosen one. Up to 3 photos may go with it.
 */
export function ReviewForm({ onSubmit, disabled = false }: { onSubmit: (rating: number, text: string, photos: string[]) => Promise<boolean>; disabled?: boolean }) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [rating, setRating] = useState(0);
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const { photos, setPhotos, sent, drop } = usePendingPhotos();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (open) first.current?.focus();
  }, [open]);

  if (!open) {
    return (
      <button type="button" class="acct-btn" aria-expanded="false" disabled={disabled} onClick={() => setOpen(true)}>
        {t('review.button')}
      </button>
    );
  }
  return (
    <form
      class="acct-form acct-card"
      aria-label={t('review.button')}
      onSubmit={async (e) => {
        e.preventDefault();
        if (rating < 1 || rating > 5) {
          setError(t('review.pickRating'));
          first.current?.focus();
          return;
        }
        // Handed over before the review is queued: the form may be gone (the order reviewed) by the time it is.
        const taken = photos;
        sent();
        if (await onSubmit(rating, text, taken)) setOpen(false);
        else setPhotos(taken);
      }}
    >
      <fieldset class="acct-stars" role="radiogroup" aria-labelledby={`${id}-l`} aria-describedby={error ? `${id}-e` : undefined}>
        <legend id={`${id}-l`}>{t('review.rating')}</legend>
        <div class="acct-star-row">
          {[1, 2, 3, 4, 5].map((n) => (
            <label class={n <= rating ? 'acct-star acct-star-on' : 'acct-star'}>
              <input
                ref={n === 1 ? first : undefined}
                type="radio"
                name={`${id}-rating`}
                value={n}
                checked={rating === n}
                onChange={() => {
                  setRating(n);
                  setError('');
                }}
              />
              <svg class="acct-star-shape" viewBox="0 0 24 24" aria-hidden="true">
                <path d="M12 2.5l2.94 5.96 6.58.96-4.76 4.64 1.12 6.55L12 17.52l-5.88 3.09 1.12-6.55-4.76-4.64 6.58-.96z" />
              </svg>
              <span class="acct-sr">{n === 1 ? t('review.star', { n }) : t('review.stars', { n })}</span>
            </label>
          ))}
          <span class="acct-star-says" aria-hidden="true">
            {rating > 0 && (rating === 1 ? t('review.star', { n: rating }) : t('review.stars', { n: rating }))}
          </span>
        </div>
      </fieldset>
      {error && <p id={`${id}-e`} class="acct-error">{error}</p>}
      <label for={`${id}-text`}>{t('review.text')}</label>
      <textarea id={`${id}-text`} rows={3} maxLength={2000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      <PhotoPicker photos={photos} onChange={setPhotos} disabled={disabled} />
      <div class="acct-row">
        <button type="submit" class="acct-btn acct-primary" disabled={disabled}>{t('review.send')}</button>
        <button
          type="button"
          class="acct-btn"
          onClick={() => {
            drop();
            setOpen(false);
          }}
        >
          {t('acct.neverMind')}
        </button>
      </div>
    </form>
  );
}
