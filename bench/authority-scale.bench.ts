/**
 * The seller's authority against a server with many buyers (issue 9): `npm run bench -- authority-scale`.
 *
 * On a real Apache CouchDB 3.5 when `../shared/couchdb/start.sh` is there (`COUCHDB_START`
 * names another start.sh), else PouchDB Server. The seller's device is the app's own
 * runner (RemoteAuthority, in Node on fake-indexeddb) behind a fetch that waits `delay` before
 * each request: 0, and 150 ms standing in for a phone's round trip. Buyers push through an
 * undelayed client (their phones' links are their own).
 *
 * For each number of buyers N (BENCH_SCALE_SIZES, default 100,1000,10000) and each delay:
 * - a fresh device (nothing stored) starts, and one buyer pushes an order at once: time to that
 *   decision in the buyer's channel, and time and requests until its first whole sweep;
 * - a quiet tick once it has settled: the run's requests and time, plus the one request of the
 *   wait for news (the lease renewed every run, as when ticks are a longpoll's 25 s apart);
 * - one buyer's push to the decision in their channel, the device running its sync loop;
 * - at N = 1,000: the flash sale, 1,000 buyers each pushing one order within 10 s for 100 units.
 *
 * Channels: the first 1,000 belong to real accounts (couch_peruser makes them on CouchDB; on
 * PouchDB Server the setup does), adopted by the setup as a seller's device would; beyond
 * 1,000 (the lighter setup) CouchDB gets bare channels made by the admin with one shard each
 * (`?q=1`) and adopted, with no account behind them (10,000 accounts take CouchDB an hour to hash).
 * Every channel starts with its rules and identity documents, as adopted channels have.
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import type { BuyerId, Decision, Intent } from '../src/domain/index.ts';
import { decisionIdFor } from '../src/domain/authority/context.ts';
import { ShopDb } from '../src/storage/index.ts';
import type { RemoteAuthority } from '../src/sync/authority/authority-runner.ts';
import { pool } from '../src/sync/authority/pool.ts';
import { sellerWork } from '../src/sync/authority/seller-work.ts';
import { CouchError } from '../src/sync/couch-client.ts';
import { channelDb, journalDb } from '../src/sync/names.ts';
import { adoptChannel, setUpShop } from '../src/sync/setup-shop.ts';
import { SyncLoop } from '../src/sync/sync-loop.ts';
import { line, m, order, product, seller, SHOP } from '../tests/domain/fixtures/shop.ts';
import {
  buyerClient, buyerNames, channelsExist, countingFetch, createBuyers, push, queueCommands, RULES, sellerClient, sellerDevice,
} from '../tests/sync/authority-scale-helpers.ts';
import { startCouch, type TestCouch } from '../tests/sync/couch-server.ts';
import { realCouchAvailable, startRealCouch } from '../tests/sync/real-couch.ts';
import { count, formatMs, median, random, type Row } from './table.ts';

const SHOP_ID = 'scale';
const DELAYS = [0, 150];
const ACCOUNTS = 1_000;
const FLASH_BUYERS = 1_000;
const FLASH_UNITS = 100;
const PUSH_WINDOW_MS = 10_000;
const QUIET_TICKS = 5;
const PUSHES = 3;

/** Issue 9's table: the runner as it was (PouchDB Server, no added delay), for comparison. */
const BEFORE: Record<number, { idle: string; first: string; order: string }> = {
  100: { idle: '204 requests, 1–1.7 s', first: '1,704 requests, 14 s', order: '209 requests' },
  1000: { idle: '2,004 requests, 5–8 s', first: '17,004 requests, 74 s', order: '2,009 requests, 7 s' },
};

function sizes(): number[] {
  const raw = process.env.BENCH_SCALE_SIZES ?? '100,1000,10000';
  return raw.split(',').map((s) => Number(s.replace(/_/g, ''))).filter((n) => Number.isInteger(n) && n > 0).sort((a, b) => a - b);
}

let devices = 0;
const freshDb = () => new ShopDb(`scale-bench-${++devices}-${Math.random().toString(36).slice(2)}`);

