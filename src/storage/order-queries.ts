/**
 * Reads about orders and what happened to them: events by id, the shop's decisions on this
 * device's intents, orders, teams and withdrawals by their indexed fields, and the latest
 * decisions of the journal. Plain reads, safe inside a live query; the app composes them.
 */
import type {
  BuyerId, Decision, DecisionKind, EventId, Order, OrderStatus, Team, TeamId, Withdrawal,
} from '../domain/index.ts';
import { tablesOf } from './db.ts';
import type { EventRow, OutboxEntry } from './rows.ts';
import type { Store } from './store.ts';

const isDecision = (e: EventRow | undefined): e is Decision => e?.type === 'decision';

/** One event (an intent, a command or a decision) by its id. */
export function getEvent(store: Store, id: EventId): Promise<EventRow | undefined> {
  return tablesOf(store).events.get(id);
}

/** Events by id, in the order given (undefined where this device has none). */
export function eventsByIds(store: Store, ids: readonly EventId[]): Promise<(EventRow | undefined)[]> {
  return tablesOf(store).events.bulkGet([...ids]);
}

/** The shop's decisions on one intent (an order's acceptance or rejection, a refusal…). */
export async function decisionsOn(store: Store, intentId: EventId): Promise<Decision[]> {
  return (await tablesOf(store).events.where('intentId').equals(intentId).toArray()).filter(isDecision);
}

/** The first decision on each of these intents, in the order given (undefined where none is stored). */
export function firstDecisionsOn(store: Store, intentIds: readonly EventId[]): Promise<(Decision | undefined)[]> {
  const { events } = tablesOf(store);
  return Promise.all(intentIds.map(async (id) => {
    const found = await events.where('intentId').equals(id).first();
    return isDecision(found) ? found : undefined;
  }));
}

/** Every decision on any of these intents. */
export async function decisionsOnAny(store: Store, intentIds: readonly EventId[]): Promise<Decision[]> {
  return (await tablesOf(store).events.where('intentId').anyOf([...intentIds]).toArray()).filter(isDecision);
}

/** Every stored decision of one kind (its `kind` index). */
export async function decisionsOfKind(store: Store, kind: DecisionKind): Promise<Decision[]> {
  return (await tablesOf(store).events.where('kind').equals(kind).toArray()).filter(isDecision);
}

/**
 * The latest decisions of these kinds, newest first, at most `limit`: the journal read backwards
 * by its number (the `n` index) until enough are found or `scan` events were looked at, so a
 * shop with a hundred thousand decisions reads a few dozen of them.
 */
export async function latestDecisions(store: Store, kinds: ReadonlySet<DecisionKind>, limit: number, scan: number): Promise<Decision[]> {
  let scanned = 0;
  const found = await tablesOf(store).events
    .orderBy('n')
    .reverse()
    .until(() => scanned >= scan)
    .filter((e) => {
      scanned += 1;
      return isDecision(e) && kinds.has(e.kind);
    })
    .limit(limit)
    .toArray();
  return found.filter(isDecision);
}

/** Outbox entries by intent id, in the order given (undefined where the outbox has none). */
export function outboxEntries(store: Store, ids: readonly EventId[]): Promise<(OutboxEntry | undefined)[]> {
  return tablesOf(store).outbox.bulkGet([...ids]);
}

/** Every buyer's orders in one state (its `status` index), in no particular order. */
export async function ordersWithStatus(store: Store, status: OrderStatus): Promise<Order[]> {
  return (await tablesOf(store).orders.where('status').equals(status).toArray()).map((r) => r.value);
}

export async function getTeam(store: Store, id: TeamId): Promise<Team | undefined> {
  return (await tablesOf(store).teams.get(id))?.value;
}

/** Teams in one state (its `status` index), in no particular order. */
export async function teamsWithStatus(store: Store, status: Team['status']): Promise<Team[]> {
  return (await tablesOf(store).teams.where('status').equals(status).toArray()).map((r) => r.value);
}

/** A buyer's withdrawals the shop has decided on, in no particular order. */
export async function withdrawalsOf(store: Store, buyer: BuyerId): Promise<Withdrawal[]> {
  return (await tablesOf(store).withdrawals.where('buyer').equals(buyer).toArray()).map((r) => r.value);
}

/** Every buyer's withdrawals in one state, in no particular order. */
export async function withdrawalsWithStatus(store: Store, status: Withdrawal['status']): Promise<Withdrawal[]> {
  return (await tablesOf(store).withdrawals.where('status').equals(status).toArray()).map((r) => r.value);
}
