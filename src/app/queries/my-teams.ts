/**
 * Which teams a buyer is in, from their own orders (and a join still in this device's outbox):
 * a team as the public catalog carries it names no member (domain/public-copy.ts), so a
 * buyer's device cannot learn it from the team.
 */
import type { BuyerId, OrderId, TeamId } from '../../domain/index.ts';
import { listOrders, pendingIntents } from '../../storage/queries.ts';
import type { Store } from '../../storage/store.ts';

/** The buyer's order in each team they are in (placed, or still queued), by team. */
export async function myTeamOrders(store: Store, buyer: BuyerId): Promise<Map<TeamId, OrderId>> {
  const mine = new Map<TeamId, OrderId>();
  for (const p of await pendingIntents(store)) {
    const i = p.intent;
    if (i.kind !== 'order.place' || i.buyer !== buyer || i.team === undefined) continue;
    // A team started by this order has the order's own id as its id only once the shop says so; a join names it.
    if (i.team.action === 'join') mine.set(i.team.teamId, i.id as string as OrderId);
  }
  for (const o of await listOrders(store, buyer)) if (o.team !== undefined) mine.set(o.team, o.id);
  return mine;
}

/** The ids of the teams the buyer is in. */
export async function myTeamIds(store: Store, buyer: BuyerId): Promise<Set<TeamId>> {
  return new Set((await myTeamOrders(store, buyer)).keys());
}
