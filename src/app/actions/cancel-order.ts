import type { EventId, OrderId } from '../../domain/index.ts';
import type { AppContext } from '../context.ts';
import { queueBuyerIntent } from '../queue-intent.ts';

/** Asks the shop to cancel an order that has not left it yet; the money comes back to the wallet. */
export function cancelOrder(ctx: AppContext, orderId: OrderId, reason = ''): Promise<EventId> {
  return queueBuyerIntent(ctx, { kind: 'order.cancel', orderId, reason });
}
