/**
 * Beside the seller's conversation with a buyer (above it on a phone): that buyer's latest
 * orders, each with where it stands, its total and when it was placed, each a link to the order
 * in the seller's list. So a question about "my parcel" is answered without leaving the chat.
 */
import type { BuyerId } from '../../../domain/index.ts';
import { ordersOfBuyer } from '../../../app/queries/messages.ts';
import { getShop } from '../../../app/queries/reads.ts';
import { formatDate, formatMoney } from '../../format.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useLive } from '../../hooks/use-live.ts';
import { useI18n } from '../../i18n/index.ts';
import { isoTime, orderNumber, stageLabel } from '../../kit/labels.ts';
import { href } from '../../router.ts';
import './messages.css';

/** How many: enough to find the order a buyer asks about, few enough to leave the chat on screen. */
export const RECENT_ORDERS = 3;

export function BuyerOrders({ buyer }: { buyer: BuyerId }) {
  const app = useApp();
  const { t, intl } = useI18n();
  const orders = useLive(() => ordersOfBuyer(app.store, buyer, RECENT_ORDERS), [app, buyer]);
  const shop = useLive(() => getShop(app.store), [app]);
  if (orders === undefined || shop === undefined) return null;
  return (
    <section class="msgs-orders" aria-labelledby="msgs-orders-title">
      <h4 id="msgs-orders-title">{t('msgs.orders')}</h4>
      {orders.length === 0 ? (
        <p class="acct-muted">{t('msgs.ordersNone')}</p>
      ) : (
        <ul>
          {orders.map((o) => {
            const number = orderNumber(o.id);
            return (
              <li key={o.id}>
                <a href={href({ name: 'seller', tab: 'orders', section: 'all', q: number })}>
                  {/* The spaces between keep the link's name readable ("#1A2B3C Shipped ¥14.90 …"); the flex layout shows none. */}
                  <span class="msgs-order-no">{number}</span>{' '}
                  <span class="msgs-order-stage">{stageLabel(t, o.status)}</span>{' '}
                  <span class="msgs-order-total">{formatMoney(o.total, shop.currency, intl)}</span>{' '}
                  <time class="msgs-order-when" dateTime={isoTime(o.placedAt)}>{formatDate(o.placedAt, intl)}</time>
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
