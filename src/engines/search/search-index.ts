/**
 * The catalog's search index, in memory: plain data in, answers out (no Dexie, no DOM).
 *
 * It answers what storage's `listProducts` answers (src/storage/queries.ts): every typed term
 * (`searchPlan`) must begin some index word (`indexWords` of name, category and tags) of a
 * product, a Latin-script tag only whole (`termScore`); hidden products are left out; an optional
 * category; sorted by relevance (`matchScore`, then name), by name (`localeCompare`, then id) or
 * by price (then name, then id); one page of ids and the total. The same words, the same terms,
 * scores and orders, so a page from here equals storage's.
 *
 * Layout (columns, not objects, to stay small at 100,000 products):
 * - Every product has an integer slot. A build gives slots in name order (`localeCompare`
 *   once per build, never per query), so at first the name order is 0, 1, 2, …;
 *   `nameOrder` and `priceOrder` are the live slots in each order (Int32Array); price-desc
 *   walks `priceOrder` backwards, a run of equal prices at a time, so ties stay in name order.
 *   `SearchIndex.builder()` takes the records in chunks as they are read, tokenising and
 *   sorting each chunk and merging sorted runs as it goes, so little work is left for the end.
 * - `words` is the sorted list (UTF-16 code units, like IndexedDB's keys) of distinct index
 *   words, each with a posting list (Int32Array of `slot << 3 | fields`: where the product has the
 *   word, name, category or tags). A term's words are one contiguous range of that list, found by
 *   binary search.
 * - A query marks the matching slots in `mark`, a Uint32Array the size of the catalog reused by
 *   every query: term 1 marks its slots with generation g, term 2 re-marks those already at g
 *   with g + 1, and so on; the slots at the last generation match. No clearing and no Set per
 *   query: a new query takes new generation numbers. Each marked slot's score adds up in
 *   `score` (a Uint16Array beside `mark`). Then the precomputed order is scanned, collecting the
 *   requested page, stopping once it is full; by relevance, the name order is walked once,
 *   keeping the page's worth of slots per score. Nothing is sorted per query.
 *
 * Updates (a product saved or deleted) are applied in place, without a rebuild: `upsert` of a
 * product whose name, category and tags are unchanged flips its hidden flag or moves it in the
 * price order; otherwise its old slot is marked dead (left in the posting lists, skipped by
 * every query) and the product gets a new slot at the end, inserted into both orders by binary
 * search and appended to its words' postings. `remove` marks the slot dead. Once dead slots
 * outnumber a quarter of the live ones, `compact` renumbers the live slots in name order and
 * drops the dead ones (no re-tokenising, no re-sorting). Each update costs a binary search and
 * a copy of the two order arrays (well under a millisecond at 100,000); for many changes at
 * once, building a new index from all the records is cheaper (catalog-indexer.ts decides).
 *
 * Memory, measured in Node for the 100,000-product bench catalog: about 15 MB of JS heap,
 * 5 MB of it typed arrays (the rest: ids, names, the id → slot map, shared tag lists).
 */
import type { ProductId } from '../../domain/index.ts';
import { indexBuilder } from './search-index-build.ts';
import { IndexData, type CatalogInput, type CatalogRecord, type IndexPage, type IndexQuery, type IndexStats, type SearchIndexOptions } from './search-index-data.ts';
import { queryIndex } from './search-index-query.ts';
import { suggestFor, type SearchSuggestions } from './search-index-suggest.ts';
import { compactIndex, removeRecord, upsertRecord } from './search-index-update.ts';

export type {
  CatalogInput, CatalogRecord, CatalogSort, IndexPage, IndexQuery, IndexStats, SearchIndexOptions,
} from './search-index-data.ts';
export type { SearchSuggestions } from './search-index-suggest.ts';

/** See `SearchIndex.builder`. */
export interface SearchIndexBuilder {
  /** Adds a chunk of records. */
  add(records: Iterable<CatalogInput>): void;
  /** The index; the builder is spent. */
  finish(): SearchIndex;
}

export class SearchIndex {
  private constructor(private readonly data: IndexData) {}

  /** An index of these products (a repeated id: the last one counts). */
  static build(records: Iterable<CatalogInput>, options: SearchIndexOptions = {}): SearchIndex {
    const builder = SearchIndex.builder(options);
    builder.add(records);
    return builder.finish();
  }

  /**
   * Builds an index from chunks of records, as they are read: each `add` does its chunk's share
   * of the work (words, and sorting the chunk by name), so `finish` is left with merging the
   * sorted chunks and the price order. A repeated id: the last one added counts.
   */
  static builder(options: SearchIndexOptions = {}): SearchIndexBuilder {
    const builder = indexBuilder(options);
    return {
      add: (records) => builder.add(records),
      finish: () => new SearchIndex(builder.finish()),
    };
  }

  /** Products in the index. */
  get size(): number {
    return this.data.live;
  }

  has(id: ProductId): boolean {
    return this.data.slotOf.has(id);
  }

  /** What the index holds of a product. */
  get(id: ProductId): CatalogRecord | undefined {
    const slot = this.data.slotOf.get(id);
    return slot === undefined ? undefined : this.data.recordAt(slot);
  }

  /** Every product's id, in no particular order. */
  productIds(): IterableIterator<ProductId> {
    return this.data.slotOf.keys();
  }

  query(q: IndexQuery): IndexPage {
    return queryIndex(this.data, q);
  }

  /** What to offer when `search` finds nothing (search-index-suggest.ts). */
  suggest(search: string, limit?: number): SearchSuggestions {
    return suggestFor(this.data, search, limit);
  }

  /**
   * Adds a product or applies a change to it. Returns false if the index already held exactly
   * this (nothing to do).
   */
  upsert(record: CatalogInput): boolean {
    return upsertRecord(this.data, record);
  }

  /** Takes a product out. Returns false if it was not there. */
  remove(id: ProductId): boolean {
    return removeRecord(this.data, id);
  }

  /**
   * Renumbers the live slots in name order and drops the dead ones from every list. Runs by
   * itself once dead slots pile up; public for tests.
   */
  compact(): void {
    compactIndex(this.data);
  }

  stats(): IndexStats {
    return this.data.stats();
  }
}
