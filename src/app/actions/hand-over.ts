import type { EventId, OrderId } from '../../domain/index.ts';
import type { AppContext } from '../context.ts';
import { queueSellerCommand } from '../queue-intent.ts';

/** Handed over at the pickup point; for a pay-on-pickup order the seller takes the cash there. */
export function handOver(ctx: AppContext, orderId: OrderId): Promise<EventId> {
  return queueSellerCommand(ctx, { kind: 'order.hand-over', orderId });
}
