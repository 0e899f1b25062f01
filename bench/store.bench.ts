/**
 * Storing decisions into IndexedDB, side by side with the raw ceiling measured in the same run
 * (issue 11): what storage costs beyond writing the rows it ends up with. Run twice: in Node on
 * fake-indexeddb (an IndexedDB written in JavaScript, as the storage tests use) and in Chromium
 * on its real IndexedDB (bench/browser/store-bench.ts). The work is bench/store-work.ts:
 *
 * - pull: 10,000 decisions of an ordinary shop's month, in `_changes` pages of 1,000 (parsed
 *   documents, as the client hands them over; no HTTP), each read and validated as the sync
 *   reads them (`readDecision`) and stored with its checkpoint by `applyPulled`, one
 *   transaction a page;
 * - storeDecisions: the same decisions, 1,000 a call;
 * - catalog import: 100,000 `product.save` decisions (decided beforehand, not timed),
 *   `storeDecisions` 1,000 a call (BENCH_STORE_PRODUCTS to change the count);
 * - each beside its ceiling: the very rows storage ends up with (events, views, balances),
 *   worked out beforehand, written with one `bulkPut` per table per page, one transaction a
 *   page. Every run starts from an empty database; median of 3 after a warm-up, the catalog once.
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { openDb } from '../src/storage/index.ts';
import { withBenchPage } from './browser/chromium.ts';
import { pct, timeStore, type StoreTimes } from './store-work.ts';
import { count, perSecond, type Row } from './table.ts';
import { mixedHistory } from './workloads.ts';

const DECISIONS = 10_000;
const PORT = Number(process.env.BENCH_STORE_PORT ?? 4193);
const GOAL = 'goal ≥ 50 %';

function products(): number {
  const n = Number(process.env.BENCH_STORE_PRODUCTS ?? 100_000);
  if (!Number.isInteger(n) || n < 1) throw new Error('BENCH_STORE_PRODUCTS must be a whole number');
  return n;
}

export async function storeBench(): Promise<Row[]> {
  const history = mixedHistory({ buyers: 400, orders: 2_600 });
  const decisions = history.decisions.slice(0, DECISIONS);
  if (decisions.length < DECISIONS) throw new Error(`the history has ${decisions.length} decisions, fewer than ${DECISIONS}`);
  const kinds = new Set(decisions.map((d) => d.kind)).size;
  let dbs = 0;
  process.stderr.write('  store: Node, fake-indexeddb…\n');
  const node = await timeStore('Node fake-indexeddb', async () => {
    dbs += 1;
    const db = openDb(`bench-store-${dbs}`);
    await db.open();
    return db;
  }, decisions, products(), () => performance.now());
  process.stderr.write('  store: Chromium…\n');
  const browser = await withBenchPage({ page: 'bench/browser/store-bench.html', port: PORT, ready: 'runStoreBench', include: ['dexie', 'idb-keyval'] },
    (page) => page.evaluate(([d, n]) => window.runStoreBench(d, n), [decisions, products()] as const));
  return [...rowsOf(node, kinds), ...rowsOf(browser, kinds)];
}

function rowsOf(t: StoreTimes, kinds: number): Row[] {
  const d = `${count(t.decisions)} decisions`;
  const p = `${count(t.products)} products`;
  const check = (got: number, want: number) => (got !== want ? { failed: `${count(got)} stored of ${count(want)}` } : {});
  return [
    {
      name: `store, ${t.where}: raw ceiling`, size: d, ms: t.ceiling[0], throughput: perSecond(t.decisions, t.ceiling[0], 'decisions'),
      note: `the rows storage ends up with, one bulkPut per table per page of 1,000; ${kinds} decision kinds`, ...check(t.ceiling[1], t.decisions),
    },
    {
      name: `store, ${t.where}: pull`, size: d, ms: t.pull[0], throughput: perSecond(t.decisions, t.pull[0], 'decisions'),
      note: `${pct(t.ceiling[0], t.pull[0])} of the ceiling (${GOAL}); readDecision + applyPulled, pages of 1,000, no HTTP`, ...check(t.pull[1], t.decisions),
    },
    {
      name: `store, ${t.where}: storeDecisions`, size: d, ms: t.store[0], throughput: perSecond(t.decisions, t.store[0], 'decisions'),
      note: `${pct(t.ceiling[0], t.store[0])} of the ceiling (${GOAL}); 1,000 a call`, ...check(t.store[1], t.decisions),
    },
    {
      name: `catalog import, ${t.where}: raw ceiling`, size: p, ms: t.catalogCeiling[0], throughput: perSecond(t.products, t.catalogCeiling[0], 'products'),
      note: 'events, products, inventory: one bulkPut each per 1,000; one run', ...check(t.catalogCeiling[1], t.products),
    },
    {
      name: `catalog import, ${t.where}: storeDecisions`, size: p, ms: t.catalog[0], throughput: perSecond(t.products, t.catalog[0], 'products'),
      note: `${pct(t.catalogCeiling[0], t.catalog[0])} of the ceiling (${GOAL}); 1,000 a call; one run`, ...check(t.catalog[1], t.products),
    },
  ];
}
