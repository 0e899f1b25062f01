import { DAY, type Millis } from '../catalog.ts';
import type { CancelOrder, ConfirmReceipt, HandOver, Intent, MarkReady, SellerCancel, ShipOrder } from '../events.ts';
import type { OrderId } from '../ids.ts';
import { CASH, escrow, REVENUE, transfer } from '../ledger.ts';
import { withStatus, type Order, type OrderStatus } from '../orders.ts';
import { refundWindowEnd } from '../refund-window.ts';
import { currentOrder, decisionIdFor, emit, refuse, type Ctx } from './context.ts';
import { moneyBack, teamAfterLeaving } from './money-back.ts';
import { moveStock } from './stock.ts';

/**
 * The order an intent is about, if it exists, belongs to whoever asks, and is in one of the
 * states the intent needs; otherwise the intent is refused with the reason and undefined returned.
 */
export function orderFor(ctx: Ctx, intent: Intent & { orderId: OrderId }, t: Millis, states: readonly OrderStatus[], wrongState: string): Order | undefined {
  const order = currentOrder(ctx, intent.orderId);
  if (!order) return void refuse(ctx, intent, t, 'unknown-order', 'There is no such order.');
  if (intent.by === 'buyer' && order.buyer !== intent.buyer) return void refuse(ctx, intent, t, 'not-your-order', 'That order is not yours.');
  if (!states.includes(order.status)) return void refuse(ctx, intent, t, 'invalid-state', wrongState);
  return order;
}

/** The buyer changes their mind before anything left the shop; money and stock go back. */
export function cancelOrder(ctx: Ctx, intent: CancelOrder | SellerCancel, t: Millis): void {
  const states: OrderStatus[] = intent.by === 'buyer' ? ['team-forming', 'accepted'] : ['team-forming', 'accepted', 'ready-for-pickup'];
  const order = orderFor(ctx, intent, t, states, 'The order has already left the shop: ask for a refund instead.');
  if (!order) return;
  const team = teamAfterLeaving(ctx.draft, order);
  const note = intent.by === 'seller' ? `Cancelled by the shop: ${intent.reason}` : intent.reason || 'Cancelled by the buyer';
  emit(ctx, {
    kind: 'order.cancelled',
    id: decisionIdFor(intent.id),
    at: t,
    intentId: intent.id,
    buyer: order.buyer,
    postings: moneyBack(order),
    set: {
      orders: [{ ...withStatus(order, 'cancelled', t, note), held: order.held === 'none' ? 'none' : 'returned' }],
      inventory: moveStock(ctx.draft, order.lines, -1),
      ...(team && { teams: [team] }),
    },
  });
}

export function shipOrder(ctx: Ctx, intent: ShipOrder, t: Millis): void {
  const order = orderFor(ctx, intent, t, ['accepted'], 'Only an accepted order that has not left can be shipped.');
  if (!order) return;
  if (order.delivery.kind !== 'ship') return void refuse(ctx, intent, t, 'invalid-state', 'This order is for pickup, not shipping.');
  const days = ctx.draft.shop?.value.policies.autoConfirmDaysShipped ?? 10;
  const shipped: Order = {
    ...withStatus(order, 'shipped', t, `${intent.carrier} ${intent.tracking}`),
    carrier: intent.carrier,
    tracking: intent.tracking,
    autoConfirmAt: t + days * DAY,
  };
  emit(ctx, { kind: 'order.shipped', id: decisionIdFor(intent.id), at: t, intentId: intent.id, buyer: order.buyer, set: { orders: [shipped] } });
  ctx.timers.push({ due: shipped.autoConfirmAt!, kind: 'auto-confirm', orderId: order.id });
}

