import { useState } from 'preact/hooks';
import { addPhoto, PhotoError } from '../../../app/actions/add-photo.ts';
import { StorageFullError } from '../../../app/queries/reads.ts';
import { formatBytes } from '../../kit/labels.ts';
import { ShopPhoto } from '../../components/shop/ShopPhoto.tsx';
import { useApp } from '../../hooks/use-app.ts';
import { useI18n } from '../../i18n/index.ts';

interface Props {
  /** The field's id (a select's, for its label). */
  id: string;
  /** The combination in words ("Blue, M"), for the thumbnail's text and the buttons' names. */
  label: string;
  /** Its photo as chosen: one of `photos`, one of its own, or '' for the product's first. */
  photo: string;
  /** The product's photos, which it may take one of. */
  photos: string[];
  productName: string;
  onChange: (photo: string) => void;
  /** A photo taken here: stored on this device, to forget if the form is left unsaved. */
  onTaken: (ref: string) => void;
}

/**
 * A combination's photo in the seller's form: a thumbnail of what it shows now, one of the
 * product's photos to pick, or one of its own taken or chosen right here (a red and a blue shirt
 * need not both go in the product's gallery first). Compressed on this device as the product's
 * photos are (actions/add-photo.ts), and sent to the shop's server with the product.
 */
export function CombinationPhoto({ id, label, photo, photos, productName, onChange, onTaken }: Props) {
  const app = useApp();
  const { t, intl } = useI18n();
  // Kept as words to say, not said: the seller may switch language with the form open.
  const [status, setStatus] = useState<{ tone: 'ok' | 'info' | 'error'; key: Parameters<typeof t>[0]; made?: { size: number; width: number; height: number } } | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const own = photo !== '' && !photos.includes(photo);
  const shown = photo !== '' ? photo : photos[0];

  async function take(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = ''; // the same file may be picked again later
    if (!file) return;
    setBusy(true);
    setStatus({ tone: 'info', key: 'catalogForm.opt.photoWorking' });
    try {
      const { ref, photo: made } = await addPhoto(app, file);
      onTaken(ref);
      onChange(ref);
      setStatus({ tone: 'ok', key: 'catalogForm.photoAdded', made: { size: made.blob.size, width: made.width, height: made.height } });
    } catch (e) {
      const key = e instanceof PhotoError ? 'catalogForm.photoUnreadable' : e instanceof StorageFullError ? 'acct.storageFull' : 'catalogForm.photoFailed';
      setStatus({ tone: 'error', key });
    } finally {
      setBusy(false);
    }
  }

  const button = (text: string, name: string, camera: boolean) => (
    <label class={`acct-btn sc-file${busy ? ' sc-busy' : ''}`}>
      {text}
      <input
        type="file"
        accept="image/*"
        {...(camera && { capture: 'environment' })}
        class="sc-file-input"
        aria-label={name}
        disabled={busy}
        onChange={(e) => void take(e.currentTarget)}
      />
    </label>
  );

  return (
    <div class="sc-combo-photo">
      <div class="sc-combo-photo-pick">
        <ShopPhoto src={shown} alt={t('catalogForm.opt.photoOf', { name: label })} size={56} name={productName} />
        <div class="sc-field">
          <label for={id}>{t('catalogForm.opt.photo')}</label>
          <select id={id} value={photo} onChange={(e) => onChange(e.currentTarget.value)}>
            <option value="">{t('catalogForm.opt.productPhoto')}</option>
            {photos.map((p, n) => <option value={p}>{t('catalogForm.opt.photoN', { n: n + 1 })}</option>)}
            {own && <option value={photo}>{t('catalogForm.opt.ownPhoto')}</option>}
          </select>
        </div>
      </div>
      <div class="acct-row">
        {button(t('catalogForm.takePhoto'), t('catalogForm.opt.takePhotoOf', { name: label }), true)}
        {button(t('catalogForm.opt.choosePhoto'), t('catalogForm.opt.choosePhotoOf', { name: label }), false)}
      </div>
      <p class={`acct-msg${status ? ` acct-msg-${status.tone}` : ''}`} aria-live="polite">{status === undefined ? '' : status.made ? t(status.key, { size: formatBytes(status.made.size, intl), width: String(status.made.width), height: String(status.made.height) }) : t(status.key)}</p>
    </div>
  );
}
