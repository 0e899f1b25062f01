import qrcode from 'qrcode-generator';
import { useId, useMemo, useState } from 'preact/hooks';
import { useI18n } from '../../i18n/index.ts';

/** A QR code's dark modules as one SVG path, with a quiet zone of `margin` modules around them. */
export function qrPath(text: string, margin = 4): { path: string; size: number } {
  // Error correction M: still reads with a smudge or a crease, and stays small for a phone's camera.
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  let path = '';
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (qr.isDark(row, col)) path += `M${col + margin} ${row + margin}h1v1h-1z`;
    }
  }
  return { path, size: n + 2 * margin };
}

interface Props {
  /** The link shared. */
  url: string;
  /** For the system share sheet. */
  title: string;
  text?: string;
  /** What the QR code opens, for its text alternative: "the shop", "this team buy". */
  what: string;
}

/**
 * A link to share (copy it, or the system share sheet where there is one) and the same link
 * as a QR code that a buyer scans with a phone's camera. The QR code is an inline SVG with a
 * text alternative; the link is always shown as text too. Strings from the sellerCatalog area.
 */
export function ShareQr({ url, title, text, what }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [message, setMessage] = useState('');
  const qr = useMemo(() => qrPath(url), [url]);
  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setMessage(t('share.copied'));
    } catch {
      // No clipboard (not allowed, or an old browser): the field is selected for copying by hand.
      (document.getElementById(`${id}-url`) as HTMLInputElement | null)?.select();
      setMessage(t('share.copyByHand'));
    }
  }

  async function share() {
    const data: ShareData = { title, url, ...(text !== undefined && { text }) };
    try {
      if (typeof navigator.canShare === 'function' && !navigator.canShare(data)) throw new Error('cannot share');
      await navigator.share(data);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return; // closed the share sheet
      await copy();
    }
  }

  return (
    <div class="sc-share">
      <label for={`${id}-url`} class="sc-share-label">{t('share.link')}</label>
      <input id={`${id}-url`} type="url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
      <div class="acct-row">
        <button type="button" class="acct-btn" onClick={() => void copy()}>{t('share.copy')}</button>
        {canShare && <button type="button" class="acct-btn acct-primary" onClick={() => void share()}>{t('share.share')}</button>}
      </div>
      <p class="acct-msg acct-msg-ok" aria-live="polite">{message}</p>
      <figure class="sc-qr">
        <svg
          viewBox={`0 0 ${qr.size} ${qr.size}`}
          role="img"
          aria-labelledby={`${id}-qr`}
          shape-rendering="crispEdges"
          xmlns="http://www.w3.org/2000/svg"
        >
          <title id={`${id}-qr`}>{t('share.qrAlt', { what, url })}</title>
          <rect width={qr.size} height={qr.size} fill="#fff" />
          <path d={qr.path} fill="#000" />
        </svg>
        <figcaption class="acct-muted">{t('share.qrCaption')}</figcaption>
      </figure>
    </div>
  );
}
