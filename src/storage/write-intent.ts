/**
 * Writing this device's own intents: the event and its outbox entry in one transaction, so the
 * app never shows a change that will not be sent, nor sends one it does not show.
 */
import type { EventId, Intent, Millis } from '../domain/index.ts';
import type { ShopDb } from './db.ts';
import { guardQuota } from './errors.ts';
import type { OutboxEntry } from './rows.ts';

/**
 * 'queued': stored and waiting to be sent. 'duplicate': this id was already stored (the id is
 * the idempotency key, so nothing changed). 'already-decided': stored, but the shop's decision
 * on it is already here (say, from another device of the same buyer), so nothing is sent.
 */
export type QueueResult = 'queued' | 'duplicate' | 'already-decided';

/** Stores an intent and queues it for sending, both or neither. `queuedAt` is the device's clock. */
export function queueIntent(db: ShopDb, intent: Intent, queuedAt: Millis): Promise<QueueResult> {
  return guardQuota(() =>
    db.transaction('rw', [db.events, db.outbox], async (): Promise<QueueResult> => {
      if ((await db.events.get(intent.id)) !== undefined) return 'duplicate';
      await db.events.add(intent);
      if ((await db.events.where('intentId').equals(intent.id).count()) > 0) return 'already-decided';
      const entry: OutboxEntry = { id: intent.id, status: 'queued', queuedAt, attempts: 0 };
      await db.outbox.add(entry);
      return 'queued';
    }),
  );
}

/**
 * These intents go out now: each buyer intent's document gets its `sentAt` (the time the
 * shop orders intents by, from the server's clock in sync, the device's in the demo) and
 * its outbox entry says sent, in one transaction. Only entries still queued or sent are
 * touched, so an intent decided meanwhile is not brought back.
 */
export function markSent(db: ShopDb, ids: readonly EventId[], sentAt: Millis): Promise<void> {
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
export function refuseQueued(db: ShopDb, id: EventId, error: string): Promise<void> {
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
