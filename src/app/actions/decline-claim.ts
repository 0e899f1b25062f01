import type { EventId, OrderId } from '../../domain/index.ts';
import type { AppContext } from '../context.ts';
import { queueSellerCommand } from '../queue-intent.ts';

/** The shop finds the goods genuine; the order goes back where it was. */
export function declineClaim(ctx: AppContext, orderId: OrderId, reason: string): Promise<EventId> {
  return queueSellerCommand(ctx, { kind: 'claim.decline', orderId, reason: reason.trim() });
}
