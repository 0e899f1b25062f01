import type { Millis } from '../catalog.ts';
import type { OrderId } from '../ids.ts';
import { withStatus } from '../orders.ts';
import type { Team } from '../teams.ts';
import { currentOrder, emit, type Ctx } from './context.ts';
import { moneyBack } from './money-back.ts';
import { moveStock } from './stock.ts';

/**
 * The N-th member was accepted: the team succeeds, and every member's order goes on as an
 * ordinary accepted order. One decision for the public team, then one per member, so each
 * buyer's channel gets news of their own order only.
 */
export function settleFullTeam(ctx: Ctx, team: Team, t: Millis): void {
  const done: Team = { ...team, status: 'succeeded', closedAt: t };
  emit(ctx, { kind: 'team.succeeded', id: `team-succeeded.${team.id}`, at: t, set: { teams: [done] } });
  for (const m of team.members) {
    const order = currentOrder(ctx, m.orderId);
    if (!order || order.status !== 'team-forming') continue;
    emit(ctx, {
      kind: 'team.succeeded',
      id: `member-succeeded.${m.orderId}`,
      at: t,
      buyer: order.buyer,
      set: { orders: [withStatus(order, 'accepted', t, 'Team complete')] },
    });
  }
}

/** The deadline passed before the team filled: everyone gets their money and the stock comes back. */
export function expireTeam(ctx: Ctx, team: Team, t: Millis): void {
  const failed: Team = { ...team, status: 'failed', closedAt: t };
  emit(ctx, { kind: 'team.failed', id: `team-failed.${team.id}`, at: t, set: { teams: [failed] } });
  for (const m of team.members) {
    const order = currentOrder(ctx, m.orderId as OrderId);
    if (!order || order.status !== 'team-forming') continue;
    emit(ctx, {
      kind: 'team.failed',
      id: `member-failed.${m.orderId}`,
      at: t,
      buyer: order.buyer,
      postings: moneyBack(order),
      set: {
        orders: [{ ...withStatus(order, 'cancelled', t, 'The team did not fill in time'), held: order.held === 'none' ? 'none' : 'returned' }],
        inventory: moveStock(ctx.draft, order.lines, -1),
      },
    });
  }
}
