/**
 * Reading messages: the conversations newest first with what is unread on one side, one
 * conversation's messages with their state (queued on this device, sent, read), and the
 * unread count a badge shows. Reads go by the [buyer+at] index, so a long conversation costs
 * what is shown and what is unread, not its whole history.
 */
import { Dexie } from 'dexie';
import {
  messageStateOf, otherSide, type BuyerId, type MessageEvent, type MessageSide, type MessageState, type Millis, type SendMessage,
} from '../domain/index.ts';
import { tablesOf, type ShopDb } from './db.ts';
import { readUpToOf as readUpTo, unreadKey, type ConversationRow } from './message-rows.ts';
import type { Store } from './store.ts';

/** The other side's messages that `side` has not read yet in `buyer`'s conversation: the row's count where it keeps one. */
async function unreadIn(db: ShopDb, row: ConversationRow | undefined, buyer: BuyerId, side: MessageSide): Promise<number> {
  return row?.[unreadKey(side)] ?? countUnread(db, row, buyer, side);
}

/**
 * Counted from the messages: those of the other side after how far `side` has read, by the
 * [buyer+at] index (so it walks the unread ones only). message-store.ts keeps the count with it.
 */
export async function countUnread(db: ShopDb, row: ConversationRow | undefined, buyer: BuyerId, side: MessageSide): Promise<number> {
  const from = otherSide(side);
  const after = readUpTo(row, side) ?? -Infinity;
  return db.messages
    .where('[buyer+at]').between([buyer, after], [buyer, Dexie.maxKey], false, true)
    .filter((m) => m.kind === 'message.send' && m.from === from)
    .count();
}

export interface ConversationSummary extends ConversationRow {
  /** The other side's messages this side has not read. */
  unread: number;
}

/**
 * The seller's conversations, newest first, each with its unread count for the seller. `query`
 * finds a conversation by its buyer or by the text of any of its messages (every word).
 */
export async function listConversations(store: Store, query = ''): Promise<ConversationSummary[]> {
  const db = tablesOf(store);
  let rows = (await db.conversations.orderBy('lastAt').reverse().toArray()).filter((r) => r.lastId !== undefined);
  const words = query.toLocaleLowerCase().split(/\s+/).filter((w) => w !== '');
  if (words.length > 0) {
    const found = new Set<string>();
    await db.messages.each((m) => {
      if (m.kind === 'message.send' && words.every((w) => m.text.toLocaleLowerCase().includes(w))) found.add(m.buyer);
    });
    rows = rows.filter((r) => found.has(r.buyer) || words.every((w) => r.buyer.toLocaleLowerCase().includes(w)));
  }
  return Promise.all(rows.map(async (r) => ({ ...r, unread: await unreadIn(db, r, r.buyer, 'seller') })));
}

/** What `side` has not read: in one buyer's conversation, or (seller, no buyer) in all of them. */
export async function unreadCount(store: Store, side: MessageSide, buyer?: BuyerId): Promise<number> {
  const db = tablesOf(store);
  if (buyer !== undefined) return unreadIn(db, await db.conversations.get(buyer), buyer, side);
  const rows = await db.conversations.toArray();
  const counts = await Promise.all(rows.map((r) => unreadIn(db, r, r.buyer, side)));
  return counts.reduce((a, b) => a + b, 0);
}

export interface ShownMessage {
  message: SendMessage;
  /** Written by the side reading. */
  mine: boolean;
  /** For one's own messages: queued on this device, sent, or read by the other side. */
  state: MessageState | 'refused';
  /** Why the server refused it, for a refused one. */
  error?: string;
}

export interface Conversation {
  buyer: BuyerId;
  /** Oldest first, the newest `limit` of them. */
  messages: ShownMessage[];
  /** Whether older messages were left out. */
  more: boolean;
  /** The newest message of the other side (what a read receipt would cover), if any. */
  newestOther?: Millis;
  unread: number;
}

/** One buyer's conversation as `side` sees it: the newest `limit` messages, oldest first, with their state. */
export async function readConversation(store: Store, buyer: BuyerId, side: MessageSide, limit = 200): Promise<Conversation> {
  const db = tablesOf(store);
  const row = await db.conversations.get(buyer);
  const newest = await newestMessages(db, buyer, limit + 1);
  const more = newest.length > limit;
  const shown = newest.slice(0, limit).reverse();
  const outbox = await db.messageOutbox.bulkGet(shown.map((m) => m.id));
  const theirs = readUpTo(row, otherSide(side));
  const messages = shown.map((message, i): ShownMessage => {
    const mine = message.from === side;
    const entry = outbox[i];
    if (entry?.status === 'refused') return { message, mine, state: 'refused', error: entry.error };
    // Only one's own messages have a state to show; the other side's arrived, so they are 'sent'.
    return { message, mine, state: mine ? messageStateOf(message, entry !== undefined, theirs) : 'sent' };
  });
  const newestOther = [...shown].reverse().find((m) => m.from !== side)?.at;
  return { buyer, messages, more, newestOther, unread: await unreadIn(db, row, buyer, side) };
}

/**
 * The newest `count` messages of a conversation, newest first. Receipts share the index, so a
 * page a quarter larger is read in one `getAll` (in a browser several times faster than a cursor
 * over the same rows); only where receipts left it short does a cursor walk on.
 */
async function newestMessages(db: ShopDb, buyer: BuyerId, count: number): Promise<SendMessage[]> {
  const range = () => db.messages.where('[buyer+at]').between([buyer, Dexie.minKey], [buyer, Dexie.maxKey]).reverse();
  const page = count + Math.ceil(count / 4);
  const rows = await range().limit(page).toArray();
  const sends = rows.filter((m): m is SendMessage => m.kind === 'message.send');
  if (sends.length >= count || rows.length < page) return sends.slice(0, count);
  const newest: SendMessage[] = [];
  await range()
    .until(() => newest.length >= count)
    .each((m: MessageEvent) => {
      if (m.kind === 'message.send') newest.push(m);
    });
  return newest;
}

/** How far `side` has read `buyer`'s conversation (to skip a receipt that would say nothing new). */
export async function readUpToOf(store: Store, buyer: BuyerId, side: MessageSide): Promise<Millis | undefined> {
  return readUpTo(await tablesOf(store).conversations.get(buyer), side);
}

/**
 * When `side` wrote its messages in `buyer`'s conversation since `since` (receipts left out):
 * what the flood limit (domain/messages.ts) counts. By the [buyer+at] index, so it costs the
 * recent messages only.
 */
export async function sentTimesSince(store: Store, buyer: BuyerId, side: MessageSide, since: Millis): Promise<Millis[]> {
  const db = tablesOf(store);
  const times: Millis[] = [];
  await db.messages
    .where('[buyer+at]').between([buyer, since], [buyer, Dexie.maxKey], false, true)
    .each((m: MessageEvent) => {
      if (m.kind === 'message.send' && m.from === side) times.push(m.at);
    });
  return times;
}
