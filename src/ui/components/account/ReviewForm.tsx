import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n/index.ts';

/** A review: 1 to 5 stars as a labelled radio group, and some words. */
export function ReviewForm({ onSubmit, disabled = false }: { onSubmit: (rating: number, text: string) => Promise<boolean>; disabled?: boolean }) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [rating, setRating] = useState(0);
  const [text, setText] = useState('');
  const [error, setError] = useState('');
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
        if (await onSubmit(rating, text)) setOpen(false);
      }}
    >
      <fieldset class="acct-stars" aria-describedby={error ? `${id}-e` : undefined}>
        <legend>{t('review.rating')}</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label class="acct-star">
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
            <span aria-hidden="true">{'★'.repeat(n)}</span>
            <span class="acct-sr">{n === 1 ? t('review.star', { n }) : t('review.stars', { n })}</span>
          </label>
        ))}
      </fieldset>
      {error && <p id={`${id}-e`} class="acct-error">{error}</p>}
      <label for={`${id}-text`}>{t('review.text')}</label>
      <textarea id={`${id}-text`} rows={3} maxLength={2000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      <div class="acct-row">
        <button type="submit" class="acct-btn acct-primary" disabled={disabled}>{t('review.send')}</button>
        <button type="button" class="acct-btn" onClick={() => setOpen(false)}>{t('acct.neverMind')}</button>
      </div>
    </form>
  );
}
