import { DAY, type Millis, type ShopPolicies } from './catalog.ts';
import type { Order, OrderStatus } from './orders.ts';

/**
 * The refund window: a refund may be asked once the goods have left the shop, until the shop's
 * `refundWindowDays` after receipt have passed (then the order is finished). The authority
 * decides by these functions, and the buyer's order page offers a refund by them.
 */

/** Orders whose goods have left the shop: a refund may be asked about them (of a finished one, too late). */
export const REFUND_STATUSES: readonly OrderStatus[] = ['shipped', 'ready-for-pickup', 'received', 'finished'];

/** When the refund window of goods received at `receivedAt` closes (no policy known: at receipt). */
export function refundWindowEnd(receivedAt: Millis, policies: Pick<ShopPolicies, 'refundWindowDays'> | undefined): Millis {
  return receivedAt + (policies?.refundWindowDays ?? 0) * DAY;
}

/** Whether the order's refund window has closed by `at` (finished, or past its end after receipt). */
export function refundWindowClosed(order: Pick<Order, 'status' | 'receivedAt'>, policies: Pick<ShopPolicies, 'refundWindowDays'> | undefined, at: Millis): boolean {
  return order.status === 'finished' || (order.receivedAt !== undefined && at >= refundWindowEnd(order.receivedAt, policies));
}

/** Whether the shop would take a refund request on `order` at `at`: left the shop, inside the window, and paid for. */
export function canRequestRefund(order: Pick<Order, 'status' | 'receivedAt' | 'held'>, policies: Pick<ShopPolicies, 'refundWindowDays'> | undefined, at: Millis): boolean {
  return REFUND_STATUSES.includes(order.status) && !refundWindowClosed(order, policies, at) && order.held !== 'none';
}
