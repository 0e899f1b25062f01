import type { EventId, OrderId } from '../../domain/index.ts';
import type { AppContext } from '../context.ts';
import { queueSellerCommand } from '../queue-intent.ts';

/** The buyer's money goes back to their wallet. */
export function approveRefund(ctx: AppContext, orderId: OrderId): Promise<EventId> {
  return queueSellerCommand(ctx, { kind: 'refund.approve', orderId });
}