export async function authorityScaleBench(): Promise<Row[]> {
  const couchdb = realCouchAvailable();
  const server = couchdb ? 'CouchDB 3.5' : 'PouchDB Server';
  const wanted = couchdb ? sizes() : sizes().filter((n) => n <= ACCOUNTS); // PouchDB Server sweeps every channel every run
  const couch = couchdb ? await startRealCouch({ cheapPasswords: true }) : await startCouch();
  const rows: Row[] = [];
  try {
    await setUpShop(couch.admin, SHOP_ID, RULES);
    const accounts = buyerNames(ACCOUNTS, 'f');
    // The shop opened once, by a first device that then lets go of the lease.
    const opener = freshDb();
    const first = sellerDevice(opener, sellerClient(couch), SHOP_ID, 'opener');
    const now = Date.now();
    const flash = (units: number) => ({ price: m(1999), startsAt: now - 60_000, endsAt: now + 6 * 3_600_000, stock: units, perBuyerLimit: 1 });
    await queueCommands(opener, [
      seller('shop.save', { shop: SHOP }, now),
      seller('product.save', { product: product('tea', { price: m(1500) }), stock: 1_000_000 }, now),
      ...DELAYS.map((d) => seller('product.save', { product: product(`phone-${d}`, { price: m(4999), flash: flash(FLASH_UNITS) }), stock: FLASH_UNITS }, now)),
    ]);
    await first.runOnce();
    await first.release();

    let made = 0;
    let pusher = 0;
    const nextPusher = () => accounts[pusher++ % Math.min(made, ACCOUNTS)]!;
    for (const n of wanted) {
      process.stderr.write(`  ${server}: channels up to ${count(n)}…\n`);
      made = await growChannels(couch, couchdb, accounts, made, n);
      for (const delay of DELAYS) {
        const size = `${count(n)} buyers, ${delay} ms/request`;
        process.stderr.write(`  ${size}…\n`);
        const counted = countingFetch(delay);
        const local = freshDb();
        const device = `phone-${n}-${delay}`;
        const authority = sellerDevice(local, sellerClient(couch, counted.fetch), SHOP_ID, device, { leaseRenewMs: 0 });

        // A fresh device starts, and a buyer pushes an order at once.
        const started = performance.now();
        const loop = runLoop(authority);
        const buyer = nextPusher();
        const intent = await pushOrder(couch, buyer);
        await decidedInChannel(couch, buyer, intent);
        const firstDecision = performance.now() - started;
        while (authority.news.sweeps < 1) await sleep(20);
        const converged = performance.now() - started;
        const convergeRequests = counted.log.length;
        rows.push({
          name: 'authority-scale: fresh device, first decision', size, ms: firstDecision, throughput: '-',
          note: `${server}; an order pushed at its start decided in the buyer's channel; whole first sweep after ${formatMs(converged)} ms, ${count(convergeRequests)} requests`
            + (delay === 0 && BEFORE[n] ? `; before: first run ${BEFORE[n].first}` : '')
            + (n === 1_000 && delay === 150 ? `; goal < 60 s: ${firstDecision < 60_000 ? 'met' : 'MISSED'}` : ''),
        });

        // One buyer's push to its decision in the channel, the loop waiting for news.
        while (authority.news.sweeps < 1) await sleep(200);
        await sleep(3_000); // its own adoptions' and copies' news, read back
        const times: number[] = [];
        let orderRequests = 0;
        for (let i = 0; i < PUSHES; i++) {
          const who = nextPusher();
          counted.log.length = 0;
          const pushed = await pushOrder(couch, who);
          const t0 = performance.now();
          await decidedInChannel(couch, who, pushed);
          times.push(performance.now() - t0);
          await sleep(2_000);
          orderRequests = counted.log.length;
        }
        await loop.stop();
        rows.push({
          name: 'authority-scale: one push to its decision', size, ms: median(times), throughput: '-',
          note: `${server}; median of ${PUSHES}, the device waiting on ${authority.news.mode === 'updates' ? '_db_updates' : 'its sweep pause'}; ~${count(orderRequests)} requests for the last (with 2 s of quiet after)`
            + (delay === 0 && BEFORE[n] ? `; before: ${BEFORE[n].order} plus a 5 s nap` : ''),
        });

        // Quiet ticks: a run (the lease renewed) and the wait for news that finds none.
        const ticks: { requests: number; ms: number }[] = [];
        for (let i = 0; i < QUIET_TICKS; i++) {
          counted.log.length = 0;
          const t0 = performance.now();
          const report = await authority.runOnce();
          const ms = performance.now() - t0;
          await authority.watch(AbortSignal.timeout(delay + 1_500)).catch(() => undefined);
          if (report.batches.some((b) => b.channels > 0)) continue; // late news of the pushes: not quiet
          ticks.push({ requests: counted.log.length, ms });
        }
        rows.push({
          name: 'authority-scale: quiet tick', size, ms: median(ticks.map((t) => t.ms)), throughput: `${count(median(ticks.map((t) => t.requests)))} requests`,
          note: `${server}; median of ${ticks.length}: the run (lease renewed, ${authority.news.mode === 'updates' ? 'one _dbs_info sweep page' : 'each channel\'s info'}) and the wait for news`
            + (delay === 0 && BEFORE[n] ? `; before: ${BEFORE[n].idle}, every 5 s` : ''),
        });

        if (n === FLASH_BUYERS || (n > FLASH_BUYERS && !wanted.includes(FLASH_BUYERS) && delay === DELAYS[0])) {
          rows.push(await flashSale(couch, authority, local, accounts, delay, size, server, counted));
        }
        await authority.release().catch(() => undefined);
        local.close();
      }
    }
  } finally {
    await couch.stop();
  }
  return rows;
}

