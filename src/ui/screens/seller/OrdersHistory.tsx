/**
 * Orders past the seller's hands (shipped, completed, refunded or cancelled, or all of them),
 * newest first, each with where it is now and how it went out: so an order the seller shipped
 * or decided stays findable.
 */
import { useState } from 'preact/hooks';
import type { ShopProfile } from '../../../domain/index.ts';
import { sellerOrders, type OrderView } from '../../../app/queries/seller-orders.ts';
import { StageBadge } from '../../components/account/StageBadge.tsx';
import { useApp } from '../../hooks/use-app.ts';
import { useLive } from '../../hooks/use-live.ts';
import { useI18n, type StringKey } from '../../i18n/index.ts';
import { OrderCard, Section } from './orders-parts.tsx';

const PAGE = 30;
const TITLES: Record<OrderView, StringKey> = {
  shipped: 'orders.f.shipped',
  completed: 'orders.f.completed',
  closed: 'orders.f.closed',
  all: 'orders.f.all',
};

export function isHistoryView(filter: string): filter is OrderView {
  return filter in TITLES;
}

export function OrderHistory({ view, search, shop }: { view: OrderView; search: string; shop: ShopProfile }) {
  const app = useApp();
  const { t } = useI18n();
  const [limit, setLimit] = useState(PAGE);
  const page = useLive(() => sellerOrders(app.store, view, search, limit), [app, view, search, limit]);
  if (!page) return <p role="status">{t('loading')}</p>;
  return (
    <Section tab={view} title={t(TITLES[view])} count={page.total}>
      {page.orders.map((o) => (
        <OrderCard key={o.id} order={o} shop={shop} extra={<p class="so-status"><StageBadge stage={o.status} /></p>}>
          {o.carrier !== undefined && (
            <p class="acct-muted">{t(o.tracking ? 'orders.sentWith' : 'orders.sentWithout', { carrier: o.carrier, tracking: o.tracking ?? '' })}</p>
          )}
        </OrderCard>
      ))}
      {page.orders.length < page.total && (
        <button type="button" class="acct-btn" onClick={() => setLimit((n) => n + PAGE)}>
          {t('orders.more', { count: Math.min(PAGE, page.total - page.orders.length) })}
        </button>
      )}
    </Section>
  );
}
