/**
 * Writing this device's own intents: the event and its outbox entry in one transaction, so the
 * app never shows a change that will not be sent, nor sends one it does not show.
 */
import type { BuyerId, EventId, Intent, Millis } from '../domain/index.ts';
import { clearCart } from './cart.ts';
import { tablesOf, type ShopDb } from './db.ts';
import type { Store } from './store.ts';
import { guardQuota } from './errors.ts';
import type { OutboxEntry } from './rows.ts';

/**
 * 'queued': stored and waiting to be sent. 'duplicate': this id was already stored (the id is
 * the idempotency key, so nothing changed). 'already-decided': stored, but the shop's decision
 * on it is already here (say, from another device of the same buyer), so nothing is sent.
 */
export type QueueResult = 'queued' | 'duplicate' | 'already-decided';

/** Stores an intent and queues it, both or neither; the caller's transaction holds events and outbox. */
async function putIntent(db: ShopDb, intent: Intent, queuedAt: Millis): Promise<QueueResult> {
  if ((await db.events.get(intent.id)) !== undefined) return 'duplicate';
  await db.events.add(intent);
  if ((await db.events.where('intentId').equals(intent.id).count()) > 0) return 'already-decided';
  const entry: OutboxEntry = { id: intent.id, status: 'queued', queuedAt, attempts: 0 };
  await db.outbox.add(entry);
  return 'queued';
}

export interface QueueOptions {
  /** A checkout from this buyer's cart: the cart is emptied in the same transaction. */
  clearCartOf?: BuyerId;
}

/** Stores an intent and queues it for sending, both or neither. `queuedAt` is the device's clock. */
export function queueIntent(store: Store, intent: Intent, queuedAt: Millis, options: QueueOptions = {}): Promise<QueueResult> {
  const db = tablesOf(store);
  const buyer = options.clearCartOf;
  return guardQuota(() =>
    db.transaction('rw', buyer === undefined ? [db.events, db.outbox] : [db.events, db.outbox, db.cart], async () => {
      const result = await putIntent(db, intent, queuedAt);
      if (buyer !== undefined) await clearCart(db, buyer);
      return result;
    }),
  );
}

/** Writes issued together within the one transaction (a bound on what waits in memory at once). */
const CHUNK = 500;

/**
 * Stores and queues many intents in ONE transaction (a catalog import): if any write fails (the
 * disk is full), nothing at all is queued. A chunk's writes are issued together, not one after
 * another: IndexedDB runs them in order within the transaction without a trip back to this code
 * between each.
 */
export function queueIntents(store: Store, intents: readonly Intent[], queuedAt: Millis): Promise<QueueResult[]> {
  const db = tablesOf(store);
  return guardQuota(() => db.transaction('rw', [db.events, db.outbox], () => putAll(db, intents, queuedAt)));
}

/**
 * As `queueIntents`, on a device that has no event at all yet (the demo's first start): `make`
 * is called only then, inside the transaction (synchronously: it must not wait on anything);
 * on any other device nothing is written and the answer is false. The check and the writes are
 * one transaction, so two tabs starting at once cannot both write.
 */
export function queueIntentsIfEmpty(store: Store, make: () => readonly Intent[], queuedAt: Millis): Promise<boolean> {
  const db = tablesOf(store);
  return guardQuota(() =>
    db.transaction('rw', [db.events, db.outbox], async () => {
      if ((await db.events.count()) > 0) return false;
      await putAll(db, make(), queuedAt);
      return true;
    }),
  );
}

async function putAll(db: ShopDb, intents: readonly Intent[], queuedAt: Millis): Promise<QueueResult[]> {
  const out: QueueResult[] = [];
  for (let i = 0; i < intents.length; i += CHUNK) {
    out.push(...(await Promise.all(intents.slice(i, i + CHUNK).map((intent) => putIntent(db, intent, queuedAt)))));
  }
  return out;
}

/**
 * These intents go out now: each buyer intent's document gets its `sentAt` (the time the
 * shop orders intents by, from the server's clock in sync, the device's in the demo) and
 * its outbox entry says sent, in one transaction. Only entries still queued or sent are
 * touched, so an intent decided meanwhile is not brought back.
 */
export function markSent(store: Store, ids: readonly EventId[], sentAt: Millis): Promise<void> {
  const db = tablesOf(store);
  return guardQuota(() =>
    db.transaction('rw', db.outbox, db.events, async () => {
      // In bulk (a read and a write per table, not per id): a push of 10,000 intents spent most
      // of its time here at ~1.7 ms an id (bench: sync push).
      const entries = await db.outbox.bulkGet([...ids]);
      const sent = entries.flatMap((e): OutboxEntry[] => {
        if (e === undefined) return [];
        const entry: OutboxEntry = { ...e, status: 'sent', sentAt, attempts: e.attempts + 1 };
        delete entry.error;
        return [entry];
      });
      if (sent.length === 0) return;
      await db.outbox.bulkPut(sent);
      const events = await db.events.bulkGet(sent.map((e) => e.id));
      await db.events.bulkPut(events.flatMap((e) => (e?.type === 'intent' && e.by === 'buyer' ? [{ ...e, sentAt }] : [])));
    }),
  );
}

/** For the sync engine: the server refused this entry for good; `error` says why, for the person. */
export function refuseQueued(store: Store, id: EventId, error: string): Promise<void> {
  const db = tablesOf(store);
  return guardQuota(() =>
    db.transaction('rw', db.outbox, async () => {
      await db.outbox.where('id').equals(id).modify((e) => {
        e.status = 'refused';
        e.attempts += 1;
        e.error = error;
      });
    }),
  );
}
