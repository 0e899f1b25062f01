/**
 * Runs in Chromium (served by Vite from bench/browser/catalog-bench.html, driven by
 * catalog.bench.ts): the app's own catalog search and storage code against the browser's real
 * IndexedDB.
 *
 * `window.runCatalogBench(size, storageBudgetMs)` makes a catalog of `size` products, has the
 * domain decide the seller's `product.save` commands, and then times
 *   - the import: storing those decisions with `storeDecisions`, 1,000 per call, as sync would;
 *   - the first page before the index: a fresh `ShopDb`, opened, then its first `searchCatalog`
 *     page, which starts the index in the background and is answered by storage's
 *     `listProducts` meanwhile (the catalog screen right after start);
 *   - the index build: a fresh `ShopDb`, opened, then `startCatalogSearch` until the index is
 *     built (`catalogSearchSettled`), with the longest main-thread task meanwhile;
 *   - with the index ready: the first page, and search as you type: `searchCatalog` (best match
 *     first, as the catalog screen asks) for every prefix of the 50 queries, each typed letter by
 *     letter, the queries in a seeded random order; and what the screen suggests for searches that
 *     find nothing (`suggestCatalog` of MISSES);
 *   - one product saved (a `storeDecisions` call) until the index answers with it;
 *   - the old storage path for comparison: `listProducts` per keystroke as before, the queries
 *     in the same order, no new query begun once `storageBudgetMs` is spent.
 * It checks a few of the index's pages against `listProducts`, and deletes its database when
 * done. Times are `performance.now()` in the page.
 */
import { Dexie } from 'dexie';
import { decide, emptyState, type Decision, type ShopState } from '../../src/domain/index.ts';
import { listProducts, openDb, storeDecisions, type ProductPage, type ProductQuery, type ShopDb } from '../../src/storage/index.ts';
import {
  catalogSearchSettled, searchCatalog, startCatalogSearch, stopCatalogSearch,
} from '../../src/app/queries/catalog-search.ts';
import { suggestCatalog } from '../../src/app/queries/suggest-catalog.ts';
import { keystrokes, makeProducts, MISSES, QUERIES, random, saveCommands } from './catalog-data.ts';

export const BATCH = 1_000;
export const PAGE = 24;
/** Fresh opens timed for each first page and for the build (each on a new ShopDb). */
const OPENS = 3;

export interface Keystroke {
  /** Which of QUERIES was being typed. */
  query: number;
  prefix: string;
  ms: number;
  total: number;
}

export interface Build {
  ms: number;
  /** Products in the index when built (a check). */
  products: number;
  /** The longest main-thread task while building (PerformanceObserver 'longtask': 0 if none over 50 ms). */
  longestTaskMs: number;
  longTasks: number;
}

export interface FirstPage {
  openMs: number;
  pageMs: number;
  total: number;
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
  category: string;
  /** Before the index: fresh ShopDb, open(), first searchCatalog page (answered by listProducts). */
  fallbackAll: FirstPage[];
  fallbackCategory: FirstPage[];
  builds: Build[];
  /** The index ready: the first page of everything / of one category, on an open ShopDb. */
  readyAll: FirstPage[];
  readyCategory: FirstPage[];
  firstPageNames: string[];
  keystrokes: Keystroke[];
  /** suggestCatalog for each of MISSES (total: products suggested). */
  suggestions: Keystroke[];
  /** One product.save decision stored, then until the index has it. */
  saveMs: number;
  indexUpdateMs: number;
  /** The old storage path: listProducts per keystroke, until the budget is spent. */
  storageKeystrokes: Keystroke[];
  storageQueriesTyped: number;
  /** Pages where the index and listProducts disagree (should be none). */
  mismatches: string[];
}

