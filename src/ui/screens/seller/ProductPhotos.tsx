import { useId, useState } from 'preact/hooks';
import type { FormError } from '../../../engines/forms/product-form.ts';
import { addPhoto, PhotoError } from '../../../app/actions/add-photo.ts';
import { StorageFullError } from '../../../app/queries/reads.ts';
import { formatBytes } from '../../kit/labels.ts';
import { errorText } from '../../kit/form-errors.ts';
import { ShopPhoto } from '../../components/shop/ShopPhoto.tsx';
import { useApp } from '../../hooks/use-app.ts';
import { useI18n } from '../../i18n/index.ts';

/** The validator's limit on a product's photos. */
const MAX_PHOTOS = 12;

interface Props {
  photos: string[];
  /** The product's name, for the photos' text alternatives. */
  name: string;
  error: FormError | undefined;
  onAdd: (refs: string[]) => void;
  onRemove: (ref: string) => void;
}

/**
 * A product's photos: take one with the camera or pick files; each is compressed on this
 * device before it is stored (about 1,200 px, WebP, ≤ 150 KB), then shown as a thumbnail.
 */
export function ProductPhotos({ photos, name, error, onAdd, onRemove }: Props) {
  const app = useApp();
  const { t, intl } = useI18n();
  const id = useId();
  const [status, setStatus] = useState<{ tone: 'ok' | 'info' | 'error'; text: string } | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const room = MAX_PHOTOS - photos.length;

  async function take(files: FileList | null, input: HTMLInputElement) {
    const list = [...(files ?? [])].slice(0, Math.max(0, room));
    input.value = ''; // the same file may be picked again later
    if (list.length === 0) return;
    setBusy(true);
    const refs: string[] = [];
    let last = '';
    try {
      for (const [i, file] of list.entries()) {
        setStatus({ tone: 'info', text: t('catalogForm.photoWorking', { n: i + 1, count: list.length }) });
        const { ref, photo } = await addPhoto(app, file);
        refs.push(ref);
        last = t('catalogForm.photoAdded', { size: formatBytes(photo.blob.size, intl), width: String(photo.width), height: String(photo.height) });
      }
      setStatus({ tone: 'ok', text: last });
    } catch (e) {
      const text = e instanceof PhotoError ? t('catalogForm.photoUnreadable') : e instanceof StorageFullError ? t('acct.storageFull') : t('catalogForm.photoFailed');
      setStatus({ tone: 'error', text });
    } finally {
      if (refs.length > 0) onAdd(refs);
      setBusy(false);
    }
  }

  return (
    <fieldset class="sc-fieldset" aria-describedby={`${id}-hint${error ? ` ${id}-err` : ''}`}>
      <legend>{t('catalogForm.photos')}</legend>
      <p id={`${id}-hint`} class="acct-muted">{t('catalogForm.photosHint', { count: MAX_PHOTOS })}</p>
      {photos.length > 0 && (
        <ul class="sc-thumbs">
          {photos.map((ref, i) => (
            <li key={ref}>
              <ShopPhoto src={ref} alt={t('catalogForm.photoAlt', { n: i + 1, name: name || t('catalogForm.thisProduct') })} size={88} name={name} />
              <button type="button" class="acct-btn sc-remove" aria-label={t('catalogForm.removePhoto', { n: i + 1 })} onClick={() => onRemove(ref)}>
                {t('catalogForm.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {room > 0 && (
        <div class="acct-row">
          <label class={`acct-btn sc-file${busy ? ' sc-busy' : ''}`}>
            {t('catalogForm.takePhoto')}
            <input
              type="file"
              accept="image/*"
              capture="environment"
              class="sc-file-input"
              disabled={busy}
              onChange={(e) => void take(e.currentTarget.files, e.currentTarget)}
            />
          </label>
          <label class={`acct-btn sc-file${busy ? ' sc-busy' : ''}`}>
            {t('catalogForm.choosePhotos')}
            <input
              type="file"
              accept="image/*"
              multiple
              class="sc-file-input"
              disabled={busy}
              onChange={(e) => void take(e.currentTarget.files, e.currentTarget)}
            />
          </label>
        </div>
      )}
      <p class={`acct-msg${status ? ` acct-msg-${status.tone}` : ''}`} aria-live="polite">{status?.text ?? ''}</p>
      {error && <p id={`${id}-err`} class="acct-error sc-error">{errorText(t, 'photos', 'list', error)}</p>}
    </fieldset>
  );
}
