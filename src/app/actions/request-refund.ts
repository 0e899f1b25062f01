import type { EventId, OrderId } from '../../domain/index.ts';
import type { AppContext } from '../context.ts';
import { queueBuyerIntent } from '../queue-intent.ts';

/** Asks for the money back; the clock that would confirm receipt stops until the shop answers. */
export function requestRefund(ctx: AppContext, orderId: OrderId, reason: string): Promise<EventId> {
  return queueBuyerIntent(ctx, { kind: 'refund.request', orderId, reason: reason.trim() });
}
