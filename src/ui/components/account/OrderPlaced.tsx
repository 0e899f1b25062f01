import type { ShopProfile } from '../../../domain/index.ts';
import type { OrderDetail } from '../../../app/queries/my-orders.ts';
import { formatMoney } from '../../format.ts';
import { useI18n } from '../../i18n/index.ts';
import { lazyScreen } from '../../lazy-screen.tsx';

// "Tell me when it ships": notifications are asked for here, after an order, where the reason is
// plain (never on a first visit). Loaded with the Updates' own code, and only shown while off.
const NotifyOffer = lazyScreen<{ offer?: string }>(() => import('../messages/NotifyToggle.tsx').then((m) => m.NotifyToggle), ['messages'], true);

/** Where an order still is before the shop has sent anything: what the buyer sees first. */
const EARLY = ['queued', 'sent', 'team-forming', 'accepted'];

/**
 * Right after checkout and until the goods are on their way: a clear "Order placed" (or
 * "Queued: it goes when you're online"), what happened to the money, and what happens next,
 * above anything the buyer could do about the order.
 */
export function OrderPlaced({ detail, shop }: { detail: OrderDetail; shop: ShopProfile | undefined }) {
  const { t, intl } = useI18n();
  const { view, placed } = detail;
  if (!placed || !EARLY.includes(view.stage)) return null;
  const currency = shop?.currency ?? 'CNY';
  const total = formatMoney(view.order?.total ?? placed.expectedTotal, currency, intl);
  const queued = view.stage === 'queued';
  const delivery = placed.delivery;
  const point = delivery.kind === 'pickup' ? shop?.pickupPoints.find((p) => p.id === delivery.pointId)?.name ?? delivery.pointId : '';
  let next: string;
  if (view.stage === 'team-forming' || (placed.team && !view.order)) next = t('placed.nextTeam');
  else if (delivery.kind === 'ship') next = t('placed.nextShip', { name: delivery.recipient });
  else next = t('placed.nextPickup', { point });
  return (
    <section class="acct-card order-placed" aria-labelledby="order-placed">
      <h3 id="order-placed">{queued ? t('placed.queuedTitle') : t('placed.title')}</h3>
      {queued && <p>{t('placed.queued')}</p>}
      {view.stage === 'sent' && <p>{t('placed.sent')}</p>}
      <p>{placed.payment === 'wallet' ? t('placed.escrow', { amount: total }) : t('placed.onPickup', { amount: total })}</p>
      <p>{next}</p>
      <NotifyOffer offer={t(delivery.kind === 'ship' ? 'placed.notifyShip' : 'placed.notifyReady')} />
    </section>
  );
}
