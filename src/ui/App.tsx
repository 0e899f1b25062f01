import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { BuyerId } from '../domain/index.ts';
import type { RunningApp } from '../app/context.ts';
import { listCart, setSetting } from '../app/queries/reads.ts';
import { SessionBanner } from './components/SessionBanner.tsx';
import { AppContext, useApp } from './hooks/use-app.ts';
import { useLive } from './hooks/use-live.ts';
import { I18nContext, loadAreas, makeI18n, useI18n, type Locale } from './i18n/index.ts';
import { href, useRoute, type Route } from './router.ts';
import { Header } from './components/Header.tsx';
import { CatalogScreen } from './screens/CatalogScreen.tsx';
import { lazyScreen } from './lazy-screen.tsx';

// The catalog is the first screen and ships with the shell; every other screen is its own chunk.
const ProductScreen = lazyScreen(() => import('./screens/ProductScreen.tsx').then((m) => m.ProductScreen), ['shop', 'account', 'options']);
const CartScreen = lazyScreen(() => import('./screens/CartScreen.tsx').then((m) => m.CartScreen), ['shop', 'account', 'options']);
const CheckoutScreen = lazyScreen(() => import('./screens/CheckoutScreen.tsx').then((m) => m.CheckoutScreen), ['shop', 'account', 'options']);
const OrdersScreen = lazyScreen(() => import('./screens/OrdersScreen.tsx').then((m) => m.OrdersScreen), ['shop', 'account']);
const OrderScreen = lazyScreen(() => import('./screens/OrderScreen.tsx').then((m) => m.OrderScreen), ['shop', 'account', 'options']);
const WalletScreen = lazyScreen(() => import('./screens/WalletScreen.tsx').then((m) => m.WalletScreen), ['shop', 'account']);
const TeamScreen = lazyScreen(() => import('./screens/TeamScreen.tsx').then((m) => m.TeamScreen), ['shop', 'account', 'sellerCatalog']);
const SettingsScreen = lazyScreen(() => import('./screens/SettingsScreen.tsx').then((m) => m.SettingsScreen), ['shop', 'account', 'remote', 'saved']);
const SavedScreen = lazyScreen(() => import('./components/saved/parts.ts').then((m) => m.SavedScreen), ['saved']);
// A new version's banner matters only once one is waiting: after the first screen, showing nothing until then.
const UpdatePrompt = lazyScreen(() => import('./components/UpdatePrompt.tsx').then((m) => m.UpdatePrompt), [], true);
const SellerScreen = lazyScreen(() => import('./screens/SellerScreen.tsx').then((m) => m.SellerScreen), ['shop', 'account', 'seller', 'options']);

/** The shell: language, the running app, the header, the bottom navigation and the current screen. */
export function App({ app, initialLocale }: { app: RunningApp; initialLocale: Locale }) {
  const route = useRoute();
  const [locale, setLocale] = useState<Locale>(initialLocale);
  useEffect(() => {
    document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
  }, [locale]);
  const [buyer, setBuyer] = useState<BuyerId>(() => app.buyer());
  const i18n = useMemo(() => makeI18n(locale), [locale]);
  const changeBuyer = (next: BuyerId) => void app.setBuyer(next).then(() => setBuyer(next));
  // The new language's strings load first (the areas already in use), then the screens switch.
  const changeLocale = (next: Locale) => {
    void loadAreas(next, []).then(() => setLocale(next));
    void setSetting('locale', next);
  };
  return (
    <AppContext.Provider value={app}>
      <I18nContext.Provider value={i18n}>
        <Header locale={locale} onLocale={changeLocale} buyer={buyer} onBuyer={changeBuyer} route={route} />
        <SessionBanner />
        <UpdatePrompt quiet={route.name !== 'checkout'} />
        {/* Keyed by the buyer: switching the demo persona shows that person's own screens afresh. */}
        <main id="main" key={buyer}>{screenFor(route)}</main>
        {/* The seller's console has its own bottom bar (SellerScreen). */}
        {route.name !== 'seller' && <BottomNav route={route} buyer={buyer} />}
      </I18nContext.Provider>
    </AppContext.Provider>
  );
}

function screenFor(route: Route): ComponentChildren {
  switch (route.name) {
    case 'catalog': return <CatalogScreen {...route} />;
    case 'product': return <ProductScreen id={route.id} />;
    case 'cart': return <CartScreen />;
    case 'checkout': return <CheckoutScreen team={route.team} product={route.product} buy={route.buy} combination={route.combination} />;
    case 'orders': return <OrdersScreen />;
    case 'order': return <OrderScreen id={route.id} />;
    case 'wallet': return <WalletScreen />;
    case 'team': return <TeamScreen id={route.id} />;
    case 'settings': return <SettingsScreen />;
    case 'saved': return <SavedScreen tab={route.tab} />;
    case 'seller': return <SellerScreen tab={route.tab} section={route.section} q={route.q} />;
  }
}

function BottomNav({ route, buyer }: { route: Route; buyer: BuyerId }) {
  const { t } = useI18n();
  const app = useApp();
  // The cart tab carries how many things are in it.
  const count = useLive(async () => (await listCart(app.store, buyer)).reduce((n, r) => n + r.qty, 0), [app, buyer]);
  const items: { to: Route; label: string; active: boolean }[] = [
    { to: { name: 'catalog' }, label: t('nav.catalog'), active: route.name === 'catalog' || route.name === 'product' || route.name === 'team' },
    { to: { name: 'cart' }, label: t('nav.cart'), active: route.name === 'cart' || route.name === 'checkout' },
    { to: { name: 'orders' }, label: t('nav.orders'), active: route.name === 'orders' || route.name === 'order' || route.name === 'saved' },
    { to: { name: 'wallet' }, label: t('nav.wallet'), active: route.name === 'wallet' },
    { to: { name: 'settings' }, label: t('nav.settings'), active: route.name === 'settings' },
  ];
  return (
    <nav class="bottom-nav" aria-label={t('nav.label')}>
      {items.map((item) => (
        <a href={href(item.to)} aria-current={item.active ? 'page' : undefined}>
          {item.to.name === 'cart' && count ? (
            <span class="nav-label">
              {item.label}
              <span class="nav-badge" aria-hidden="true">{count > 99 ? '99+' : count}</span>
              <span class="sr-only">{t('nav.cartCount', { count })}</span>
            </span>
          ) : item.label}
        </a>
      ))}
    </nav>
  );
}
