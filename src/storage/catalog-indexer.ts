/**
 * The catalog index's upkeep (see app/queries/catalog-search.ts, which loads this module when the index is
 * first wanted, so that the first screen does not wait for its code): one `SearchIndex` per
 * database, built in the background from `db.products` and kept fresh as products change.
 *
 * Building: the products are read in chunks of CHUNK rows, each chunk after the last one's
 * key (keyset paging, not offsets: a product written or deleted meanwhile cannot make another
 * one be skipped or read twice), in separate read transactions, so the page stays responsive
 * and writers are not held up; each chunk goes straight into the index builder (see
 * SearchIndex.builder), so little is left to do at the end. The index makes each row's words
 * with the fields they are in (name, category, tags: see storage's words.ts), as storage's own
 * search does for the rows it ranks.
 *
 * Freshness: Dexie reports every committed write (in this tab, and in others through a
 * BroadcastChannel) as the keys it touched, table by table (`Dexie.on('storagemutated')`, the
 * signal liveQuery itself uses). Writes naming their product keys (Dexie names them for up to
 * 49 rows at a time: a product saved, a small sync batch) are applied in place: those rows are
 * read again by key and upserted into the index, or removed if gone. A write Dexie reports as a
 * whole range (50 rows or more at once, a table cleared, a backup restored) is followed by a
 * full rebuild in the background; the old index keeps answering meanwhile (its pages are read
 * fresh from the database, so a product deleted meanwhile is left out of the page) and is
 * swapped for the new one when done. Changes that arrive during a rebuild are applied after it.
 */
import { Dexie, type IntervalTree, type ObservabilitySet } from 'dexie';
import type { ProductId } from '../domain/index.ts';
import { searchTags } from '../domain/catalog.ts';
import { tablesOf, type ShopDb } from './db.ts';
import type { ProductRow } from './rows.ts';
import { SearchIndex, type CatalogInput } from '../engines/search/search-index.ts';
import type { Store } from './store.ts';

/** Rows read per chunk while building. */
export const CHUNK = 5_000;
/** More changed keys than this at once: a rebuild instead of updates one by one. */
const MAX_KEYED_CHANGES = 2_000;

export class CatalogIndexer {
  index: SearchIndex | undefined;
  version = 0;
  error: unknown = undefined;
  /** Products changed since they were last read, by key. */
  private readonly changed = new Set<ProductId>();
  /** A change not named by keys (or none read yet): read everything again. */
  private rebuild = true;
  private reading = false;
  /** The last run failed: the next change reads everything again. */
  private failed = false;
  private running = false;
  private scheduled: ReturnType<typeof setTimeout> | undefined;
  stopped = false;
  private idle: (() => void)[] = [];
  private readonly part: string;

  /** `onChange` is called whenever `index`, `building`, `version` or `error` change. */
  private readonly db: ShopDb;

  constructor(
    store: Store,
    private readonly onChange: () => void,
  ) {
    this.db = tablesOf(store);
    this.part = `idb://${store.name}/products/`;
    Dexie.on('storagemutated', this.onMutated);
    this.schedule();
  }

  /** Reading products into a new index, or about to. */
  get building(): boolean {
    return !this.stopped && (this.reading || this.rebuild);
  }

  /** Resolves once nothing is left to read (built, and every change so far applied). */
  settled(): Promise<void> {
    if (this.stopped || (!this.running && this.scheduled === undefined)) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    Dexie.on.storagemutated.unsubscribe(this.onMutated);
    if (this.scheduled !== undefined) clearTimeout(this.scheduled);
    this.scheduled = undefined;
    this.index = undefined;
    this.wakeIdle();
  }

  private readonly onMutated = (parts: ObservabilitySet): void => {
    if (this.stopped) return;
    if (this.failed) {
      this.failed = false;
      this.rebuild = true;
    }
    if ('all' in parts) {
      this.rebuild = true;
    } else {
      const tree = parts[this.part];
      if (tree === undefined) return;
      if (!addKeys(tree, this.changed) || this.changed.size > MAX_KEYED_CHANGES) this.rebuild = true;
    }
    this.schedule();
  };

  /**
   * Runs the work on a fresh task: never inside the writer's transaction, or inside a live
   * query (which would take these reads for its own).
   */
  private schedule(): void {
    if (this.running || this.scheduled !== undefined || this.stopped) return;
    this.scheduled = setTimeout(() => {
      this.scheduled = undefined;
      void this.run();
    }, 0);
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (!this.stopped && (this.rebuild || this.changed.size > 0)) {
        if (this.db.hasBeenClosed()) {
          this.stop();
          return;
        }
        if (this.rebuild || this.index === undefined) await this.buildAll();
        else await this.applyChanged(this.index);
      }
    } catch (error) {
      if (this.db.hasBeenClosed()) {
        this.stop();
        return;
      }
      // Searches fall back to storage (or keep the last index); the next change reads all again.
      this.failed = true;
      this.rebuild = false;
      this.reading = false;
      this.error = error;
      console.error('The catalog search index could not be built', error);
      this.notify();
    } finally {
      this.running = false;
      if (!this.stopped && this.scheduled === undefined) this.wakeIdle();
    }
  }

  private async buildAll(): Promise<void> {
    this.rebuild = false;
    this.changed.clear(); // every row is read now; changes from here on are applied after
    this.reading = true;
    this.notify();
    const builder = SearchIndex.builder();
    let last: string | undefined;
    for (;;) {
      const rows = await (last === undefined ? this.db.products.orderBy(':id') : this.db.products.where(':id').above(last))
        .limit(CHUNK)
        .toArray();
      if (this.stopped) return;
      builder.add(rows.map(inputOf));
      if (rows.length < CHUNK) break;
      last = rows[rows.length - 1]!.id;
    }
    this.index = builder.finish();
    this.reading = false;
    this.error = undefined;
    this.version += 1;
    this.notify();
  }

  private async applyChanged(index: SearchIndex): Promise<void> {
    const keys = [...this.changed];
    this.changed.clear();
    const rows = await this.db.products.bulkGet(keys);
    if (this.stopped || this.index !== index) return;
    let any = false;
    rows.forEach((row, i) => {
      const done = row === undefined ? index.remove(keys[i]!) : index.upsert(inputOf(row));
      any = done || any;
    });
    if (any) {
      this.version += 1;
      this.notify();
    }
  }

  private notify(): void {
    this.onChange();
  }

  private wakeIdle(): void {
    const idle = this.idle;
    this.idle = [];
    for (const resolve of idle) resolve();
  }
}

function inputOf(row: ProductRow): CatalogInput {
  return {
    id: row.id,
    name: row.value.name,
    category: row.category,
    tags: searchTags(row.value),
    price: row.price,
    hidden: row.hidden === 1,
  };
}

/**
 * Adds the single keys of an interval tree (Dexie's, or its structured clone from another tab)
 * to `into`. False if it holds a range of keys (a bulk write, a table cleared): the caller then
 * reads everything again.
 */
function addKeys(tree: IntervalTree, into: Set<ProductId>): boolean {
  const stack: IntervalTree[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!('from' in node)) continue;
    if (typeof node.from !== 'string' || node.from !== node.to) return false;
    into.add(node.from as ProductId);
    if (node.l) stack.push(node.l);
    if (node.r) stack.push(node.r);
  }
  return true;
}
