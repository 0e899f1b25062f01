import { useEffect, useState } from 'preact/hooks';
import type { BuyerId } from '../../domain/index.ts';
import { useI18n, type Locale } from '../i18n/index.ts';
import { lazyScreen } from '../lazy-screen.tsx';
import { href, type Route } from '../router.ts';
import { OnlineStatus } from './OnlineStatus.tsx';

interface Props {
  locale: Locale;
  onLocale: (locale: Locale) => void;
  buyer: BuyerId;
  onBuyer: (buyer: BuyerId) => void;
  route: Route;
}

type Panel = 'menu' | 'sync' | undefined;

// What the bar opens is loaded when first opened: the first screen ships only the bar.
const HeaderPanel = lazyScreen(() => import('./HeaderPanels.tsx').then((m) => m.HeaderPanel), ['account']);

/**
 * The slim top bar (one line on a phone, so the content has the screen): the shop's name, a way
 * to search, one sync indicator that opens what it means, and a menu with the rest (which side
 * to play, who shops in the demo, the language).
 */
export function Header({ locale, onLocale, buyer, onBuyer, route }: Props) {
  const { t } = useI18n();
  const [panel, setPanel] = useState<Panel>(undefined);
  // Going elsewhere or a choice made in the menu (the language, who shops) closes what is open (Escape and a tap outside: HeaderPanels).
  useEffect(() => setPanel(undefined), [route, locale, buyer]);
  const toggle = (p: Exclude<Panel, undefined>) => setPanel(panel === p ? undefined : p);
  return (
    <header class="top-bar">
      <h1>
        <a href={href({ name: 'catalog' })}>{t('app.name')}</a>
      </h1>
      {route.name !== 'seller' && (
        <a class="top-icon" href={href({ name: 'catalog' })} onClick={focusSearch}>
          <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round">
            <circle cx="10.5" cy="10.5" r="6.5" />
            <path d="M15.5 15.5L21 21" />
          </svg>
          <span class="sr-only">{t('header.search')}</span>
        </a>
      )}
      <OnlineStatus open={panel === 'sync'} onToggle={() => toggle('sync')} />
      <button type="button" class="top-icon" aria-expanded={panel === 'menu'} aria-controls="top-panel" onClick={() => toggle('menu')}>
        <span aria-hidden="true">☰</span>
        <span class="sr-only">{t('header.menu')}</span>
      </button>
      {panel && (
        <div id="top-panel" class="top-panel">
          <HeaderPanel which={panel} onClose={() => setPanel(undefined)} locale={locale} onLocale={onLocale} buyer={buyer} onBuyer={onBuyer} route={route} />
        </div>
      )}
    </header>
  );
}

/** The catalog's search field is the search: go there (the catalog ships with the shell) and put the cursor in it. */
function focusSearch() {
  setTimeout(() => document.getElementById('catalog-search')?.focus(), 50);
}
