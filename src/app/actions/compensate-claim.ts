import type { EventId, OrderId } from '../../domain/index.ts';
import type { AppContext } from '../context.ts';
import { queueSellerCommand } from '../queue-intent.ts';

/** The shop pays the price back plus its published multiple for counterfeit goods. */
export function compensateClaim(ctx: AppContext, orderId: OrderId): Promise<EventId> {
  return queueSellerCommand(ctx, { kind: 'claim.compensate', orderId });
}
