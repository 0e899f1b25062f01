/**
 * Writing messages: a message (or a read receipt) and its outbox entry in one transaction; those
 * pulled from a channel, once each whatever the repeats; and marking sent what went out. Each
 * write keeps its conversation's row (the newest message, how far each side has read) in the
 * same transaction, so the list never disagrees with the messages.
 */
import { otherSide, type BuyerId, type EventId, type MessageEvent, type MessageSide, type Millis } from '../domain/index.ts';
import { tablesOf, type ShopDb } from './db.ts';
import { guardQuota } from './errors.ts';
import { countUnread } from './message-queries.ts';
import { PREVIEW_CHARS, readUpToOf, unreadKey, type ConversationRow, type MessageOutboxRow } from './message-rows.ts';
import type { Store } from './store.ts';

/** The tables a message write touches (for callers that store messages inside a larger transaction). */
export const messageTables = (db: ShopDb) => [db.messages, db.conversations];

/**
 * Stores the messages not already here and updates their conversations; returns those that were
 * new. Must run inside a transaction over `messageTables`.
 */
export async function putMessages(db: ShopDb, messages: readonly MessageEvent[]): Promise<MessageEvent[]> {
  if (messages.length === 0) return [];
  const unique = [...new Map(messages.map((m) => [m.id, m])).values()];
  const there = await db.messages.bulkGet(unique.map((m) => m.id));
  const fresh = unique.filter((_, i) => there[i] === undefined);
  if (fresh.length === 0) return [];
  await db.messages.bulkAdd(fresh);
  const buyers = [...new Set(fresh.map((m) => m.buyer))];
  const rows = await db.conversations.bulkGet(buyers);
  const byBuyer = new Map<BuyerId, ConversationRow>(buyers.map((b, i) => [b, rows[i] ?? { buyer: b, lastAt: 0 }]));
  for (const m of fresh) byBuyer.set(m.buyer, withMessage(byBuyer.get(m.buyer)!, m));
  await Promise.all(buyers.map(async (b, i) => {
    const row = byBuyer.get(b)!;
    for (const side of SIDES) row[unreadKey(side)] = await unreadAfter(db, rows[i], row, side, fresh);
  }));
  await db.conversations.bulkPut([...byBuyer.values()]);
  return fresh;
}

const SIDES: readonly MessageSide[] = ['buyer', 'seller'];

/**
 * `side`'s unread count once `fresh` (already in the table) is stored: the old count plus the
 * other side's new messages after how far it has read, or, where a receipt moved that mark or
 * the row kept no count, counted again from the messages after the mark (the unread ones only).
 */
async function unreadAfter(
  db: ShopDb, before: ConversationRow | undefined, after: ConversationRow, side: MessageSide, fresh: readonly MessageEvent[],
): Promise<number> {
  const had = before === undefined ? 0 : before[unreadKey(side)];
  const upTo = readUpToOf(after, side);
  if (had === undefined || upTo !== readUpToOf(before, side)) return countUnread(db, after, after.buyer, side);
  const from = otherSide(side);
  return had + fresh.filter((m) => m.buyer === after.buyer && m.kind === 'message.send' && m.from === from && m.at > (upTo ?? -Infinity)).length;
}

function withMessage(row: ConversationRow, m: MessageEvent): ConversationRow {
  if (m.kind === 'message.read') {
    const key = m.from === 'buyer' ? 'buyerReadUpTo' : 'sellerReadUpTo';
    return (row[key] ?? -Infinity) >= m.upTo ? row : { ...row, [key]: m.upTo };
  }
  // Newest by the author's clock, ties by id (UUIDv7: by time again), so any order of arrival agrees.
  const newer = m.at > row.lastAt || (m.at === row.lastAt && (row.lastId === undefined || m.id > row.lastId));
  return newer ? { ...row, lastAt: m.at, lastId: m.id, lastFrom: m.from, lastText: m.text.slice(0, PREVIEW_CHARS) } : row;
}

/** Stores a message or receipt of this device and queues it for sending, both or neither. */
export function sendMessage(store: Store, message: MessageEvent, queuedAt: Millis): Promise<'queued' | 'duplicate'> {
  const db = tablesOf(store);
  return guardQuota(() =>
    db.transaction('rw', [...messageTables(db), db.messageOutbox], async () => {
      const fresh = await putMessages(db, [message]);
      if (fresh.length === 0) return 'duplicate';
      const entry: MessageOutboxRow = { id: message.id, buyer: message.buyer, from: message.from, queuedAt, status: 'queued' };
      await db.messageOutbox.add(entry);
      return 'queued';
    }),
  );
}

/** Stores messages that came from elsewhere (a channel, the journal's device): once each. */
export function storeMessages(store: Store, messages: readonly MessageEvent[]): Promise<MessageEvent[]> {
  if (messages.length === 0) return Promise.resolve([]);
  const db = tablesOf(store);
  return guardQuota(() => db.transaction('rw', messageTables(db), () => putMessages(db, messages)));
}

/** This device's messages still to send (not refused ones), oldest first; `from` picks a side. */
export async function queuedMessages(store: Store, filter: { from?: 'buyer' | 'seller'; buyer?: BuyerId } = {}): Promise<MessageEvent[]> {
  const db = tablesOf(store);
  const entries = await db.messageOutbox.orderBy('queuedAt')
    .filter((e) => e.status === 'queued' && (filter.from === undefined || e.from === filter.from) && (filter.buyer === undefined || e.buyer === filter.buyer))
    .toArray();
  const rows = await db.messages.bulkGet(entries.map((e) => e.id));
  return rows.filter((m): m is MessageEvent => m !== undefined);
}

/**
 * These went out (or, in the demo, reached the other side on the same device): each gets the
 * time it was sent and leaves the outbox, in one transaction.
 */
export function markMessagesSent(store: Store, ids: readonly EventId[], sentAt: Millis): Promise<void> {
  if (ids.length === 0) return Promise.resolve();
  const db = tablesOf(store);
  return guardQuota(() =>
    db.transaction('rw', db.messages, db.messageOutbox, async () => {
      const rows = await db.messages.bulkGet([...ids]);
      await db.messages.bulkPut(rows.flatMap((m) => (m ? [{ ...m, sentAt }] : [])));
      await db.messageOutbox.bulkDelete([...ids]);
    }),
  );
}

/** The server refused this message for good: kept on the device with the reason, not sent again. */
export function refuseMessage(store: Store, id: EventId, error: string): Promise<void> {
  const db = tablesOf(store);
  return guardQuota(() =>
    db.transaction('rw', db.messageOutbox, async () => {
      await db.messageOutbox.where('id').equals(id).modify((e) => {
        e.status = 'refused';
        e.error = error;
      });
    }),
  );
}
