/**
 * This device's intents still waiting for the shop, and the stored journal: read by the
 * authority and the order screens, not the first one (queries.ts is loaded with it).
 */
import type { Decision, EventId, Intent } from '../domain/index.ts';
import { tablesOf } from './db.ts';
import type { OutboxEntry } from './rows.ts';
import type { Store } from './store.ts';

export function outboxEntry(store: Store, id: EventId): Promise<OutboxEntry | undefined> {
  const db = tablesOf(store);
  return db.outbox.get(id);
}

export interface PendingIntent {
  intent: Intent;
  status: 'queued' | 'sent';
  entry: OutboxEntry;
}

/** This device's intents still waiting for the shop's decision (not refused ones), oldest first. */
export async function pendingIntents(store: Store): Promise<PendingIntent[]> {
  const db = tablesOf(store);
  const entries = await db.outbox.orderBy('queuedAt').filter((e) => e.status !== 'refused').toArray();
  const events = await db.events.bulkGet(entries.map((e) => e.id));
  return entries.flatMap((entry, i) => {
    const intent = events[i];
    if (intent?.type !== 'intent' || entry.status === 'refused') return [];
    return [{ intent, status: entry.status, entry }];
  });
}

/** Every stored decision in journal order: what `apply(emptyState(), …)` rebuilds the state from. */
export async function allDecisions(store: Store): Promise<Decision[]> {
  const db = tablesOf(store);
  return decisionsAfter(db, -Infinity);
}

/** The stored decisions numbered after `n`, in journal order: to catch up a state already at `n`. */
export async function decisionsAfter(store: Store, n: number): Promise<Decision[]> {
  const db = tablesOf(store);
  const rows = await db.events.where('n').above(n).toArray();
  return rows.filter((e): e is Decision => e.type === 'decision');
}