/** Channels up to `n`: the accounts' first (adopted), then bare ones (CouchDB, one shard each). */
async function growChannels(couch: TestCouch, couchdb: boolean, accounts: readonly string[], made: number, n: number): Promise<number> {
  const names = Array.from({ length: n - made }, (_, i) => made + i).map((i) => (i < accounts.length ? accounts[i]! : `g${String(i).padStart(5, '0')}`));
  // Accounts first (couch_peruser makes their channels on CouchDB); beyond them, on PouchDB
  // Server too, where the seller's device finds channels through `_users` only.
  const withAccounts = names.filter((name) => accounts.includes(name) || !couchdb);
  await createBuyers(couch, withAccounts);
  if (couchdb) await channelsExist(couch, withAccounts, 600_000);
  await pool(names, 16, async (name) => {
    if (couchdb && !accounts.includes(name)) {
      await couch.admin.request('PUT', `${channelDb(name)}?q=1`).catch((e: unknown) => {
        if (!(e instanceof CouchError && e.status === 412)) throw e;
      });
    }
    await adoptChannel(couch.admin, name, RULES);
  });
  return n;
}

interface Running {
  stop(): Promise<void>;
}

function runLoop(authority: RemoteAuthority): Running {
  const loop = new SyncLoop({ ...sellerWork(authority), isOnline: () => true, now: () => Date.now(), random: Math.random, onStatus: () => undefined });
  const stop = new AbortController();
  const done = loop.run(stop.signal);
  return {
    async stop() {
      stop.abort();
      await done;
    },
  };
}

async function pushOrder(couch: TestCouch, buyer: string, intent?: Intent & { by: 'buyer' }): Promise<Intent & { by: 'buyer' }> {
  const o = intent ?? order(buyer as BuyerId, Date.now(), [line('tea')], 1500, { payment: 'on-pickup' });
  await push(buyerClient(couch, buyer), o);
  return o;
}

