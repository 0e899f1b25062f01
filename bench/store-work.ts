/**
 * The store bench's work, shared by its Node run (fake-indexeddb) and its Chromium page
 * (bench/browser/store-bench.ts): no Node imports. See store.bench.ts for what is measured.
 */
import { accountKey, decide, skuKeyOf, emptyState, type Decision } from '../src/domain/index.ts';
import { applyPulled, checkpointOf, storeDecisions, SHOP_KEY, type ShopDb } from '../src/storage/index.ts';
import { indexWords } from '../src/storage/words.ts';
import type { Change } from '../src/sync/couch-client.ts';
import { readDecision } from '../src/sync/incoming.ts';
import { makeProducts, saveCommands } from './browser/catalog-data.ts';

export const PAGE = 1_000;

export function pages<T>(xs: readonly T[], size = PAGE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** The rows a page of decisions puts in each table (newest by `n` per key), worked out before timing. */
export interface PageRows {
  events: Decision[];
  tables: [name: string, rows: unknown[]][];
}

/**
 * The rows storage ends up with for each page, written here apart from storage's own code
 * (so the ceiling does not move with it): the newest value by `n` per key, balances summed.
 */
export function ceilingRows(decisions: readonly Decision[]): PageRows[] {
  const balances = new Map<string, number>();
  return pages(decisions).map((page) => {
    const newest = new Map<string, Map<string, { n: number }>>();
    const offer = (table: string, key: string, row: { n: number }) => {
      let m = newest.get(table);
      if (!m) newest.set(table, (m = new Map()));
      const had = m.get(key);
      if (had === undefined || row.n > had.n) m.set(key, row);
    };
    const touched = new Set<string>();
    for (const { n, set, postings } of page) {
      for (const p of postings) {
        const k = accountKey(p);
        balances.set(k, (balances.get(k) ?? 0) + p.amount);
        touched.add(k);
      }
      if (set.shop) offer('shop', SHOP_KEY, { key: SHOP_KEY, n, value: set.shop } as never);
      for (const p of set.products ?? []) {
        offer('products', p.id, {
          id: p.id, n, value: p, category: p.category, price: p.price, hidden: p.hidden ? 1 : 0, words: indexWords(p.name, p.category, ...p.tags),
        } as never);
      }
      for (const i of set.inventory ?? []) offer('skus', skuKeyOf(i), { sku: skuKeyOf(i), productId: i.productId, n, value: i } as never);
      for (const p of set.promotions ?? []) offer('promotions', p.id, { id: p.id, n, value: p } as never);
      for (const t of set.teams ?? []) offer('teams', t.id, { id: t.id, n, productId: t.productId, status: t.status, value: t } as never);
      for (const o of set.orders ?? []) offer('orders', o.id, { id: o.id, n, buyer: o.buyer, status: o.status, placedAt: o.placedAt, value: o } as never);
      for (const r of set.reviews ?? []) offer('reviews', r.id, { id: r.id, n, productIds: r.productIds, orderId: r.orderId, value: r } as never);
      for (const w of set.withdrawals ?? []) offer('withdrawals', w.id, { id: w.id, n, buyer: w.buyer, status: w.status, value: w } as never);
    }
    const tables: [string, unknown[]][] = [...newest].map(([t, m]) => [t, [...m.values()]]);
    if (touched.size > 0) tables.push(['balances', [...touched].map((account) => ({ account, amount: balances.get(account) }))]);
    return { events: [...page], tables };
  });
}

/** The documents as `_changes` hands them over: parsed from JSON, with CouchDB's fields. */
export function changePages(decisions: readonly Decision[]): Change[][] {
  return pages(decisions).map((p, i) =>
    p.map((d, j) => ({ id: d.id, seq: `${i * PAGE + j + 1}-x`, changes: [{ rev: '1-a' }], doc: { ...JSON.parse(JSON.stringify(d)), _id: d.id, _rev: '1-a' } })));
}

/** The ceiling: the same rows, one bulkPut per table per page, one transaction a page. */
export async function writeRows(db: ShopDb, all: readonly PageRows[]): Promise<number> {
  const tables = [db.events, db.shop, db.products, db.skus, db.promotions, db.teams, db.orders, db.reviews, db.withdrawals, db.balances];
  for (const page of all) {
    await db.transaction('rw', tables, async () => {
      await db.events.bulkPut(page.events);
      for (const [name, rows] of page.tables) await db.table(name).bulkPut(rows);
    });
  }
  return db.events.count();
}

/** A pull without HTTP: each page read and validated as the sync does, stored with its checkpoint. */
export async function pullPages(db: ShopDb, all: readonly Change[][]): Promise<number> {
  let stored = 0;
  for (const page of all) {
    const ok: Decision[] = [];
    for (const change of page) {
      const got = readDecision(change);
      if ('ok' in got) ok.push(got.ok);
      else throw new Error(`set aside: ${JSON.stringify(got)}`);
    }
    stored += (await applyPulled(db, { decisions: ok, setAside: [], checkpoint: checkpointOf('journal', page.at(-1)!.seq, 'id', 0) })).length;
  }
  return stored;
}

export async function storeAll(db: ShopDb, decisions: readonly Decision[]): Promise<number> {
  let stored = 0;
  for (const page of pages(decisions)) stored += (await storeDecisions(db, page)).stored.length;
  return stored;
}

/** A catalog import's decisions: `count` product saves, decided by the authority. */
export function catalogSaves(count: number): Decision[] {
  const at = Date.UTC(2026, 10, 1);
  const saves = decide(emptyState(), saveCommands(makeProducts(count), at), at).decisions;
  if (saves.length !== count) throw new Error(`${saves.length} decisions for ${count} product saves`);
  return saves;
}

/** The ceiling's time as a share of ours: 100 % is as fast as the raw writes. */
export function pct(ceilingMs: number, ms: number): string {
  return `${Math.round((100 * ceilingMs) / ms)} %`;
}

export interface StoreTimes {
  where: string;
  decisions: number;
  products: number;
  /** Median milliseconds of each, with what the last run counted (a check). */
  ceiling: [number, number];
  pull: [number, number];
  store: [number, number];
  catalogCeiling: [number, number];
  catalog: [number, number];
}

/**
 * Times everything on databases made by `open` (each run starts from an empty one), `runs`
 * times each (median) after a warm-up; the catalog once each.
 */
export async function timeStore(
  where: string, open: () => Promise<ShopDb>, decisions: readonly Decision[], products: number, now: () => number, runs = 3,
): Promise<StoreTimes> {
  const once = async (fn: (db: ShopDb) => Promise<number>): Promise<[number, number]> => {
    const db = await open();
    try {
      const start = now();
      const result = await fn(db);
      return [now() - start, result];
    } finally {
      db.close();
      await db.delete();
    }
  };
  const median = async (fn: (db: ShopDb) => Promise<number>): Promise<[number, number]> => {
    await once(fn);
    const got: [number, number][] = [];
    for (let i = 0; i < runs; i++) got.push(await once(fn));
    got.sort((a, b) => a[0] - b[0]);
    return got[got.length >> 1]!;
  };
  const ceilingPages = ceilingRows(decisions);
  const changes = changePages(decisions);
  // Interleaved, so a machine busy with something else for a while weighs on each alike.
  const ceiling = await median((db) => writeRows(db, ceilingPages));
  const pull = await median((db) => pullPages(db, changes));
  const store = await median((db) => storeAll(db, decisions));
  const saves = catalogSaves(products);
  const catalogPages = ceilingRows(saves);
  const catalogCeiling = await once(async (db) => { await writeRows(db, catalogPages); return db.products.count(); });
  const catalog = await once(async (db) => { await storeAll(db, saves); return db.products.count(); });
  return { where, decisions: decisions.length, products, ceiling, pull, store, catalogCeiling, catalog };
}
