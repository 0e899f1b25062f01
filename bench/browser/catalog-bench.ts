/**
 * Runs in Chromium (served by Vite from bench/browser/catalog-bench.html, driven by
 * catalog.bench.ts): the app's own storage code against the browser's real IndexedDB.
 *
 * `window.runCatalogBench(size, searchBudgetMs)` makes a catalog of `size` products, has the
 * domain decide the seller's `product.save` commands, and then times
 *   - the import: storing those decisions with `storeDecisions`, 1,000 per call, as sync would;
 *   - search as you type: `listProducts` for every prefix of 50 queries, each typed letter by
 *     letter; the queries in a seeded random order, and no new query begun once
 *     `searchBudgetMs` is spent (so a slow search keeps the bench short, with an unbiased sample);
 *   - the first page: a fresh `ShopDb` on the filled database, opened, then its first page.
 * It deletes its database when done. Times are `performance.now()` in the page.
 */
import { Dexie } from 'dexie';
import { decide, emptyState, type Decision } from '../../src/domain/index.ts';
import { listProducts, openDb, queryTerms, storeDecisions, type ProductRow, type ShopDb } from '../../src/storage/index.ts';
import { keystrokes, makeProducts, QUERIES, random, saveCommands } from './catalog-data.ts';

export const BATCH = 1_000;
export const PAGE = 24;
/** Fresh opens timed for the first page (each on a new ShopDb). */
const OPENS = 3;

export interface Keystroke {
  /** Which of QUERIES was being typed. */
  query: number;
  prefix: string;
  ms: number;
  total: number;
}

/** Where the time of one `listProducts` call goes, by re-running its steps one at a time. */
export interface Breakdown {
  query: string;
  /** Index reads: the primary keys the terms find (search), or nothing. */
  keysMs: number;
  keys: number;
  /** Reading the rows: `bulkGet` of those keys, or the whole table / category. */
  rowsMs: number;
  rows: number;
  /** Filtering hidden ones and sorting by name (localeCompare), in JS. */
  sortMs: number;
  /** The page's stock. */
  inventoryMs: number;
}

/**
 * What the indexes could answer without reading the matching rows, for the report on a slow
 * search or first page: IndexedDB's own count of a prefix's index entries, the visible
 * products' count, and a first page read in index order (price: the one ordered index the
 * schema has; a name-ordered first page would need a new index).
 */
export interface Alternatives {
  prefix: string;
  /** `where('words').startsWith(prefix).count()`: index entries, not distinct products. */
  prefixCountMs: number;
  prefixCount: number;
  /** `where('hidden').equals(0).count()`. */
  visibleCountMs: number;
  /** `orderBy('price').filter(visible).limit(24).toArray()`. */
  pricePageMs: number;
}

export interface CatalogBenchResult {
  size: number;
  /** Products in the table after the import (a check). */
  stored: number;
  /** Not timed: the domain deciding the commands. */
  decideMs: number;
  /** Only the `storeDecisions` calls. */
  importMs: number;
  batches: number;
  /** Each call's time, for the slowest batch. */
  batchMs: number[];
  keystrokes: Keystroke[];
  /** Queries typed in full before the search budget was spent (of QUERIES.length). */
  queriesTyped: number;
  /** A fresh ShopDb: `open()`, then the first page of everything / of one category. */
  openMs: number[];
  firstPageMs: number[];
  category: string;
  categoryOpenMs: number[];
  categoryPageMs: number[];
  firstPageTotal: number;
  categoryTotal: number;
  firstPageNames: string[];
  breakdowns: Breakdown[];
  alternatives: Alternatives;
}

declare global {
  interface Window {
    runCatalogBench(size: number, searchBudgetMs: number): Promise<CatalogBenchResult>;
  }
}

// Dexie turns on its debug mode (a console task per table operation) on localhost and
// 127.0.0.1, where this page is served; the shop on its real host runs without it.
Dexie.debug = false;

const now = () => performance.now();

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = now();
  const result = await fn();
  return [now() - start, result];
}

