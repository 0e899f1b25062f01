/**
 * Messages (issue 14): `npm run bench -- messages`.
 *
 * 1. One short text message each way over the emulated slow 2G link (slow-link.ts: 300 ms a
 *    request, 250/50 kbit/s), both devices on it, through the real code: the buyer's device
 *    sends it in its sync cycle (`buyerCycle`), the seller's device stores it in its next run
 *    (`RemoteAuthority.runOnce`), answers, and the buyer's next cycle pulls the answer. Bytes and
 *    requests of each leg, and the time from "send" until the other side has it stored (the
 *    seller's run starts right after the push: the wait for news is not counted). Beside them,
 *    the ceiling: the message document's own bytes. CouchDB 3.5 where ../shared/couchdb is there.
 * 2. A conversation of 10,000 messages on a device, in Chromium's real IndexedDB (and in
 *    fake-indexeddb in Node, for the record): the first screen of it (the newest 200 with their
 *    states and the unread count, `readConversation`) and the badge's count, beside the raw
 *    ceiling (the same 200 rows by the [buyer+at] index alone) and the walk over the unread
 *    messages that the count was before the conversation row kept it.
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { Dexie } from 'dexie';
import { MESSAGE_VERSION, type BuyerId, type EventId, type MessageEvent } from '../src/domain/index.ts';
import { readConversation, sendMessage, ShopDb, storeMessages, unreadCount } from '../src/storage/index.ts';
import { RemoteAuthority } from '../src/sync/authority/authority-runner.ts';
import { buyerCycle, type BuyerSyncTarget } from '../src/sync/buyer-sync.ts';
import { CouchClient } from '../src/sync/couch-client.ts';
import { adoptChannel, setUpShop } from '../src/sync/setup-shop.ts';
import { basic, createUser, startTestServer, TEST_SERVER } from '../tests/sync/couch-server.ts';
import { slowFetch, type LinkCount } from './slow-link.ts';
import { withBenchPage } from './browser/chromium.ts';
import { count, measure, type Row } from './table.ts';

const SHOP_ID = 'chat';
const RULES = { allowDemoTopUps: false };
const BUYER = 'mei' as BuyerId;
const CONVERSATION = Number(process.env.BENCH_CONVERSATION ?? 10_000);
/** The goals: a text message ≤ 1 KB on the wire, pull included; a conversation's first screen ≤ 100 ms. */
const BYTES_GOAL = 1024;
const OPEN_GOAL_MS = 100;
const PORT = Number(process.env.BENCH_MESSAGES_PORT ?? 4195);

function message(from: 'buyer' | 'seller', text: string, at = Date.now(), id = `m-${from}-${at}-${Math.random().toString(36).slice(2, 8)}`): MessageEvent {
  return { id: id as EventId, v: MESSAGE_VERSION, at, type: 'message', kind: 'message.send', from, buyer: BUYER, sentAt: at, text };
}

const delta = (after: LinkCount, before: LinkCount) => ({ requests: after.requests - before.requests, up: after.up - before.up, down: after.down - before.down });

async function roundTrip(): Promise<Row[]> {
  const couch = await startTestServer();
  try {
    await setUpShop(couch.admin, SHOP_ID, RULES);
    await createUser(couch.admin, BUYER, 'password1');
    await adoptChannel(couch.admin, BUYER, RULES);
    const buyerLink = slowFetch();
    const sellerLink = slowFetch();
    const buyerDb = new ShopDb(`bench-msg-buyer-${Math.random()}`);
    const sellerDb = new ShopDb(`bench-msg-seller-${Math.random()}`);
    const buyer: BuyerSyncTarget = {
      local: buyerDb, client: new CouchClient({ url: couch.url, authorization: basic(BUYER, 'password1'), fetch: buyerLink.fetch }),
      shop: SHOP_ID, buyer: BUYER, now: () => Date.now(), checked: new Map(),
    };
    const seller = new RemoteAuthority(sellerDb, new CouchClient({ url: couch.url, authorization: couch.adminAuth, fetch: sellerLink.fetch }), SHOP_ID,
      { id: 'phone', label: "Seller's phone" }, () => Date.now(), RULES);
    // Both devices settled first (their first cycle and run read everything there is).
    await buyerCycle(buyer);
    await seller.runOnce();

    const question = message('buyer', 'Hello! Is the 250 g tin in stock? I would like two.');
    const ceiling = Buffer.byteLength(JSON.stringify({ ...question, _id: question.id }));
    await sendMessage(buyerDb, question, question.at);
    const b0 = { ...buyerLink.count };
    const s0 = { ...sellerLink.count };
    const started = performance.now();
    await buyerCycle(buyer);
    const b1 = { ...buyerLink.count };
    const run = await seller.runOnce();
    const toSeller = performance.now() - started;
    const s1 = { ...sellerLink.count };
    if (run.messages < 1) throw new Error("the seller's run did not store the question");

    const answer = message('seller', 'Yes, 12 left. Two are yours if you order today.');
    await sendMessage(sellerDb, answer, answer.at);
    const back = performance.now();
    await seller.runOnce();
    const s2 = { ...sellerLink.count };
    await buyerCycle(buyer);
    const toBuyer = performance.now() - back;
    const b2 = { ...buyerLink.count };
    const got = (await readConversation(buyerDb, BUYER, 'buyer')).messages.some((m) => m.message.id === answer.id);

    const up = delta(b1, b0);
    const read = delta(s1, s0);
    const sent = delta(s2, s1);
    const pulled = delta(b2, b1);
    const server = TEST_SERVER.kind === 'couchdb' ? 'CouchDB 3.5' : 'PouchDB Server';
    const legBytes = (l: { up: number; down: number }) => l.up + l.down;
    return [
      {
        name: 'messages: buyer → seller, slow 2G',
        size: '1 text message',
        ms: toSeller,
        throughput: '—',
        note: `buyer's cycle ${count(up.requests)} requests, ${count(legBytes(up))} B (its whole cycle: identity, catalog, channel, headers included); `
          + `seller's run ${count(read.requests)} requests, ${count(legBytes(read))} B; the document itself ${count(ceiling)} B; ${server}, emulated link, one run`,
      },
      {
        name: 'messages: seller → buyer, slow 2G',
        size: '1 text message',
        ms: toBuyer,
        throughput: '—',
        note: `seller's run ${count(sent.requests)} requests, ${count(legBytes(sent))} B; buyer's cycle ${count(pulled.requests)} requests, ${count(legBytes(pulled))} B; `
          + `goal ≤ ${count(BYTES_GOAL)} B a message with its pull: ${legBytes(sent) + legBytes(pulled) <= BYTES_GOAL ? 'met' : 'NOT met'} (headers are most of it); ${server}`,
        ...(!got && { failed: "the buyer's cycle did not bring the answer" }),
      },
    ];
  } finally {
    await couch.stop();
  }
}

