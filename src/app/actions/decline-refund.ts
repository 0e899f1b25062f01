import type { EventId, OrderId } from '../../domain/index.ts';
import type { AppContext } from '../context.ts';
import { queueSellerCommand } from '../queue-intent.ts';

/** The order goes back where it was; the buyer is told why. */
export function declineRefund(ctx: AppContext, orderId: OrderId, reason: string): Promise<EventId> {
  return queueSellerCommand(ctx, { kind: 'refund.decline', orderId, reason: reason.trim() });
}
