/**
 * Runs in Chromium (served by Vite from messages-bench.html, driven by bench/messages.bench.ts):
 * a conversation of `size` messages stored through the app's own writes into the browser's real
 * IndexedDB, then opened as the app opens it (`readConversation`: the newest 200 with their
 * states and the unread count, which the conversation row keeps) and the badge's count, beside
 * the raw ceiling (the same 200 rows by the index alone) and the walk the count used to be.
 */
import { Dexie } from 'dexie';
import { MESSAGE_VERSION, type BuyerId, type EventId, type MessageEvent } from '../../src/domain/index.ts';
import { openDb, readConversation, storeMessages, unreadCount } from '../../src/storage/index.ts';
import { countUnread } from '../../src/storage/message-queries.ts';

export interface ConversationTimes {
  store: number;
  /** Medians of `runs` timed runs after one warm-up. */
  open: number;
  openP95: number;
  unread: number;
  raw: number;
  walk: number;
  shown: number;
  unreadCount: number;
}

declare global {
  interface Window {
    runMessagesBench(size: number, runs: number): Promise<ConversationTimes>;
  }
}

Dexie.debug = false;
const BUYER = 'mei' as BuyerId;

async function timed<T>(runs: number, fn: () => Promise<T>): Promise<{ median: number; p95: number; result: T }> {
  let result = await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, p95: times[Math.min(times.length - 1, Math.ceil(0.95 * times.length) - 1)]!, result };
}

window.runMessagesBench = async (size, runs) => {
  const db = openDb(`bench-messages-${Date.now()}`);
  await db.open();
  const t0 = Date.UTC(2026, 10, 11);
  const all: MessageEvent[] = Array.from({ length: size }, (_, i) => ({
    id: `m-${String(i).padStart(6, '0')}` as EventId, v: MESSAGE_VERSION, at: t0 + i * 60_000, type: 'message', kind: 'message.send',
    from: i % 3 === 0 ? 'seller' : 'buyer', buyer: BUYER, sentAt: t0 + i * 60_000, text: `message ${i}: ${'text '.repeat(8)}`,
  }));
  const s0 = performance.now();
  for (let i = 0; i < all.length; i += 1000) await storeMessages(db, all.slice(i, i + 1000));
  const store = performance.now() - s0;
  const open = await timed(runs, () => readConversation(db, BUYER, 'seller'));
  const unread = await timed(runs, () => unreadCount(db, 'seller'));
  const raw = await timed(runs, () => db.messages.where('[buyer+at]').between([BUYER, Dexie.minKey], [BUYER, Dexie.maxKey]).reverse().limit(200).toArray());
  const row = await db.conversations.get(BUYER);
  const walk = await timed(runs, () => countUnread(db, row, BUYER, 'seller'));
  db.close();
  await Dexie.delete(db.name);
  return {
    store, open: open.median, openP95: open.p95, unread: unread.median, raw: raw.median, walk: walk.median,
    shown: open.result.messages.length, unreadCount: unread.result,
  };
};