async function openConversation(): Promise<Row[]> {
  const db = new ShopDb(`bench-msg-open-${Math.random()}`);
  const t0 = Date.UTC(2026, 10, 11);
  const all = Array.from({ length: CONVERSATION }, (_, i) =>
    message(i % 3 === 0 ? 'seller' : 'buyer', `message ${i}: ${'text '.repeat(8)}`, t0 + i * 60_000, `m-${String(i).padStart(6, '0')}`));
  for (let i = 0; i < all.length; i += 1000) await storeMessages(db, all.slice(i, i + 1000));
  // One timed run each, no warm-up: fake-indexeddb's cursors are slow enough here that more would take minutes.
  const once = { runs: 1, warmup: false };
  const open = await measure(() => readConversation(db, BUYER, 'buyer'), once);
  const unread = await measure(() => unreadCount(db, 'buyer', BUYER), once);
  const raw = await measure(() => db.messages.where('[buyer+at]').between([BUYER, Dexie.minKey], [BUYER, Dexie.maxKey]).reverse().limit(200).toArray(), once);
  // The engine's own cost of walking the conversation with a cursor (what counting unread does), nothing of ours.
  const walk = await measure(() => db.messages.where('[buyer+at]').between([BUYER, Dexie.minKey], [BUYER, Dexie.maxKey]).filter(() => true).count(), once);
  const shown = open.result.messages.length;
  return [
    {
      name: 'messages: open a conversation',
      size: `${count(CONVERSATION)} messages`,
      ms: open.ms,
      throughput: '—',
      note: `the newest ${count(shown)} with their states; raw ceiling (the same rows by the index alone) ${raw.ms.toFixed(1)} ms; `
        + `goal ≤ ${OPEN_GOAL_MS} ms: ${open.ms <= OPEN_GOAL_MS ? 'met' : 'NOT met'}; fake-indexeddb in Node (a browser's IndexedDB is not measured here)`,
      ...(shown !== 200 && { failed: `${shown} shown of 200` }),
    },
    {
      name: 'messages: unread count',
      size: `${count(CONVERSATION)} messages`,
      ms: unread.ms,
      throughput: '—',
      note: `${count(unread.result)} unread (the buyer's, none read yet), read from the conversation row; `
        + `the engine walking all ${count(CONVERSATION)} with a cursor, nothing of ours: ${walk.ms.toFixed(0)} ms; fake-indexeddb in Node`,
    },
  ];
}

/** The same conversation in Chromium's IndexedDB (bench/browser/messages-bench.ts). */
async function openInChromium(): Promise<Row[]> {
  const runs = 9;
  const t = await withBenchPage({ page: 'bench/browser/messages-bench.html', port: PORT, ready: 'runMessagesBench', include: ['dexie', 'idb-keyval'] },
    (page) => page.evaluate(([size, n]) => window.runMessagesBench(size, n), [CONVERSATION, runs] as const));
  return [
    {
      name: 'messages: open a conversation (Chromium)',
      size: `${count(CONVERSATION)} messages`,
      ms: t.open,
      throughput: '—',
      note: `median of ${runs}, p95 ${t.openP95.toFixed(1)} ms: the newest ${count(t.shown)} with their states and ${count(t.unreadCount)} unread from the conversation row; `
        + `raw ceiling (the 200 rows by the index alone) ${t.raw.toFixed(1)} ms; goal ≤ ${OPEN_GOAL_MS} ms: ${t.open <= OPEN_GOAL_MS ? 'met' : 'NOT met'}; `
        + `storing the ${count(CONVERSATION)} took ${Math.round(t.store)} ms`,
      ...(t.shown !== 200 && { failed: `${t.shown} shown of 200` }),
    },
    {
      name: 'messages: unread badge (Chromium)',
      size: `${count(CONVERSATION)} messages`,
      ms: t.unread,
      throughput: '—',
      note: `the seller's ${count(t.unreadCount)} unread, read from the conversation row; counting them by walking the unread messages (as before): ${t.walk.toFixed(1)} ms`,
    },
  ];
}

export async function messagesBench(): Promise<Row[]> {
  return [...(await roundTrip()), ...(await openInChromium()), ...(await openConversation())];
}
