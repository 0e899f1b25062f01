/**
 * Catalog search for the screens: the answer of storage's `listProducts`, from an in-memory
 * index (engines/search/search-index.ts) once it is built, reading only the page's products and stock; from
 * `listProducts` itself until then.
 *
 * The index's code and upkeep (storage/catalog-indexer.ts) are loaded when the index is first wanted,
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
import type { CatalogIndexer } from '../../storage/catalog-indexer.ts';
import { listProducts, productItems, ratingsOf, type ProductPage, type ProductQuery } from '../../storage/queries.ts';
import type { Store } from '../../storage/store.ts';

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

  constructor(store: Store) {
    // On a fresh task: never inside a live query or a transaction that asked for the search.
    // And after the page's first answer from storage, rather than competing with it for the
    // database and the main thread: the first page shows sooner, the index is ready about as soon.
    this.loaded = new Promise((resolve) => setTimeout(resolve, 0))
      .then(() => this.first)
      .catch(() => undefined)
      .then(() => import('../../storage/catalog-indexer.ts'))
      .then(({ CatalogIndexer }) => {
        if (!this.stopped) this.indexer = new CatalogIndexer(store, () => this.notify());
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

const searches = new WeakMap<Store, Search>();

function searchOf(store: Store): Search {
  let search = searches.get(store);
  if (search === undefined || search.stopped || search.indexer?.stopped) {
    search = new Search(store);
    searches.set(store, search);
  }
  return search;
}

/** Starts building the catalog index of `store` in the background (if not yet started). */
export function startCatalogSearch(store: Store): void {
  searchOf(store);
}

/** Where the index of `store` is (not started: not ready, not building). */
export function catalogSearchStatus(store: Store): CatalogSearchStatus {
  return searches.get(store)?.status() ?? { ready: false, building: false, products: 0, version: 0 };
}

/**
 * Calls `listener` now and whenever the index of `store` becomes ready or its answers may have
 * changed (starting the index if needed). Returns the way to stop listening.
 */
export function watchCatalogSearch(store: Store, listener: Listener): () => void {
  return searchOf(store).subscribe(listener);
}

/** Resolves once the index of `store` is built and up to date with every change so far (tests, benches). */
export async function catalogSearchSettled(store: Store): Promise<CatalogSearchStatus> {
  const search = searchOf(store);
  await search.settled();
  return search.status();
}

/** The index of `store`, if built (suggest-catalog.ts). */
export const catalogIndexOf = (store: Store) => searches.get(store)?.indexer?.index;

/** Drops the index of `store` and stops following its changes (before closing or deleting it). */
export function stopCatalogSearch(store: Store): void {
  searches.get(store)?.stop();
  searches.delete(store);
}

/**
 * A page of the catalog: the same answer as storage's `listProducts`, from the index once it is
 * ready (reading only the page's products and stock), from `listProducts` until then. Starts
 * the index. Safe inside a live query: it reads the database only through storage's reads.
 */
export async function searchCatalog(store: Store, q: ProductQuery): Promise<ProductPage> {
  const search = searchOf(store);
  const index = search.indexer?.index;
  if (index === undefined) {
    const answer = listProducts(store, q);
    search.answering(answer);
    return rated(store, await answer);
  }
  const { ids, total } = index.query(q);
  if (ids.length === 0) return { items: [], total };
  // Deleted since the index last heard: left out until the index catches up (a moment later).
  return rated(store, { items: await productItems(store, ids), total });
}

/** The page with each product's rating, which its card shows (read with the page, so a new review updates it). */
async function rated(store: Store, page: ProductPage): Promise<ProductPage> {
  const ratings = await ratingsOf(store, page.items.map((i) => i.product.id));
  return { ...page, items: page.items.map((i) => (ratings.has(i.product.id) ? { ...i, rating: ratings.get(i.product.id) } : i)) };
}