/** Waits for the shop's decision on `intent` in the buyer's channel (a longpoll on it, as the buyer's phone would). */
async function decidedInChannel(couch: TestCouch, buyer: string, intent: Intent, timeoutMs = 900_000): Promise<void> {
  const db = channelDb(buyer);
  const id = decisionIdFor(intent.id);
  const deadline = Date.now() + timeoutMs;
  if ((await couch.admin.revsOf(db, [id])).has(id)) return;
  let since = (await couch.admin.info(db)).update_seq;
  if ((await couch.admin.revsOf(db, [id])).has(id)) return;
  while (Date.now() < deadline) {
    const page = await couch.admin.request<{ results: { id: string }[]; last_seq: unknown }>(
      'GET', `${db}/_changes?feed=longpoll&timeout=10000&since=${encodeURIComponent(typeof since === 'string' ? since : JSON.stringify(since))}`, undefined, { timeoutMs: 15_000 },
    );
    if (page.results.some((r) => r.id === id)) return;
    since = page.last_seq;
  }
  throw new Error(`${buyer}'s decision never came`);
}

/** 1,000 buyers each push one order for 100 units within 10 s; the device runs its loop. */
async function flashSale(
  couch: TestCouch, authority: RemoteAuthority, local: ShopDb, accounts: readonly string[], delay: number, size: string, server: string,
  counted: ReturnType<typeof countingFetch>,
): Promise<Row> {
  const names = accounts.slice(0, FLASH_BUYERS);
  const rnd = random(20261111 + delay);
  const orders = names.map((n) => ({ at: rnd() * PUSH_WINDOW_MS, intent: order(n as BuyerId, Date.now(), [line(`phone-${delay}`, 1, 'flash')], 1999, { payment: 'on-pickup' }) }));
  const ids = new Set<string>(orders.map((o) => o.intent.id));
  const loop = runLoop(authority);
  counted.log.length = 0;
  const start = performance.now();
  await pool(orders.sort((a, b) => a.at - b.at), 32, async ({ at, intent }) => {
    await sleep(Math.max(0, start + at - performance.now()));
    await push(buyerClient(couch, intent.buyer), intent);
  });
  const pushed = performance.now() - start;
  // The last decision is in its buyer's channel once every decision is decided and published.
  for (;;) {
    const decided = await local.events.where('intentId').anyOf([...ids]).count();
    if (decided === FLASH_BUYERS && (await local.publish.count()) === 0) break;
    await sleep(50);
  }
  const last = performance.now() - start;
  await loop.stop();
  const journal = (await couch.admin.changes(journalDb(SHOP_ID), { since: 0, limit: 1_000_000 })).results
    .flatMap((c) => (c.doc?.type === 'decision' ? [c.doc as unknown as Decision] : []))
    .filter((d) => d.intentId !== undefined && ids.has(d.intentId));
  const sold = journal.filter((d) => d.kind === 'order.accepted').length;
  const once = new Set(journal.map((d) => d.intentId)).size === journal.length && journal.length === FLASH_BUYERS;
  const failed = sold > FLASH_UNITS ? `oversold: ${sold} > ${FLASH_UNITS}` : !once ? `${journal.length} decisions for ${FLASH_BUYERS} orders` : undefined;
  return {
    name: `authority-scale: flash sale, ${count(FLASH_BUYERS)} buyers`, size, ms: last, throughput: `${sold} of ${FLASH_UNITS} sold`,
    note: `${server}; pushes over ${formatMs(pushed)} ms, time from the first push to the last decision in its channel; every order decided once; `
      + `${count(counted.log.length)} requests (${requestsByKind(counted.log)})`,
    ...(failed !== undefined && { failed }),
  };
}

/** What the seller's requests were, by kind: "1,000 channel reads, 1,000 copies…". */
function requestsByKind(log: readonly { method: string; path: string }[]): string {
  const kinds = new Map<string, number>();
  for (const r of log) {
    const kind = r.path.startsWith('userdb-')
      ? (r.path.includes('/_changes') ? 'channel reads' : r.path.includes('/_bulk_docs') ? 'copies' : r.path.includes('/_security') ? '_security' : 'other channel')
      : r.path.startsWith('_db_updates') ? '_db_updates' : r.path.startsWith('_dbs_info') ? '_dbs_info' : r.path.includes('-journal') ? 'journal' : r.path.includes('-catalog') ? 'catalog' : 'other';
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  return [...kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${count(n)} ${k}`).join(', ');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