window.runCatalogBench = async (size: number, searchBudgetMs: number): Promise<CatalogBenchResult> => {
  const name = `bench-catalog-${size}`;
  await deleteDb(name);
  const at = Date.UTC(2026, 10, 1);
  const products = makeProducts(size);
  const [decideMs, decided] = await timed(async () => decide(emptyState(), saveCommands(products, at), at).decisions);
  if (decided.length !== size) throw new Error(`the authority made ${decided.length} decisions for ${size} product.save commands`);

  let db = openDb(name);
  try {
    await db.open();
    const { importMs, batchMs } = await importAll(db, decided);
    const stored = await db.products.count();

    // Search as you type, on the open database: each query letter by letter (one call per
    // keystroke), the queries in a seeded random order, none begun once the budget is spent.
    await listProducts(db, { search: 'warm up', offset: 0, limit: PAGE });
    const strokes: Keystroke[] = [];
    const searchStart = now();
    let queriesTyped = 0;
    for (const query of shuffled(QUERIES.map((_, i) => i), random(size))) {
      if (now() - searchStart > searchBudgetMs) break;
      for (const prefix of keystrokes([QUERIES[query]!])) {
        const [ms, page] = await timed(() => listProducts(db, { search: prefix, offset: 0, limit: PAGE }));
        strokes.push({ query, prefix, ms, total: page.total });
      }
      queriesTyped += 1;
    }

    // The first page, on a fresh ShopDb each time (the catalog screen right after start).
    db.close();
    const category = products[0]!.product.category;
    const openMs: number[] = [];
    const firstPageMs: number[] = [];
    const categoryOpenMs: number[] = [];
    const categoryPageMs: number[] = [];
    let firstPageTotal = 0;
    let categoryTotal = 0;
    let firstPageNames: string[] = [];
    for (let i = 0; i < OPENS; i++) {
      for (const withCategory of [false, true]) {
        db = openDb(name);
        const [open] = await timed(() => db.open());
        const [list, page] = await timed(() =>
          listProducts(db, { offset: 0, limit: PAGE, ...(withCategory && { category }) }));
        if (withCategory) {
          categoryOpenMs.push(open);
          categoryPageMs.push(list);
          categoryTotal = page.total;
        } else {
          openMs.push(open);
          firstPageMs.push(list);
          firstPageTotal = page.total;
          firstPageNames = page.items.slice(0, 3).map((it) => it.product.name);
        }
        db.close();
      }
    }

    db = openDb(name);
    await db.open();
    const slowest = strokes.reduce((a, b) => (b.ms > a.ms ? b : a));
    const breakdowns = [await breakdown(db, '', undefined), await breakdown(db, '', category), await breakdown(db, slowest.prefix, undefined)];
    const alternatives = await alternativesFor(db, queryTerms(slowest.prefix)[0] ?? slowest.prefix);

    return {
      size, stored, decideMs, importMs, batches: batchMs.length, batchMs, keystrokes: strokes, queriesTyped,
      openMs, firstPageMs, category, categoryOpenMs, categoryPageMs, firstPageTotal, categoryTotal, firstPageNames, breakdowns, alternatives,
    };
  } finally {
    db.close();
    await deleteDb(name);
  }
};

async function importAll(db: ShopDb, decisions: readonly Decision[]): Promise<{ importMs: number; batchMs: number[] }> {
  const batchMs: number[] = [];
  let importMs = 0;
  for (let i = 0; i < decisions.length; i += BATCH) {
    const batch = decisions.slice(i, i + BATCH);
    const [ms, { stored }] = await timed(() => storeDecisions(db, batch));
    if (stored.length !== batch.length) throw new Error(`storeDecisions stored ${stored.length} of ${batch.length} new decisions`);
    batchMs.push(ms);
    importMs += ms;
  }
  return { importMs, batchMs };
}

function shuffled<T>(xs: T[], rnd: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

/** Dexie's delete waits for connections still closing (a plain deleteDatabase reports them as blocked). */
function deleteDb(name: string): Promise<void> {
  return Dexie.delete(name);
}

/**
 * The steps of `listProducts` (src/storage/queries.ts) one at a time, with the same Dexie calls,
 * to show where a slow call spends its time. A diagnostic copy: if listProducts changes, this
 * shows the old steps, which is why only its sum is compared with the real call.
 */
async function breakdown(db: ShopDb, search: string, category: string | undefined): Promise<Breakdown> {
  const terms = queryTerms(search);
  let keys = 0;
  let keysMs = 0;
  let rows: ProductRow[];
  let rowsMs: number;
  if (terms.length > 0) {
    const [kMs, ids] = await timed(async () => {
      const sets = await Promise.all(terms.map(async (t) => new Set(await db.products.where('words').startsWith(t).primaryKeys())));
      sets.sort((a, b) => a.size - b.size);
      const [first, ...rest] = sets;
      return [...(first ?? [])].filter((id) => rest.every((s) => s.has(id)));
    });
    keysMs = kMs;
    keys = ids.length;
    [rowsMs, rows] = await timed(async () => (await db.products.bulkGet(ids)).filter((r): r is ProductRow => r !== undefined));
  } else if (category !== undefined) {
    [rowsMs, rows] = await timed(() => db.products.where('category').equals(category).toArray());
  } else {
    [rowsMs, rows] = await timed(() => db.products.toArray());
  }
  const read = rows.length;
  const [sortMs, page] = await timed(async () => {
    const visible = rows.filter((r) => r.hidden === 0 && (category === undefined || r.category === category));
    visible.sort((a, b) => a.value.name.localeCompare(b.value.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return visible.slice(0, PAGE);
  });
  const [inventoryMs] = await timed(() => db.inventory.bulkGet(page.map((r) => r.id)));
  return { query: category !== undefined ? `category ${category}` : search, keysMs, keys, rowsMs, rows: read, sortMs, inventoryMs };
}

async function alternativesFor(db: ShopDb, prefix: string): Promise<Alternatives> {
  const [prefixCountMs, prefixCount] = await timed(() => db.products.where('words').startsWith(prefix).count());
  const [visibleCountMs] = await timed(() => db.products.where('hidden').equals(0).count());
  const [pricePageMs, page] = await timed(() => db.products.orderBy('price').filter((r) => r.hidden === 0).limit(PAGE).toArray());
  if (page.length === 0) throw new Error('the price index gave no first page');
  return { prefix, prefixCountMs, prefixCount, visibleCountMs, pricePageMs };
}
