import type { ComponentType } from 'preact';
import { useI18n, type StringKey } from '../i18n/index.ts';
import { lazyScreen } from '../lazy-screen.tsx';
import { href } from '../router.ts';

type TabProps = { section?: string | undefined };

/** The seller's console, one tab per job; each tab is its own chunk. */
const TABS: { tab: string; label: StringKey; Tab: ComponentType<TabProps> }[] = [
  { tab: 'orders', label: 'sellerTab.orders', Tab: lazyScreen(() => import('./seller/OrdersTab.tsx').then((m) => m.OrdersTab), ['sellerMoney']) },
  { tab: 'products', label: 'sellerTab.products', Tab: lazyScreen(() => import('./seller/ProductsTab.tsx').then((m) => m.ProductsTab), ['sellerCatalog']) },
  { tab: 'promotions', label: 'sellerTab.promotions', Tab: lazyScreen(() => import('./seller/PromotionsTab.tsx').then((m) => m.PromotionsTab), ['sellerCatalog']) },
  { tab: 'customers', label: 'sellerTab.customers', Tab: lazyScreen(() => import('./seller/CustomersTab.tsx').then((m) => m.CustomersTab), ['sellerMoney']) },
  { tab: 'money', label: 'sellerTab.money', Tab: lazyScreen(() => import('./seller/MoneyTab.tsx').then((m) => m.MoneyTab), ['sellerMoney']) },
  { tab: 'shop', label: 'sellerTab.shop', Tab: lazyScreen(() => import('./seller/ShopTab.tsx').then((m) => m.ShopTab), ['sellerCatalog']) },
  { tab: 'data', label: 'sellerTab.data', Tab: lazyScreen(() => import('./seller/DataTab.tsx').then((m) => m.DataTab), ['sellerData']) },
];

/**
 * The demo's other side, and a small seller's whole shop on a phone. Everything the seller
 * does goes through the same authority as the buyers' requests, decided at once on this device.
 */
export function SellerScreen({ tab, section }: { tab?: string | undefined; section?: string | undefined }) {
  const { t } = useI18n();
  const current = TABS.find((x) => x.tab === tab) ?? TABS[0]!;
  const { Tab } = current;
  return (
    <section class="seller" aria-labelledby="seller-title">
      <h2 id="seller-title">{t('seller.title')}</h2>
      <nav aria-label={t('sellerTab.label')} class="seller-tabs">
        {TABS.map((x) => (
          <a href={href({ name: 'seller', tab: x.tab })} aria-current={x === current ? 'page' : undefined}>
            {t(x.label)}
          </a>
        ))}
      </nav>
      <Tab section={section} />
    </section>
  );
}
