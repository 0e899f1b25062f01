import type { ComponentType } from 'preact';
import { useI18n, type StringKey } from '../i18n/index.ts';
import { lazyScreen } from '../lazy-screen.tsx';
import { href } from '../router.ts';
import './seller/seller-nav.css';

type TabProps = { section?: string | undefined; q?: string | undefined };

interface Tab {
  tab: string;
  label: StringKey;
  Tab: ComponentType<TabProps>;
}

/** The seller's console, one tab per job; each tab is its own chunk. */
const TABS: Tab[] = [
  { tab: 'home', label: 'sellerTab.home', Tab: lazyScreen(() => import('./seller/HomeTab.tsx').then((m) => m.HomeTab), ['sellerCatalog']) },
  { tab: 'messages', label: 'msgs.title', Tab: lazyScreen(() => import('./seller/MessagesTab.tsx').then((m) => m.MessagesTab), ['messages']) },
  { tab: 'orders', label: 'sellerTab.orders', Tab: lazyScreen(() => import('./seller/OrdersTab.tsx').then((m) => m.OrdersTab), ['sellerMoney']) },
  { tab: 'products', label: 'sellerTab.products', Tab: lazyScreen(() => import('./seller/ProductsTab.tsx').then((m) => m.ProductsTab), ['sellerCatalog']) },
  { tab: 'promotions', label: 'sellerTab.promotions', Tab: lazyScreen(() => import('./seller/PromotionsTab.tsx').then((m) => m.PromotionsTab), ['sellerCatalog']) },
  { tab: 'data', label: 'sellerTab.data', Tab: lazyScreen(() => import('./seller/DataTab.tsx').then((m) => m.DataTab), ['sellerData']) },
  { tab: 'money', label: 'sellerTab.money', Tab: lazyScreen(() => import('./seller/MoneyTab.tsx').then((m) => m.MoneyTab), ['sellerMoney']) },
  { tab: 'customers', label: 'sellerTab.customers', Tab: lazyScreen(() => import('./seller/CustomersTab.tsx').then((m) => m.CustomersTab), ['sellerMoney']) },
  { tab: 'shop', label: 'sellerTab.shop', Tab: lazyScreen(() => import('./seller/ShopTab.tsx').then((m) => m.ShopTab), ['sellerCatalog']) },
];

/**
 * The bottom bar's five places (a phone's thumb reaches five; the buyer's bar is not shown here),
 * each with the tabs it holds: the first is where its button leads, the others are a short row
 * of links at the top of each (promotions and the catalog file beside the products, the
 * customers' wallets beside the money).
 */
const GROUPS: { label: StringKey; tabs: string[] }[] = [
  // Messages beside the home (whose card shows what is unread): the bar's five labels stay on one line at 360 px.
  { label: 'sellerTab.home', tabs: ['home', 'messages'] },
  { label: 'sellerTab.orders', tabs: ['orders'] },
  { label: 'sellerTab.products', tabs: ['products', 'promotions', 'data'] },
  { label: 'sellerTab.money', tabs: ['money', 'customers'] },
  { label: 'sellerTab.shop', tabs: ['shop'] },
];

/**
 * The demo's other side, and a small seller's whole shop on a phone. Everything the seller
 * does goes through the same authority as the buyers' requests, decided at once on this device.
 * `#/seller` opens the seller's home.
 */
export function SellerScreen({ tab, section, q }: { tab?: string | undefined; section?: string | undefined; q?: string | undefined }) {
  const { t } = useI18n();
  const current = TABS.find((x) => x.tab === tab) ?? TABS[0]!;
  const group = GROUPS.find((g) => g.tabs.includes(current.tab))!;
  const { Tab } = current;
  return (
    <section class="seller" aria-labelledby="seller-title">
      <h2 id="seller-title" class="seller-title">{t('seller.title')}</h2>
      {group.tabs.length > 1 && (
        <nav aria-label={t('sellerTab.sub', { group: t(group.label) })} class="seller-sub sub-tabs">
          {group.tabs.map((name) => {
            const x = TABS.find((y) => y.tab === name)!;
            return (
              <a href={href({ name: 'seller', tab: x.tab })} aria-current={x === current ? 'page' : undefined}>
                {t(x.label)}
              </a>
            );
          })}
        </nav>
      )}
      <Tab section={section} q={q} />
      <nav aria-label={t('sellerTab.label')} class="bottom-nav seller-nav">
        {GROUPS.map((g) => (
          <a href={href({ name: 'seller', tab: g.tabs[0]! })} aria-current={g === group ? 'page' : undefined}>
            {t(g.label)}
          </a>
        ))}
      </nav>
    </section>
  );
}
