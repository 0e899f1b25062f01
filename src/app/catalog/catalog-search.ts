/**
 * Catalog search for the screens: the answer of storage's `listProducts`, from an in-memory
 * index (search-index.ts) once it is built, reading only the page's products and stock; from
 * `listProducts` itself until then.
 *
 * The index's code and upkeep (catalog-indexer.ts) are loaded when the index is first wanted,
 * after the first screen: this module stays small. Its builder reads the products in the
 * background and follows every change to them (see there).
 *
 * The screens learn that answers may have changed through `watchCatalogSearch` (a version
 * number): `searchCatalog` reads only the page's rows, so a live query over it alone would not
 * re-run when some other product starts to match.
 *
 * Imports name storage's files, not its index.ts: through the barrel, the bundler merged
 * storage's lazily loaded modules into the first screen's chunk.
 */
import type { ShopDb } from '../../storage/db.ts';
import { listProducts, type ProductPage, type ProductQuery } from '../../storage/queries.ts';
import type { CatalogIndexer } from './catalog-indexer.ts';

export interface CatalogSearchStatus {
  /** The index answers searches; until then storage's `listProducts` does. */
  ready: boolean;
  /** Loading the index's code or reading products into a new index (the first, or after a bulk change). */
  building: boolean;
  /** Products in the index. */
  products: number;
  /** Goes up whenever the index's answers may have changed (ready, a product changed). */
  version: number;
  /** Why the index could not be built, if it could not (searches then fall back to storage). */
  error?: unknown;
}

type Listener = (status: CatalogSearchStatus) => void;

/** One database's index: its indexer once loaded, and who is watching. */
class Search {
  indexer: CatalogIndexer | undefined;
  stopped = false;
  private loadError: unknown = undefined;
  private readonly listeners = new Set<Listener>();
  private readonly loaded: Promise<void>;
  /** Storage's answer to the first search, if the page is waiting for one: the build starts after it. */
  private first: Promise<unknown> | undefined;

  constructor(db: ShopDb) {
    // On a fresh task: never inside a live query or a transaction that asked for the search.
    // And after the page's first answer from storage, rather than competing with it for the
    // database and the main thread: the first page shows sooner, the index is ready about as soon.
    this.loaded = new Promise((resolve) => setTimeout(resolve, 0))
      .then(() => this.first)
      .catch(() => undefined)
      .then(() => import('./catalog-indexer.ts'))
      .then(({ CatalogIndexer }) => {
        if (!this.stopped) this.indexer = new CatalogIndexer(db, () => this.notify());
      })
      .catch((error: unknown) => {
        this.loadError = error;
        console.error('The catalog search could not be loaded', error);
        this.notify();
      });
  }

  /** Storage is answering while the index is not started yet (see `first`). */
  answering(answer: Promise<unknown>): void {
    if (this.indexer === undefined && this.first === undefined) this.first = answer;
  }

  status(): CatalogSearchStatus {
    const indexer = this.indexer;
    const error = indexer?.error ?? this.loadError;
    return {
      ready: indexer?.index !== undefined,
      building: !this.stopped && (indexer === undefined ? this.loadError === undefined : indexer.building),
      products: indexer?.index?.size ?? 0,
      version: indexer?.version ?? 0,
      ...(error !== undefined && { error }),
    };
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    listener(this.status());
    return () => {
      this.listeners.delete(listener);
    };
  }

  async settled(): Promise<void> {
    await this.loaded;
    await this.indexer?.settled();
  }

  stop(): void {
    this.stopped = true;
    this.indexer?.stop();
    this.indexer = undefined;
    this.listeners.clear();
  }

  private notify(): void {
    const status = this.status();
    for (const listener of [...this.listeners]) listener(status);
  }
}

const searches = new WeakMap<ShopDb, Search>();

function searchOf(db: ShopDb): Search {
  let search = searches.get(db);
  if (search === undefined || search.stopped || search.indexer?.stopped) {
    search = new Search(db);
    searches.set(db, search);
  }
  return search;
}

/** Starts building the catalog index of `db` in the background (if not yet started). */
export function startCatalogSearch(db: ShopDb): void {
  searchOf(db);
}

/** Where the index of `db` is (not started: not ready, not building). */
export function catalogSearchStatus(db: ShopDb): CatalogSearchStatus {
  return searches.get(db)?.status() ?? { ready: false, building: false, products: 0, version: 0 };
}

/**
 * Calls `listener` now and whenever the index of `db` becomes ready or its answers may have
 * changed (starting the index if needed). Returns the way to stop listening.
 */
export function watchCatalogSearch(db: ShopDb, listener: Listener): () => void {
  return searchOf(db).subscribe(listener);
}

/** Resolves once the index of `db` is built and up to date with every change so far (tests, benches). */
export async function catalogSearchSettled(db: ShopDb): Promise<CatalogSearchStatus> {
  const search = searchOf(db);
  await search.settled();
  return search.status();
}

/** The index of `db`, if built (suggest-catalog.ts). */
export const catalogIndexOf = (db: ShopDb) => searches.get(db)?.indexer?.index;

/** Drops the index of `db` and stops following its changes (before closing or deleting it). */
export function stopCatalogSearch(db: ShopDb): void {
  searches.get(db)?.stop();
  searches.delete(db);
}

/**
 * A page of the catalog: the same answer as storage's `listProducts`, from the index once it is
 * ready (reading only the page's products and stock), from `listProducts` until then. Starts
 * the index. Safe inside a live query: it reads the database only through Dexie.
 */
export async function searchCatalog(db: ShopDb, q: ProductQuery): Promise<ProductPage> {
  const search = searchOf(db);
  const index = search.indexer?.index;
  if (index === undefined) {
    const answer = listProducts(db, q);
    search.answering(answer);
    return answer;
  }
  const { ids, total } = index.query(q);
  if (ids.length === 0) return { items: [], total };
  const [products, inventory] = await Promise.all([db.products.bulkGet(ids), db.inventory.bulkGet(ids)]);
  const items: ProductPage['items'] = [];
  products.forEach((row, i) => {
    // Deleted since the index last heard: left out until the index catches up (a moment later).
    if (row !== undefined) items.push({ product: row.value, inventory: inventory[i]?.value });
  });
  return { items, total };
}
