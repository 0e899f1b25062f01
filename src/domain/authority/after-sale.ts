import type { Millis } from '../catalog.ts';
import type {
  ApproveRefund, CompensateClaim, DeclineClaim, DeclineRefund, FileClaim, RequestRefund, Review, WriteReview,
} from '../events.ts';
import { available, COMPENSATION, transfer } from '../ledger.ts';
import { photosField } from '../attached-photos.ts';
import { claimPayout, withStatus, type Order, type OrderStatus } from '../orders.ts';
import { REFUND_STATUSES, refundWindowClosed, refundWindowEnd } from '../refund-window.ts';
import { decisionIdFor, emit, refuse, type Ctx } from './context.ts';
import { moneyBack } from './money-back.ts';
import { orderFor } from './order-flow.ts';

/**
 * A refund may be asked once the goods have left the shop, until the refund window after
 * receipt closes. Asking pauses the clock that would confirm receipt for the buyer.
 */
export function requestRefund(ctx: Ctx, intent: RequestRefund, t: Millis): void {
  const order = orderFor(ctx, intent, t, REFUND_STATUSES, 'This order cannot be refunded now; cancel it if it has not left the shop.');
  if (!order) return;
  const policies = ctx.draft.shop?.value.policies;
  if (refundWindowClosed(order, policies, t)) {
    return void refuse(ctx, intent, t, 'refund-window-closed', `Refunds can be asked within ${policies?.refundWindowDays ?? 0} days of receipt.`);
  }
  if (order.held === 'none') return void refuse(ctx, intent, t, 'invalid-state', 'Nothing has been paid for this order yet.');
  const asked: Order = { ...withStatus(order, 'refund-requested', t, intent.reason), before: order.status, requestedAt: t, reason: intent.reason };
  emit(ctx, { kind: 'refund.requested', id: decisionIdFor(intent.id), at: t, intentId: intent.id, buyer: order.buyer, set: { orders: [asked] } });
}

export function approveRefund(ctx: Ctx, intent: ApproveRefund, t: Millis): void {
  const order = orderFor(ctx, intent, t, ['refund-requested'], 'No refund is waiting on this order.');
  if (!order) return;
  emit(ctx, {
    kind: 'refund.approved',
    id: decisionIdFor(intent.id),
    at: t,
    intentId: intent.id,
    buyer: order.buyer,
    postings: moneyBack(order),
    set: { orders: [{ ...withStatus(order, 'refunded', t), held: 'returned' }] },
  });
}

/** Declined: the order goes back where it was, and the paused clock resumes where it stopped. */
export function declineRefund(ctx: Ctx, intent: DeclineRefund, t: Millis): void {
  const order = orderFor(ctx, intent, t, ['refund-requested'], 'No refund is waiting on this order.');
  if (!order) return;
  const back = resume(order, t, 'refund-declined', intent.reason);
  emit(ctx, { kind: 'refund.declined', id: decisionIdFor(intent.id), at: t, intentId: intent.id, buyer: order.buyer, reason: 'not-allowed', message: intent.reason, set: { orders: [back] } });
  requeue(ctx, back, t);
}

export function fileClaim(ctx: Ctx, intent: FileClaim, t: Millis): void {
  const order = orderFor(ctx, intent, t, ['received', 'finished'], 'A counterfeit claim can be filed once the goods are received.');
  if (!order) return;
  const filed: Order = {
    ...withStatus(order, 'claim-filed', t, intent.reason), before: order.status, requestedAt: t, reason: intent.reason, ...photosField(intent.photos),
  };
  emit(ctx, { kind: 'claim.filed', id: decisionIdFor(intent.id), at: t, intentId: intent.id, buyer: order.buyer, set: { orders: [filed] } });
}

/** Tmall's promise: the price back, plus the shop's published multiple of what was paid for the goods (`claimPayout`). */
export function compensateClaim(ctx: Ctx, intent: CompensateClaim, t: Millis): void {
  const order = orderFor(ctx, intent, t, ['claim-filed'], 'No claim is waiting on this order.');
  if (!order) return;
  const { extra } = claimPayout(order, ctx.draft.shop?.value.policies.compensationMultiple ?? 0);
  emit(ctx, {
    kind: 'claim.compensated',
    id: decisionIdFor(intent.id),
    at: t,
    intentId: intent.id,
    buyer: order.buyer,
    postings: [...moneyBack(order), ...transfer(COMPENSATION, available(order.buyer), extra)],
    set: { orders: [{ ...withStatus(order, 'compensated', t), held: 'returned' }] },
  });
}

export function declineClaim(ctx: Ctx, intent: DeclineClaim, t: Millis): void {
  const order = orderFor(ctx, intent, t, ['claim-filed'], 'No claim is waiting on this order.');
  if (!order) return;
  const back = resume(order, t, 'claim-declined', intent.reason);
  emit(ctx, { kind: 'claim.declined', id: decisionIdFor(intent.id), at: t, intentId: intent.id, buyer: order.buyer, reason: 'not-allowed', message: intent.reason, set: { orders: [back] } });
  requeue(ctx, back, t);
}

export function writeReview(ctx: Ctx, intent: WriteReview, t: Millis): void {
  const order = orderFor(ctx, intent, t, ['received', 'finished', 'compensated'], 'You can review an order once you have received it.');
  if (!order) return;
  if (order.reviewed) return void refuse(ctx, intent, t, 'already-reviewed', 'You have already reviewed this order.');
  const review: Review = {
    id: intent.id,
    orderId: order.id,
    buyer: order.buyer,
    // Each product once, though the order may have bought several of its combinations.
    productIds: [...new Set(order.lines.map((l) => l.productId))],
    rating: intent.rating,
    text: intent.text,
    ...photosField(intent.photos),
    at: t,
  };
  emit(ctx, { kind: 'review.published', id: decisionIdFor(intent.id), at: t, intentId: intent.id, buyer: order.buyer, set: { orders: [{ ...order, reviewed: true }], reviews: [review] } });
}

function resume(order: Order, t: Millis, what: 'refund-declined' | 'claim-declined', note: string): Order {
  const before: OrderStatus = order.before ?? 'received';
  const back: Order = { ...order, status: before, timeline: [...order.timeline, { what, at: t, note }] };
  if (back.autoConfirmAt !== undefined && order.requestedAt !== undefined) back.autoConfirmAt += t - order.requestedAt;
  delete back.before;
  delete back.requestedAt;
  delete back.photos; // the declined claim's: a later request brings its own
  return back;
}

/** Puts the resumed order's clock back in the queue. */
function requeue(ctx: Ctx, order: Order, t: Millis): void {
  if (order.autoConfirmAt !== undefined && (order.status === 'shipped' || order.status === 'ready-for-pickup')) {
    ctx.timers.push({ due: order.autoConfirmAt, kind: 'auto-confirm', orderId: order.id });
  } else if (order.status === 'received' && order.receivedAt !== undefined) {
    ctx.timers.push({ due: Math.max(t, refundWindowEnd(order.receivedAt, ctx.draft.shop?.value.policies)), kind: 'refund-window', orderId: order.id });
  }
}
