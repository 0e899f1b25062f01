/**
 * The photos a message, review or claim carries, as a row of thumbnails; tapping one shows it
 * at full width (and again to make it small). A photo that cannot be shown (offline and not yet
 * cached, or not sent yet from the other device) is a labelled grey tile, never a broken image.
 */
import { useState } from 'preact/hooks';
import { useAttachedPhoto, type PhotoOrigin } from '../../hooks/use-attached-photo.ts';
import { useI18n } from '../../i18n/index.ts';
import '../../screens/account.css';

export function AttachedPhotos({ refs, origin }: { refs: readonly string[] | undefined; origin: PhotoOrigin }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<string | undefined>(undefined);
  if (!refs || refs.length === 0) return null;
  return (
    <ul class="att-photos" aria-label={t('photos.attached', { count: refs.length })}>
      {refs.map((ref, i) => (
        <li key={ref} class={open === ref ? 'att-photo att-photo-open' : 'att-photo'}>
          <button type="button" class="att-photo-btn" aria-pressed={open === ref} onClick={() => setOpen(open === ref ? undefined : ref)}>
            <Picture photo={ref} size={open === ref ? 'full' : 'thumb'} origin={origin} alt={t('photos.nth', { n: i + 1, count: refs.length })} />
          </button>
        </li>
      ))}
    </ul>
  );
}

function Picture({ photo, size, origin, alt }: { photo: string; size: 'full' | 'thumb'; origin: PhotoOrigin; alt: string }) {
  const { t } = useI18n();
  const url = useAttachedPhoto(photo, size, origin);
  const [failed, setFailed] = useState<string | undefined>(undefined);
  if (url === undefined) return <span class="att-photo-missing" role="img" aria-label={alt} />;
  if (url === null || failed === url) {
    return (
      <span class="att-photo-missing" role="img" aria-label={`${alt}: ${t('photos.unavailable')}`}>
        {t('photos.unavailable')}
      </span>
    );
  }
  return <img class="att-photo-img" src={url} alt={alt} decoding="async" onError={() => setFailed(url)} />;
}
