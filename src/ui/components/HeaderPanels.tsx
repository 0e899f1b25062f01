import { useLayoutEffect } from 'preact/hooks';
import type { BuyerId } from '../../domain/index.ts';
import { DEMO_BUYERS } from '../../app/demo/demo-buyers.ts';
import { waitingToSync } from '../../app/queries/reads.ts';
import { formatDateTime } from '../format.ts';
import { useApp } from '../hooks/use-app.ts';
import { useLive } from '../hooks/use-live.ts';
import { useOnline } from '../hooks/use-online.ts';
import { useSyncStatus } from '../hooks/use-sync-status.ts';
import { useI18n, type Locale } from '../i18n/index.ts';
import { href, type Route } from '../router.ts';

interface MenuProps {
  locale: Locale;
  onLocale: (locale: Locale) => void;
  buyer: BuyerId;
  onBuyer: (buyer: BuyerId) => void;
  route: Route;
}

/** What the header opens: its menu, or what its sync indicator means. */
export function HeaderPanel({ which, onClose, ...menu }: MenuProps & { which: 'menu' | 'sync'; onClose: () => void }) {
  // Escape, or a tap outside the bar and what it opened, closes it, as a sheet does. Here, not in
  // the bar, so the first screen does not ship what only an open panel needs. A layout effect, so
  // the keys are listened to as soon as the panel is on screen (an effect runs a frame later, and
  // an Escape pressed in that frame was lost: CI saw it).
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    const onDown = (e: PointerEvent) => !(e.target as Element).closest('.top-bar') && onClose();
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onDown);
    };
  }, [onClose]);
  return which === 'menu' ? <HeaderMenu {...menu} /> : <SyncDetails />;
}

/**
 * The header's menu: the shop or the seller's side, who shops in the demo (said once, here:
 * ann, bo and cy are three shoppers sharing this browser), the language, Settings.
 */
function HeaderMenu({ locale, onLocale, buyer, onBuyer, route }: MenuProps) {
  const { t } = useI18n();
  // A real shop (a remote server) has no demo personas: the buyer is whoever signed in.
  const demo = useApp().remote === null;
  const seller = route.name === 'seller';
  return (
    <div class="menu-panel">
      <nav aria-label={t('view.label')} class="view-switch">
        <a href={href({ name: 'catalog' })} aria-current={seller ? undefined : 'page'}>{t('view.shop')}</a>
        <a href={href({ name: 'seller' })} aria-current={seller ? 'page' : undefined}>{t('view.seller')}</a>
      </nav>
      {demo && !seller && (
        <div class="menu-field">
          <label for="menu-buyer">{t('demo.persona')}</label>
          <select id="menu-buyer" value={buyer} aria-describedby="menu-buyer-note" onChange={(e) => onBuyer(e.currentTarget.value as BuyerId)}>
            {DEMO_BUYERS.map((b) => <option value={b}>{b}</option>)}
          </select>
          <p id="menu-buyer-note" class="menu-note">{t('demo.personaNote')}</p>
        </div>
      )}
      <div class="menu-field">
        <label for="menu-language">{t('language.label')}</label>
        <select id="menu-language" value={locale} onChange={(e) => onLocale(e.currentTarget.value as Locale)}>
          <option value="en">English</option>
          <option value="zh">中文</option>
        </select>
      </div>
      <a class="menu-link" href={href({ name: 'settings' })}>{t('nav.settings')}</a>
    </div>
  );
}

/** What the sync indicator means: what waits on this device, when it goes, and where the rest is. */
function SyncDetails() {
  const { t, intl } = useI18n();
  const app = useApp();
  const online = useOnline();
  const status = useSyncStatus();
  const waiting = useLive(() => waitingToSync(app.store), [app]) ?? 0;
  return (
    <div class="menu-panel">
      <p>{online ? t('sync.online') : t('sync.offline')}</p>
      <p>{waiting > 0 ? t('sync.waiting', { count: waiting }) : t('sync.nothing')}</p>
      {app.remote === null ? (
        <p class="menu-note">{t('sync.demo')}</p>
      ) : (
        status?.lastSyncedAt !== undefined && <p class="menu-note">{t('sync.last', { at: formatDateTime(status.lastSyncedAt, intl) })}</p>
      )}
      <a class="menu-link" href={href({ name: 'settings' })}>{t('sync.settings')}</a>
    </div>
  );
}
