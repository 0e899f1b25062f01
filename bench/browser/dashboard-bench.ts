/**
 * Runs in Chromium (served by Vite from bench/browser/dashboard-bench.html, driven by
 * dashboard.bench.ts): the Money tab's query (`moneyDashboard`, src/app/money-queries.ts)
 * against the browser's real IndexedDB, holding a busy shop's journal.
 *
 * `window.runDashboardBench(load)` has the domain decide bench/workloads.ts's mixed history
 * (not timed), stores its decisions with `storeDecisions` (2,000 per call, as sync would), then
 * times
 *   - cold: a fresh `ShopDb` (the app keeps its folded days per database object), opened, then
 *     the first `moneyDashboard` (30 days): reads the money kinds by their index and folds them;
 *   - warm: the same database again, for each period (nothing new: two counts, the last
 *     journal number and the balances are read);
 *   - a step: 20 wallet credits decided and stored, then the next `moneyDashboard`, which reads
 *     only the decisions numbered after the last one seen;
 *   - for comparison, reading every decision (the `n` index) and folding them all.
 * It checks the query's figures against the pure fold of the same decisions, and deletes its
 * database when done.
 */
import { Dexie } from 'dexie';
import { decide, type Decision } from '../../src/domain/index.ts';
import { openDb, storeDecisions } from '../../src/storage/index.ts';
import { emptyMoney, foldMoney, MONEY_KINDS } from '../../src/engines/dashboard/aggregate.ts';
import { PERIODS, summarize, type Period } from '../../src/engines/dashboard/summary.ts';
import { moneyDashboard, sellerCustomers, shopZone } from '../../src/app/queries/money.ts';
import { buyer, m, seller } from '../../tests/domain/fixtures/shop.ts';
import { mixedHistory } from '../workloads.ts';

export interface DashboardLoad {
  orders: number;
  days: number;
  buyers: number;
}

export interface DashboardBenchResult {
  decisions: number;
  postings: number;
  moneyDecisions: number;
  decideMs: number;
  importMs: number;
  coldMs: number[];
  warmMs: Record<Period, number[]>;
  stepMs: number;
  readAllMs: number;
  foldAllMs: number;
  /** The money kinds read by their index, nothing folded: the cold read's floor. */
  readMoneyMs: number;
  readMoney: number;
  /** The Customers tab's read: every buyer with balances, order count and last order. */
  customersMs: number[];
  customers: number;
  orders: number;
  /** Where the query's figures differ from the pure fold (should be none). */
  mismatches: string[];
  zone: string;
}

declare global {
  interface Window {
    runDashboardBench(load: DashboardLoad): Promise<DashboardBenchResult>;
  }
}

// Dexie's debug mode (on for localhost and 127.0.0.1) adds a console task per operation.
Dexie.debug = false;

const NAME = 'bench-dashboard';
const BATCH = 2_000;
const now = () => performance.now();

window.runDashboardBench = async (load: DashboardLoad): Promise<DashboardBenchResult> => {
  await Dexie.delete(NAME);
  let t = now();
  const history = mixedHistory(load);
  const decideMs = now() - t;
  const { decisions } = history;
  // "Today" is the shop's last day of trade (as in ../dashboard.bench.ts): the last order received.
  const end = Math.max(...decisions.filter((d) => d.kind === 'order.received').map((d) => d.at));
  let db = openDb(NAME);
  try {
    await db.open();
    t = now();
    for (let i = 0; i < decisions.length; i += BATCH) await storeDecisions(db, decisions.slice(i, i + BATCH));
    const importMs = now() - t;

    const coldMs: number[] = [];
    for (let run = 0; run < 3; run++) {
      db.close();
      db = openDb(NAME);
      await db.open();
      t = now();
      await moneyDashboard(db, '30d', end);
      coldMs.push(now() - t);
    }
    const warmMs = {} as Record<Period, number[]>;
    for (const period of PERIODS) {
      warmMs[period] = [];
      for (let run = 0; run < 5; run++) {
        t = now();
        await moneyDashboard(db, period, end);
        warmMs[period].push(now() - t);
      }
    }

    const customersMs: number[] = [];
    let customers = 0;
    for (let run = 0; run < 3; run++) {
      t = now();
      customers = (await sellerCustomers(db)).length;
      customersMs.push(now() - t);
    }

    const later = Math.max(...decisions.map((d) => d.at)) + 60_000;
    const credits = Array.from({ length: 20 }, (_, i) => seller('wallet.credit', { buyer: buyer(`walk-in${i}`), amount: m(10_000), method: 'cash', note: 'counter' }, later));
    const more: Decision[] = decide(history.state, credits, later).decisions;
    await storeDecisions(db, more);
    t = now();
    const after = await moneyDashboard(db, 'all', later);
    const stepMs = now() - t;

    t = now();
    const every = (await db.events.where('n').above(0).toArray()).filter((e): e is Decision => e.type === 'decision');
    const readAllMs = now() - t;
    t = now();
    const pure = foldMoney(emptyMoney(), every, shopZone());
    const foldAllMs = now() - t;

    t = now();
    const kinds = await Promise.all(MONEY_KINDS.map((kind) => db.events.where('kind').equals(kind).toArray()));
    const readMoney = kinds.reduce((sum, rows) => sum + rows.length, 0);
    const readMoneyMs = now() - t;

    const mismatches: string[] = [];
    for (const when of [end, later]) {
      for (const period of PERIODS) {
        const mine = (await moneyDashboard(db, period, when)).summary;
        if (JSON.stringify(mine) !== JSON.stringify(summarize(pure, period, shopZone().dayOf(when)))) mismatches.push(`${period} to ${new Date(when).toISOString()}`);
      }
    }
    if (JSON.stringify(after.summary) !== JSON.stringify(summarize(pure, 'all', shopZone().dayOf(later)))) mismatches.push('all, after the new decisions');
    if (!after.ledger.balanced) mismatches.push(`ledger off by ${after.ledger.sum}`);
    const all = [...decisions, ...more];
    return {
      decisions: all.length,
      postings: all.reduce((s, d) => s + d.postings.length, 0),
      moneyDecisions: all.filter((d) => d.postings.some((p) => p.account === 'revenue' || p.account === 'cash' || p.account === 'compensation')).length,
      decideMs, importMs, coldMs, warmMs, stepMs, readAllMs, foldAllMs, readMoneyMs, readMoney, customersMs, customers, orders: await db.orders.count(), mismatches, zone: shopZone().id,
    };
  } finally {
    db.close();
    await Dexie.delete(NAME);
  }
};
