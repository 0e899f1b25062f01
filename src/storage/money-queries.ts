/**
 * Reads for the seller's money and customers: balances, orders counted by buyer from the
 * indexes alone, and decisions of some kinds read incrementally by journal number.
 */
import type { BuyerId, Decision, DecisionKind, Millis } from '../domain/index.ts';
import { tablesOf } from './db.ts';
import type { BalanceRow } from './rows.ts';
import type { Store } from './store.ts';

/** Every account's balance. */
export function allBalances(store: Store): Promise<BalanceRow[]> {
  return tablesOf(store).balances.toArray();
}

export interface BuyerOrders {
  orders: number;
  lastOrderAt: Millis;
}

/**
 * How many orders each buyer has and when they last ordered, from the orders' `buyer` and
 * `placedAt` indexes alone (never the orders themselves), so a shop with a hundred thousand
 * orders still answers quickly.
 */
export async function ordersByBuyer(store: Store): Promise<Map<BuyerId, BuyerOrders>> {
  const { orders } = tablesOf(store);
  const buyerOf = new Map<string, BuyerId>();
  const placed: [string, number][] = [];
  await Promise.all([
    orders.orderBy('buyer').eachKey((key, cursor) => void buyerOf.set(String(cursor.primaryKey), String(key) as BuyerId)),
    orders.orderBy('placedAt').eachKey((key, cursor) => void placed.push([String(cursor.primaryKey), Number(key)])),
  ]);
  const out = new Map<BuyerId, BuyerOrders>();
  for (const [orderId, at] of placed) {
    const buyer = buyerOf.get(orderId);
    if (buyer === undefined) continue;
    const had = out.get(buyer);
    if (had) {
      had.orders += 1;
      if (at > had.lastOrderAt) had.lastOrderAt = at;
    } else out.set(buyer, { orders: 1, lastOrderAt: at });
  }
  return out;
}

/** What `decisionsOfKinds` read: how many there are and the journal's last number, to pass back next time. */
export interface KindsSeen {
  /** Decisions of the kinds stored. */
  count: number;
  /** The highest journal number stored (of any kind). */
  lastN: number;
}

export interface KindsRead extends KindsSeen {
  decisions: Decision[];
  /** True: `decisions` are all of them; false: only those after what `seen` accounted for. */
  whole: boolean;
}

/**
 * The decisions of these kinds (their `kind` index), in one read transaction. Given `seen` (what
 * the last read returned), only the decisions numbered after it are read (the `n` index), when
 * they account for every new one; should a decision have arrived out of journal order (another
 * device's sync), the counts disagree and all of them are read again, so a fold stays exact.
 */
export function decisionsOfKinds(store: Store, kinds: readonly DecisionKind[], seen?: KindsSeen): Promise<KindsRead> {
  const { events } = tablesOf(store);
  const wanted = new Set<string>(kinds);
  const isWanted = (e: unknown): e is Decision =>
    typeof e === 'object' && e !== null && (e as Decision).type === 'decision' && wanted.has((e as Decision).kind);
  return tablesOf(store).transaction('r', events, async () => {
    const [counts, last] = await Promise.all([Promise.all(kinds.map((k) => events.where('kind').equals(k).count())), events.orderBy('n').last()]);
    const count = counts.reduce((a, b) => a + b, 0);
    const lastN = last?.type === 'decision' ? last.n : 0;
    if (seen) {
      if (lastN === seen.lastN && count === seen.count) return { count, lastN, decisions: [], whole: false };
      const fresh = lastN > seen.lastN ? (await events.where('n').above(seen.lastN).toArray()).filter(isWanted) : [];
      if (seen.count + fresh.length === count) return { count, lastN, decisions: fresh, whole: false };
    }
    // Each kind read whole by its index (getAll: far fewer round trips than a cursor).
    const byKind = await Promise.all(kinds.map(async (kind) => (await events.where('kind').equals(kind).toArray()).filter(isWanted)));
    const decisions = byKind.flat();
    return { count: decisions.length, lastN, decisions, whole: true };
  });
}
