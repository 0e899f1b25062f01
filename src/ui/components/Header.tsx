import type { ComponentChildren } from 'preact';
import type { BuyerId } from '../../domain/index.ts';
import { DEMO_BUYERS } from '../../app/demo/demo-buyers.ts';
import { useApp } from '../hooks/use-app.ts';
import { useI18n, type Locale } from '../i18n/index.ts';
import { href, type Route } from '../router.ts';

interface Props {
  locale: Locale;
  onLocale: (locale: Locale) => void;
  buyer: BuyerId;
  onBuyer: (buyer: BuyerId) => void;
  status: ComponentChildren;
  route: Route;
}

/**
 * The top bar: the shop's name, the network and sync status, and the demo's switches (which
 * side to play, which buyer to shop as, which language).
 */
export function Header({ locale, onLocale, buyer, onBuyer, status, route }: Props) {
  const { t } = useI18n();
  // A real shop (a remote server) has no demo personas: the buyer is whoever signed in.
  const demo = useApp().remote === null;
  const seller = route.name === 'seller';
  return (
    <header class="top-bar">
      <div class="top-row">
        <h1>{t('app.name')}</h1>
        {demo && <span class="demo-badge">{t('demo.badge')}</span>}
        {status}
      </div>
      <div class="top-row controls">
        <nav aria-label={t('view.label')} class="view-switch">
          <a href={href({ name: 'catalog' })} aria-current={seller ? undefined : 'page'}>{t('view.shop')}</a>
          <a href={href({ name: 'seller' })} aria-current={seller ? 'page' : undefined}>{t('view.seller')}</a>
        </nav>
        {demo && !seller && (
          <label>
            {t('demo.persona')}{' '}
            <select value={buyer} onChange={(e) => onBuyer((e.currentTarget as HTMLSelectElement).value as BuyerId)}>
              {DEMO_BUYERS.map((b) => <option value={b}>{b}</option>)}
            </select>
          </label>
        )}
        <label>
          {t('language.label')}{' '}
          <select value={locale} onChange={(e) => onLocale((e.currentTarget as HTMLSelectElement).value as Locale)}>
            <option value="en">English</option>
            <option value="zh">中文</option>
          </select>
        </label>
      </div>
    </header>
  );
}
