import type { OrderId } from '../../domain/index.ts';
import { cancelQueuedOrder, type CancelQueuedResult } from '../../storage/cancel-queued-order.ts';
import type { AppContext } from '../context.ts';

export type { CancelQueuedResult };

/**
 * The buyer withdraws an order that has not left this device (still queued, no push begun):
 * it is removed here and never sent, so no request to the shop is needed; what it bought at the
 * regular or flash price is back in the cart. Once it may have
 * left ('left-device'), only the shop can cancel it: the order's usual "Cancel order" then.
 */
export function cancelQueued(ctx: AppContext, orderId: OrderId): Promise<CancelQueuedResult> {
  return cancelQueuedOrder(ctx.store, ctx.buyer(), orderId, ctx.now());
}
