import type { EventId, OrderId } from '../../domain/index.ts';
import type { AppContext } from '../context.ts';
import { queueSellerCommand } from '../queue-intent.ts';

/** The seller hands an accepted order to a carrier; the buyer sees the tracking number. */
export function shipOrder(ctx: AppContext, orderId: OrderId, carrier: string, tracking: string): Promise<EventId> {
  return queueSellerCommand(ctx, { kind: 'order.ship', orderId, carrier: carrier.trim(), tracking: tracking.trim() });
}