declare global {
  interface Window {
    runCatalogBench(size: number, storageBudgetMs: number): Promise<CatalogBenchResult>;
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

window.runCatalogBench = async (size: number, storageBudgetMs: number): Promise<CatalogBenchResult> => {
  const name = `bench-catalog-${size}`;
  await deleteDb(name);
  const at = Date.UTC(2026, 10, 1);
  const products = makeProducts(size);
  const [decideMs, decided] = await timed(async () => decide(emptyState(), saveCommands(products, at), at));
  if (decided.decisions.length !== size) throw new Error(`the authority made ${decided.decisions.length} decisions for ${size} product.save commands`);
  const category = products[0]!.product.category;
  const all: ProductQuery = { offset: 0, limit: PAGE };
  const inCategory: ProductQuery = { offset: 0, limit: PAGE, category };

  let db = openDb(name);
  const fresh = async (): Promise<number> => {
    stopCatalogSearch(db);
    db.close();
    db = openDb(name);
    const [openMs] = await timed(() => db.open());
    return openMs;
  };
  try {
    await db.open();
    const { importMs, batchMs } = await importAll(db, decided.decisions);
    const stored = await db.products.count();

    // The first page before the index: the catalog screen right after start.
    const fallbackAll: FirstPage[] = [];
    const fallbackCategory: FirstPage[] = [];
    for (let i = 0; i < OPENS; i++) {
      for (const [q, into] of [[all, fallbackAll], [inCategory, fallbackCategory]] as const) {
        const openMs = await fresh();
        const [pageMs, page] = await timed(() => searchCatalog(db, q));
        into.push({ openMs, pageMs, total: page.total });
        // Let the index it started finish (not timed), so its reads do not spill into the next run.
        await catalogSearchSettled(db);
      }
    }

    // The index build, on a fresh ShopDb each time.
    const builds: Build[] = [];
    for (let i = 0; i < OPENS; i++) {
      await fresh();
      builds.push(await build(db));
    }

    // The index ready (the last build's): first pages, then search as you type.
    const readyAll: FirstPage[] = [];
    const readyCategory: FirstPage[] = [];
    for (let i = 0; i < OPENS; i++) {
      for (const [q, into] of [[all, readyAll], [inCategory, readyCategory]] as const) {
        const [pageMs, page] = await timed(() => searchCatalog(db, q));
        into.push({ openMs: 0, pageMs, total: page.total });
      }
    }
    const firstPageNames = (await searchCatalog(db, all)).items.slice(0, 3).map((it) => it.product.name);
    const order = shuffled(QUERIES.map((_, i) => i), random(size));
    const strokes: Keystroke[] = [];
    for (const query of order) {
      for (const prefix of keystrokes([QUERIES[query]!])) {
        const [ms, page] = await timed(() => searchCatalog(db, { search: prefix, sort: 'relevance', offset: 0, limit: PAGE }));
        strokes.push({ query, prefix, ms, total: page.total });
      }
    }
    // What the screen offers when a search finds nothing (misspelt words, a Chinese word not sold).
    const suggestions: Keystroke[] = [];
    for (const [query, text] of MISSES.entries()) {
      const [ms, found] = await timed(async () => (await suggestCatalog(db, text))!);
      suggestions.push({ query, prefix: text, ms, total: found.products.length });
    }

    // One product saved: stored, then in the index.
    const { saveMs, indexUpdateMs } = await saveOne(db, decided.state, products[1]!.product, at + 1);

    // The index against storage, on a few pages (listProducts is slow at this size).
    const mismatches: string[] = [];
    for (const q of [
      all, inCategory, { search: 'tea', sort: 'price-desc', offset: 24, limit: PAGE }, { search: '绿茶', offset: 0, limit: PAGE },
      { search: 'green t', sort: 'price-asc', offset: 0, limit: PAGE }, { search: 'tea', sort: 'relevance', offset: 24, limit: PAGE },
      { search: '饺子', sort: 'relevance', offset: 0, limit: PAGE },
    ] as ProductQuery[]) {
      const [mine, theirs] = [await searchCatalog(db, q), await listProducts(db, q)];
      if (!samePage(mine, theirs)) mismatches.push(JSON.stringify(q));
    }
    stopCatalogSearch(db);

    // The old storage path, for comparison: listProducts per keystroke, until the budget is spent.
    await listProducts(db, { search: 'warm up', offset: 0, limit: PAGE });
    const storageKeystrokes: Keystroke[] = [];
    let storageQueriesTyped = 0;
    const storageStart = now();
    for (const query of order) {
      if (now() - storageStart > storageBudgetMs) break;
      for (const prefix of keystrokes([QUERIES[query]!])) {
        const [ms, page] = await timed(() => listProducts(db, { search: prefix, sort: 'relevance', offset: 0, limit: PAGE }));
        storageKeystrokes.push({ query, prefix, ms, total: page.total });
      }
      storageQueriesTyped += 1;
    }

    return {
      size, stored, decideMs, importMs, batches: batchMs.length, batchMs, category, fallbackAll, fallbackCategory, builds,
      readyAll, readyCategory, firstPageNames, keystrokes: strokes, suggestions, saveMs, indexUpdateMs, storageKeystrokes, storageQueriesTyped,
      mismatches,
    };
  } finally {
    stopCatalogSearch(db);
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

async function build(db: ShopDb): Promise<Build> {
  let longestTaskMs = 0;
  let longTasks = 0;
  const observer = typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes.includes('longtask')
    ? new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        longTasks += 1;
        longestTaskMs = Math.max(longestTaskMs, e.duration);
      }
    })
    : undefined;
  observer?.observe({ type: 'longtask' });
  const [ms, status] = await timed(async () => {
    startCatalogSearch(db);
    return catalogSearchSettled(db);
  });
  // Long tasks are reported after they end: one more turn to hear of the last one.
  await new Promise((r) => setTimeout(r, 50));
  observer?.disconnect();
  return { ms, products: status.products, longestTaskMs, longTasks };
}

async function saveOne(db: ShopDb, state: ShopState, product: CatalogProduct, at: number): Promise<{ saveMs: number; indexUpdateMs: number }> {
  const renamed = { ...product, name: `Zanzibar ${product.name}` };
  const [command] = saveCommands([{ product: renamed, stock: 1 }], at).map((c) => ({ ...c, id: `s-bench-save-${at}` as typeof c.id }));
  const { decisions } = decide(state, [command!], at);
  const [saveMs] = await timed(() => storeDecisions(db, decisions));
  const [indexUpdateMs] = await timed(async () => {
    await catalogSearchSettled(db);
    const page = await searchCatalog(db, { search: 'zanzibar', offset: 0, limit: PAGE });
    if (page.items[0]?.product.id !== product.id) throw new Error('the saved product is not in the index');
  });
  return { saveMs, indexUpdateMs };
}

type CatalogProduct = ReturnType<typeof makeProducts>[number]['product'];

function samePage(a: ProductPage, b: ProductPage): boolean {
  return a.total === b.total && a.items.length === b.items.length && a.items.every((it, i) => it.product.id === b.items[i]!.product.id);
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
