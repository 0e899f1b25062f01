import type { Draft } from '../fold.ts';
import { available, escrow, REVENUE, transfer, type Posting } from '../ledger.ts';
import type { Order } from '../orders.ts';

/**
 * Gives a buyer back what they paid for an order, from wherever it is now: escrow if the
 * shop still holds it, revenue if it was already released. Refunds go to the wallet (as
 * Taobao refunds to the Alipay balance); the buyer can withdraw from there.
 */
export function moneyBack(order: Order): Posting[] {
  if (order.held === 'escrow') return transfer(escrow(order.buyer), available(order.buyer), order.total);
  if (order.held === 'revenue') return transfer(REVENUE, available(order.buyer), order.total);
  return [];
}

export function teamAfterLeaving(d: Draft, order: Order) {
  if (order.team === undefined) return undefined;
  const team = d.teams.get(order.team)?.value;
  if (!team || team.status !== 'forming') return undefined;
  return { ...team, members: team.members.filter((m) => m.orderId !== order.id) };
}
