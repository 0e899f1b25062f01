/**
 * Adding photos to a message, review or claim: a button that opens the camera or the gallery,
 * the chosen photos as thumbnails each with a remove button, and why a file was refused (not a
 * picture, one too many, too big) in the person's language. Photos are compressed and stored on
 * the device as they are picked (app/actions/attach-photo.ts); the form sends their ids.
 */
import { useState } from 'preact/hooks';
import { MAX_ATTACHED_PHOTOS, type PhotoProblem } from '../../../domain/index.ts';
import { attachPhoto, forgetAttachedPhotos, PhotoRefusedError } from '../../../app/actions/attach-photo.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useAttachedPhoto } from '../../hooks/use-attached-photo.ts';
import { useI18n, type I18n } from '../../i18n/index.ts';
import { errorText } from '../../kit/labels.ts';
import { FileButton } from '../../kit/FileButton.tsx';
import '../../screens/account.css';

export function PhotoPicker({ photos, onChange, disabled = false }: { photos: readonly string[]; onChange: (photos: string[]) => void; disabled?: boolean }) {
  const app = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [key, setKey] = useState(0);
  const channel = app.buyer();

  async function choose(input: HTMLInputElement) {
    const files = [...(input.files ?? [])];
    setKey((k) => k + 1);
    setError(undefined);
    setBusy(true);
    const added: string[] = [];
    try {
      for (const file of files) added.push(await attachPhoto(app, file, photos.length + added.length));
    } catch (err) {
      setError(photoRefusal(i18n, err));
    } finally {
      setBusy(false);
      if (added.length > 0) onChange([...photos, ...added]);
    }
  }

  const full = photos.length >= MAX_ATTACHED_PHOTOS;
  return (
    <div class="att-pick">
      {photos.length > 0 && (
        <ul class="att-photos" aria-label={t('photos.attached', { count: photos.length })}>
          {photos.map((ref, i) => (
            <li key={ref} class="att-photo">
              <Thumb photo={ref} channel={channel} alt={t('photos.nth', { n: i + 1, count: photos.length })} />
              <button
                type="button"
                class="att-remove"
                aria-label={t('photos.remove', { n: i + 1 })}
                onClick={() => {
                  onChange(photos.filter((p) => p !== ref));
                  void forgetAttachedPhotos(app, [ref]).catch(() => undefined);
                }}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {!full && (
        <FileButton
          label={busy ? t('photos.adding') : t('photos.add', { count: photos.length, max: MAX_ATTACHED_PHOTOS })}
          accept="image/*"
          inputKey={key}
          disabled={disabled || busy}
          onChoose={(input) => void choose(input)}
        />
      )}
      <p class={error ? 'att-help att-error' : 'att-help'} aria-live="polite">{error ?? ''}</p>
    </div>
  );
}

function Thumb({ photo, channel, alt }: { photo: string; channel: string; alt: string }) {
  const url = useAttachedPhoto(photo, 'thumb', { channel });
  return url ? <img class="att-photo-img" src={url} alt={alt} /> : <span class="att-photo-missing" role="img" aria-label={alt} />;
}

const PROBLEM_KEYS: Record<PhotoProblem, 'photos.notImage' | 'photos.tooMany' | 'photos.tooBig'> = {
  'not-an-image': 'photos.notImage',
  'too-many': 'photos.tooMany',
  'too-big': 'photos.tooBig',
};

export function photoRefusal({ t }: I18n, err: unknown): string {
  if (err instanceof PhotoRefusedError) return t(PROBLEM_KEYS[err.problem], { max: MAX_ATTACHED_PHOTOS });
  return errorText(t, err);
}
