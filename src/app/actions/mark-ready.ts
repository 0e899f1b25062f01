import type { EventId, OrderId } from '../../domain/index.ts';
import type { AppContext } from '../context.ts';
import { queueSellerCommand } from '../queue-intent.ts';

/** The goods wait at the pickup point the buyer chose. */
export function markReady(ctx: AppContext, orderId: OrderId): Promise<EventId> {
  return queueSellerCommand(ctx, { kind: 'order.ready', orderId });
}
