import { useState } from 'preact/hooks';
import type { Team } from '../../../domain/index.ts';
import { formatMoney } from '../../format.ts';
import { useI18n } from '../../i18n/index.ts';
import { shareUrl } from '../../router.ts';

/**
 * Shares a team buy's link: the system share sheet (Web Share API) where the browser has one,
 * otherwise the link is copied to the clipboard, and shown in a field either way it is copied,
 * so it can be copied by hand where the clipboard is not allowed.
 */
export function ShareTeam({ team, productName, currency }: { team: Team; productName: string; currency: string }) {
  const { t, intl } = useI18n();
  const url = shareUrl({ name: 'team', id: team.id });
  const [message, setMessage] = useState('');
  const [showLink, setShowLink] = useState(false);

  async function share() {
    const data: ShareData = {
      title: t('teambuy.shareTitle', { product: productName }),
      text: t('teambuy.shareText', { product: productName, price: formatMoney(team.price, currency, intl), size: team.size }),
      url,
    };
    if (typeof navigator.share === 'function' && (typeof navigator.canShare !== 'function' || navigator.canShare(data))) {
      try {
        await navigator.share(data);
        return;
      } catch (error) {
        // The person closed the share sheet: nothing to do. Any other failure: copy instead.
        if (error instanceof DOMException && error.name === 'AbortError') return;
      }
    }
    setShowLink(true);
    try {
      await navigator.clipboard.writeText(url);
      setMessage(t('teambuy.copied'));
    } catch {
      setMessage(t('teambuy.copyHere'));
    }
  }

  return (
    <div class="acct-share">
      <button type="button" class="acct-btn acct-primary" onClick={() => void share()}>{t('teambuy.share')}</button>
      <p class="acct-msg acct-msg-ok" aria-live="polite">{message}</p>
      {showLink && (
        <label class="acct-field">
          {t('teambuy.link')}
          <input type="url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
        </label>
      )}
    </div>
  );
}
