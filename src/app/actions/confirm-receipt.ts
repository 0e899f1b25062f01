import type { EventId, OrderId } from '../../domain/index.ts';
import type { AppContext } from '../context.ts';
import { queueBuyerIntent } from '../queue-intent.ts';

/** The buyer has the goods: the escrowed money goes to the shop. */
export function confirmReceipt(ctx: AppContext, orderId: OrderId): Promise<EventId> {
  return queueBuyerIntent(ctx, { kind: 'order.confirm-receipt', orderId });
}