export function markReady(ctx: Ctx, intent: MarkReady, t: Millis): void {
  const order = orderFor(ctx, intent, t, ['accepted'], 'Only an accepted order can be made ready for pickup.');
  if (!order) return;
  if (order.delivery.kind !== 'pickup') return void refuse(ctx, intent, t, 'invalid-state', 'This order is to be shipped, not picked up.');
  const ready: Order = { ...withStatus(order, 'ready-for-pickup', t), pickupPointId: order.delivery.pointId };
  // Pay-on-pickup orders are never confirmed by the clock: the shop has not been paid yet.
  if (order.payment === 'wallet') ready.autoConfirmAt = t + (ctx.draft.shop?.value.policies.autoConfirmDaysPickup ?? 7) * DAY;
  emit(ctx, { kind: 'order.ready', id: decisionIdFor(intent.id), at: t, intentId: intent.id, buyer: order.buyer, set: { orders: [ready] } });
  if (ready.autoConfirmAt !== undefined) ctx.timers.push({ due: ready.autoConfirmAt, kind: 'auto-confirm', orderId: order.id });
}

export function confirmReceipt(ctx: Ctx, intent: ConfirmReceipt, t: Millis): void {
  const order = orderFor(ctx, intent, t, ['shipped', 'ready-for-pickup'], 'Only an order on its way or waiting for pickup can be confirmed.');
  if (!order) return;
  if (order.payment === 'on-pickup') {
    return void refuse(ctx, intent, t, 'invalid-state', 'A pay-on-pickup order is completed by the shop when you pay at the pickup point.');
  }
  receive(ctx, order, t, { id: decisionIdFor(intent.id), intentId: intent.id, note: 'Confirmed by the buyer' });
}

/** The seller hands the goods over at the pickup point (and takes the money, if it is paid there). */
export function handOver(ctx: Ctx, intent: HandOver, t: Millis): void {
  const order = orderFor(ctx, intent, t, ['ready-for-pickup'], 'Only an order waiting at a pickup point can be handed over.');
  if (!order) return;
  receive(ctx, order, t, { id: decisionIdFor(intent.id), intentId: intent.id, note: 'Handed over at the pickup point' });
}

/** Receipt confirmed by the clock after the shop's days, unless a refund request paused it. */
export function autoConfirm(ctx: Ctx, orderId: OrderId, due: Millis): void {
  const order = currentOrder(ctx, orderId);
  if (!order || order.autoConfirmAt !== due || order.payment !== 'wallet') return;
  if (order.status !== 'shipped' && order.status !== 'ready-for-pickup') return;
  receive(ctx, order, due, { id: `auto-received.${order.id}`, note: 'Confirmed automatically' });
}

/** Receipt: the escrow (or, paid at pickup, the cash) becomes the shop's revenue. */
function receive(ctx: Ctx, order: Order, t: Millis, how: { id: string; intentId?: Intent['id']; note: string }): void {
  const postings =
    order.held === 'escrow' ? transfer(escrow(order.buyer), REVENUE, order.total)
    : order.payment === 'on-pickup' ? transfer(CASH, REVENUE, order.total)
    : [];
  const received: Order = { ...withStatus(order, 'received', t, how.note), receivedAt: t, held: postings.length ? 'revenue' : order.held };
  delete received.autoConfirmAt;
  emit(ctx, {
    kind: 'order.received',
    id: how.id,
    at: t,
    ...(how.intentId !== undefined && { intentId: how.intentId }),
    buyer: order.buyer,
    postings,
    set: { orders: [received] },
  });
  ctx.timers.push({ due: refundWindowEnd(t, ctx.draft.shop?.value.policies), kind: 'refund-window', orderId: order.id });
}

/** The refund window closed: the order is finished (a counterfeit claim is still possible). */
export function finishOrder(ctx: Ctx, orderId: OrderId, due: Millis): void {
  const order = currentOrder(ctx, orderId);
  if (!order || order.status !== 'received' || order.receivedAt === undefined) return;
  // A stale timer (the policy changed, or a declined refund re-queued it) may come early: check the deadline.
  if (refundWindowEnd(order.receivedAt, ctx.draft.shop?.value.policies) > due) return;
  emit(ctx, { kind: 'order.finished', id: `finished.${order.id}`, at: due, buyer: order.buyer, set: { orders: [withStatus(order, 'finished', due)] } });
}
