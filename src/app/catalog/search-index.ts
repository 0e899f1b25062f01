/**
 * The catalog's search index, in memory: plain data in, answers out (no Dexie, no DOM).
 *
 * It answers what storage's `listProducts` answers (src/storage/queries.ts): every typed term
 * (`queryTerms`) must begin some index word (`indexWords` of name, category and tags) of a
 * product; hidden products are left out; an optional category; sorted by name
 * (`localeCompare`, then id) or by price (then name, then id); one page of ids and the total.
 * The same words, the same terms and the same orders, so a page from here equals storage's.
 *
 * Layout (columns, not objects, to stay small at 100,000 products):
 * - Every product has an integer slot. A build gives slots in name order (`localeCompare`
 *   once per build, never per query), so at first the name order is 0, 1, 2, …;
 *   `nameOrder` and `priceOrder` are the live slots in each order (Int32Array); price-desc
 *   walks `priceOrder` backwards, a run of equal prices at a time, so ties stay in name order.
 *   `SearchIndex.builder()` takes the records in chunks as they are read, tokenising and
 *   sorting each chunk and merging sorted runs as it goes, so little work is left for the end.
 * - `words` is the sorted list (UTF-16 code units, like IndexedDB's keys) of distinct index
 *   words, each with a posting list (Int32Array of slots). A term's words are one contiguous
 *   range of that list, found by binary search.
 * - A query marks the matching slots in `mark`, a Uint32Array the size of the catalog reused by
 *   every query: term 1 marks its slots with generation g, term 2 re-marks those already at g
 *   with g + 1, and so on; the slots at the last generation match. No clearing and no Set per
 *   query: a new query takes new generation numbers. Then the precomputed order is scanned,
 *   collecting the requested page, stopping once it is full. Nothing is sorted per query.
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
import { indexWords, queryTerms } from '../../storage/index.ts';

export type CatalogSort = 'name' | 'price-asc' | 'price-desc';

/** What the index keeps of a product. */
export interface CatalogRecord {
  readonly id: ProductId;
  readonly name: string;
  readonly category: string;
  readonly tags: readonly string[];
  readonly price: number;
  readonly hidden: boolean;
}

/** A record as given to `build` / `upsert`: its index words may come with it (storage keeps them). */
export interface CatalogInput extends CatalogRecord {
  /** `indexWords(name, category, ...tags)`, if already known (ProductRow.words); computed when absent. */
  readonly words?: readonly string[] | undefined;
}

export interface IndexQuery {
  /** Typed words: each must begin a word of the product's name, category or tags. */
  search?: string | undefined;
  category?: string | undefined;
  /** Default 'name'. */
  sort?: CatalogSort | undefined;
  offset: number;
  limit: number;
  /** Hidden products too (the seller's own list); default false, as buyers see it. */
  includeHidden?: boolean | undefined;
}

export interface IndexPage {
  /** The requested page's products, in the requested order. */
  ids: ProductId[];
  /** How many match in all. */
  total: number;
}

export interface IndexStats {
  products: number;
  /** Live and dead slots (dead ones wait for `compact`). */
  slots: number;
  words: number;
  /** Entries in all posting lists (dead slots' included). */
  postings: number;
  /** Bytes of the typed arrays (orders, postings, columns, marks); strings and maps not counted. */
  typedBytes: number;
}

export interface SearchIndexOptions {
  /**
   * The locale of the name order (`localeCompare`'s). Default: the runtime's, which is what
   * storage's `listProducts` sorts with, so the two give the same order.
   */
  locale?: string | undefined;
}

const HIDDEN = 1;
const DEAD = 2;
const EMPTY: readonly string[] = Object.freeze([]);
/** Compact once dead slots are this many and more than a quarter of the live ones. */
const MIN_DEAD_TO_COMPACT = 256;

type Visit = (slot: number) => boolean;

/** See `SearchIndex.builder`. */
export interface SearchIndexBuilder {
  /** Adds a chunk of records. */
  add(records: Iterable<CatalogInput>): void;
  /** The index; the builder is spent. */
  finish(): SearchIndex;
}

export class SearchIndex {
  // Columns by slot.
  private ids: (ProductId | undefined)[] = [];
  private names: string[] = [];
  private tagLists: (readonly string[])[] = [];
  private price = new Float64Array(0);
  private category = new Int32Array(0);
  private flags = new Uint8Array(0);
  private mark = new Uint32Array(0);
  private generation = 0;
  private slots = 0;
  private dead = 0;
  private readonly slotOf = new Map<ProductId, number>();

  private categories: string[] = [];
  private readonly categoryCode = new Map<string, number>();
  /** Tag lists shared by every product with the same tags (most have one of a few thousand lists). */
  private readonly tagSets = new Map<string, readonly string[]>();

  // Live slots, in name order and in price order (then name).
  private nameOrder = new Int32Array(0);
  private priceOrder = new Int32Array(0);
  private live = 0;

  // Sorted distinct words; postings[i] holds postingLength[i] slots that have words[i].
  private words: string[] = [];
  private postings: Int32Array[] = [];
  private postingLength: number[] = [];

  private readonly compareNames: (a: string, b: string) => number;

  private constructor(options: SearchIndexOptions) {
    const locale = options.locale;
    if (locale === undefined) {
      this.compareNames = (a, b) => a.localeCompare(b);
    } else {
      const collator = new Intl.Collator(locale);
      this.compareNames = (a, b) => collator.compare(a, b);
    }
  }

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
    const index = new SearchIndex(options);
    // Columns in the order records arrive ("arrival" numbers); slots are given at `finish`.
    const ids: ProductId[] = [];
    const names: string[] = [];
    const tagLists: (readonly string[])[] = [];
    const prices: number[] = [];
    const hidden: boolean[] = [];
    const categories: number[] = [];
    const arrivalOf = new Map<ProductId, number>();
    const replaced = new Set<number>();
    const byWord = new Map<string, number[]>();
    // Sorted runs, merged as they come (two of similar length become one), so that `finish`
    // has only a few left to merge.
    const runs: Int32Array[] = [];
    const byName = (a: number, b: number) => index.compareNames(names[a]!, names[b]!) || compareIds(ids[a]!, ids[b]!);
    let finished = false;

    return {
      add(records) {
        if (finished) throw new Error('SearchIndex.builder: add() after finish()');
        const start = ids.length;
        for (const r of records) {
          const a = ids.length;
          const before = arrivalOf.get(r.id);
          if (before !== undefined) replaced.add(before);
          arrivalOf.set(r.id, a);
          ids.push(r.id);
          names.push(r.name);
          tagLists.push(index.internTags(r.tags));
          prices.push(r.price);
          hidden.push(r.hidden);
          categories.push(index.categoryCodeOf(r.category));
          for (const w of r.words ?? wordsOf(r)) {
            const list = byWord.get(w);
            if (list === undefined) byWord.set(w, [a]);
            else list.push(a);
          }
        }
        if (ids.length === start) return;
        const run = new Int32Array(ids.length - start);
        for (let i = 0; i < run.length; i++) run[i] = start + i;
        runs.push(run.sort(byName));
        while (runs.length >= 2 && runs[runs.length - 2]!.length <= 2 * runs[runs.length - 1]!.length) {
          const b = runs.pop()!;
          const a = runs.pop()!;
          runs.push(merge(a, b, byName));
        }
      },

      finish() {
        if (finished) throw new Error('SearchIndex.builder: finish() twice');
        finished = true;
        while (runs.length >= 2) {
          const b = runs.pop()!;
          const a = runs.pop()!;
          runs.push(merge(a, b, byName));
        }
        let merged = runs[0] ?? new Int32Array(0);
        if (replaced.size > 0) merged = merged.filter((a) => !replaced.has(a));
        const n = merged.length;
        index.reserve(n);
        const slotOf = new Int32Array(ids.length).fill(-1);
        for (let slot = 0; slot < n; slot++) {
          const a = merged[slot]!;
          slotOf[a] = slot;
          index.ids[slot] = ids[a]!;
          index.names[slot] = names[a]!;
          index.tagLists[slot] = tagLists[a]!;
          index.price[slot] = prices[a]!;
          index.flags[slot] = hidden[a]! ? HIDDEN : 0;
          index.category[slot] = categories[a]!;
          index.nameOrder[slot] = slot;
        }
        for (const [id, a] of arrivalOf) index.slotOf.set(id, slotOf[a]!);
        index.slots = n;
        index.live = n;

        const words = [...byWord.keys()].sort();
        for (const w of words) {
          const list = byWord.get(w)!;
          const out = new Int32Array(list.length);
          let k = 0;
          for (const a of list) {
            const slot = slotOf[a]!;
            if (slot >= 0) out[k++] = slot;
          }
          // A word only a replaced record had has no slots: left out.
          if (k === 0) continue;
          index.words.push(w);
          index.postings.push(k === out.length ? out : out.slice(0, k));
          index.postingLength.push(k);
        }

        // Slots are in name order, so a tie in price falls back to the slot number.
        const order = index.priceOrder.subarray(0, n);
        for (let i = 0; i < n; i++) order[i] = i;
        const price = index.price;
        order.sort((a, b) => price[a]! - price[b]! || a - b);
        return index;
      },
    };
  }

  /** Products in the index. */
  get size(): number {
    return this.live;
  }

  has(id: ProductId): boolean {
    return this.slotOf.has(id);
  }

  /** What the index holds of a product. */
  get(id: ProductId): CatalogRecord | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.recordAt(slot);
  }

  /** Every product's id, in no particular order. */
  productIds(): IterableIterator<ProductId> {
    return this.slotOf.keys();
  }

  query(q: IndexQuery): IndexPage {
    const offset = count(q.offset);
    const end = offset + count(q.limit);
    const excluded = q.includeHidden === true ? DEAD : DEAD | HIDDEN;
    let code = -1;
    if (q.category !== undefined) {
      const c = this.categoryCode.get(q.category);
      if (c === undefined) return { ids: [], total: 0 };
      code = c;
    }
    const { flags, category, mark } = this;
    const admitted = (slot: number) => (flags[slot]! & excluded) === 0 && (code < 0 || category[slot] === code);
    const ids: ProductId[] = [];
    const terms = queryTerms(q.search ?? '');

    if (terms.length === 0) {
      let seen = 0;
      this.scan(q.sort, (slot) => {
        if (!admitted(slot)) return true;
        if (seen >= offset && seen < end) ids.push(this.ids[slot]!);
        seen += 1;
        return true;
      });
      return { ids, total: seen };
    }

    // Each term's range of words, the smallest first (fewest slots marked).
    const ranges: [number, number, number][] = [];
    for (const t of terms) {
      const [from, to] = this.prefixRange(t);
      if (from === to) return { ids: [], total: 0 };
      let volume = 0;
      for (let w = from; w < to; w++) volume += this.postingLength[w]!;
      ranges.push([from, to, volume]);
    }
    ranges.sort((a, b) => a[2] - b[2]);

    const first = this.nextGenerations(ranges.length);
    let found = 0;
    for (let i = 0; i < ranges.length; i++) {
      const [from, to] = ranges[i]!;
      const gen = first + i;
      found = 0;
      for (let w = from; w < to; w++) {
        const list = this.postings[w]!;
        const length = this.postingLength[w]!;
        if (i === 0) {
          for (let k = 0; k < length; k++) {
            const slot = list[k]!;
            if (mark[slot] !== gen && admitted(slot)) {
              mark[slot] = gen;
              found += 1;
            }
          }
        } else {
          for (let k = 0; k < length; k++) {
            const slot = list[k]!;
            if (mark[slot] === gen - 1) {
              mark[slot] = gen;
              found += 1;
            }
          }
        }
      }
      if (found === 0) return { ids: [], total: 0 };
    }

    const last = first + ranges.length - 1;
    const stop = Math.min(end, found);
    if (offset < stop) {
      let seen = 0;
      this.scan(q.sort, (slot) => {
        if (mark[slot] !== last) return true;
        if (seen >= offset) ids.push(this.ids[slot]!);
        seen += 1;
        return seen < stop;
      });
    }
    return { ids, total: found };
  }

  /**
   * Adds a product or applies a change to it. Returns false if the index already held exactly
   * this (nothing to do).
   */
  upsert(record: CatalogInput): boolean {
    const slot = this.slotOf.get(record.id);
    if (slot !== undefined) {
      if (this.sameWords(slot, record)) {
        // Name, category and tags unchanged: the slot, its words and its name order stay.
        let changed = false;
        const hidden = ((this.flags[slot]! & HIDDEN) !== 0);
        if (hidden !== record.hidden) {
          this.flags[slot] = record.hidden ? this.flags[slot]! | HIDDEN : this.flags[slot]! & ~HIDDEN;
          changed = true;
        }
        if (this.price[slot] !== record.price) {
          const n = this.live;
          removeAt(this.priceOrder, this.findPrice(slot, n), n);
          this.price[slot] = record.price;
          insertAt(this.priceOrder, this.findPrice(slot, n - 1), slot, n - 1);
          changed = true;
        }
        return changed;
      }
      this.kill(slot);
    }
    const fresh = this.slots;
    this.reserve(fresh + 1);
    this.fill(fresh, record);
    this.slots += 1;
    this.slotOf.set(record.id, fresh);
    const n = this.live;
    insertAt(this.nameOrder, this.findName(fresh, n), fresh, n);
    insertAt(this.priceOrder, this.findPrice(fresh, n), fresh, n);
    this.live = n + 1;
    for (const w of record.words ?? wordsOf(record)) this.addPosting(w, fresh);
    this.maybeCompact();
    return true;
  }

  /** Takes a product out. Returns false if it was not there. */
  remove(id: ProductId): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.kill(slot);
    this.maybeCompact();
    return true;
  }

  /**
   * Renumbers the live slots in name order and drops the dead ones from every list. Runs by
   * itself once dead slots pile up; public for tests.
   */
  compact(): void {
    const n = this.live;
    const remap = new Int32Array(this.slots).fill(-1);
    for (let i = 0; i < n; i++) remap[this.nameOrder[i]!] = i;

    const ids: (ProductId | undefined)[] = new Array<ProductId | undefined>(n);
    const names: string[] = new Array<string>(n);
    const tagLists: (readonly string[])[] = new Array<readonly string[]>(n);
    const price = new Float64Array(Math.max(n, 16));
    const category = new Int32Array(price.length);
    const flags = new Uint8Array(price.length);
    for (let i = 0; i < n; i++) {
      const old = this.nameOrder[i]!;
      ids[i] = this.ids[old];
      names[i] = this.names[old]!;
      tagLists[i] = this.tagLists[old]!;
      price[i] = this.price[old]!;
      category[i] = this.category[old]!;
      flags[i] = this.flags[old]!;
      this.slotOf.set(ids[i]!, i);
    }
    const nameOrder = new Int32Array(price.length);
    const priceOrder = new Int32Array(price.length);
    for (let i = 0; i < n; i++) {
      nameOrder[i] = i;
      priceOrder[i] = remap[this.priceOrder[i]!]!;
    }

    const words: string[] = [];
    const postings: Int32Array[] = [];
    const postingLength: number[] = [];
    for (let w = 0; w < this.words.length; w++) {
      const list = this.postings[w]!;
      const length = this.postingLength[w]!;
      let kept = 0;
      for (let k = 0; k < length; k++) if (remap[list[k]!]! >= 0) kept += 1;
      if (kept === 0) continue;
      const out = new Int32Array(kept);
      let j = 0;
      for (let k = 0; k < length; k++) {
        const to = remap[list[k]!]!;
        if (to >= 0) out[j++] = to;
      }
      out.sort();
      words.push(this.words[w]!);
      postings.push(out);
      postingLength.push(kept);
    }

    this.ids = ids;
    this.names = names;
    this.tagLists = tagLists;
    this.price = price;
    this.category = category;
    this.flags = flags;
    this.nameOrder = nameOrder;
    this.priceOrder = priceOrder;
    this.words = words;
    this.postings = postings;
    this.postingLength = postingLength;
    this.mark = new Uint32Array(price.length);
    this.generation = 0;
    this.slots = n;
    this.dead = 0;
  }

  stats(): IndexStats {
    let postings = 0;
    let postingBytes = 0;
    for (let w = 0; w < this.words.length; w++) {
      postings += this.postingLength[w]!;
      postingBytes += this.postings[w]!.byteLength;
    }
    const typedBytes = postingBytes + this.price.byteLength + this.category.byteLength + this.flags.byteLength
      + this.mark.byteLength + this.nameOrder.byteLength + this.priceOrder.byteLength;
    return { products: this.live, slots: this.slots, words: this.words.length, postings, typedBytes };
  }

  /* ---------------------------------------------------------------- internals */

  private recordAt(slot: number): CatalogRecord {
    return {
      id: this.ids[slot]!,
      name: this.names[slot]!,
      category: this.categories[this.category[slot]!]!,
      tags: this.tagLists[slot]!,
      price: this.price[slot]!,
      hidden: (this.flags[slot]! & HIDDEN) !== 0,
    };
  }

  /** Name, category and tags: what the words and the name order come from. */
  private sameWords(slot: number, r: CatalogRecord): boolean {
    if (this.names[slot] !== r.name || this.categories[this.category[slot]!] !== r.category) return false;
    const tags = this.tagLists[slot]!;
    if (tags.length !== r.tags.length) return false;
    for (let i = 0; i < tags.length; i++) if (tags[i] !== r.tags[i]) return false;
    return true;
  }

  /** A product's tags as kept: one frozen list shared by every product with the same tags. */
  private internTags(tags: readonly string[]): readonly string[] {
    if (tags.length === 0) return EMPTY;
    const key = JSON.stringify(tags);
    let shared = this.tagSets.get(key);
    if (shared === undefined) {
      shared = Object.freeze([...tags]);
      this.tagSets.set(key, shared);
    }
    return shared;
  }

  private categoryCodeOf(category: string): number {
    let code = this.categoryCode.get(category);
    if (code === undefined) {
      code = this.categories.length;
      this.categories.push(category);
      this.categoryCode.set(category, code);
    }
    return code;
  }

  /** Puts a new product in a slot's columns. */
  private fill(slot: number, r: CatalogRecord): void {
    this.ids[slot] = r.id;
    this.names[slot] = r.name;
    this.tagLists[slot] = this.internTags(r.tags);
    this.price[slot] = r.price;
    this.flags[slot] = r.hidden ? HIDDEN : 0;
    this.category[slot] = this.categoryCodeOf(r.category);
    this.slotOf.set(r.id, slot);
  }

  private kill(slot: number): void {
    const n = this.live;
    removeAt(this.nameOrder, this.findName(slot, n), n);
    removeAt(this.priceOrder, this.findPrice(slot, n), n);
    this.slotOf.delete(this.ids[slot]!);
    this.flags[slot] = DEAD;
    this.ids[slot] = undefined;
    this.tagLists[slot] = EMPTY;
    this.live -= 1;
    this.dead += 1;
  }

  private maybeCompact(): void {
    if (this.dead >= MIN_DEAD_TO_COMPACT && this.dead * 4 > this.live) this.compact();
  }

  /** Room for `n` slots in every column and order. */
  private reserve(n: number): void {
    if (n <= this.price.length) return;
    const size = Math.max(16, n, Math.ceil(this.price.length * 1.5));
    this.price = grown(this.price, new Float64Array(size));
    this.category = grown(this.category, new Int32Array(size));
    this.flags = grown(this.flags, new Uint8Array(size));
    this.nameOrder = grown(this.nameOrder, new Int32Array(size));
    this.priceOrder = grown(this.priceOrder, new Int32Array(size));
    // Zeros: generation 0 is never a query's, and new generations follow the old ones.
    this.mark = new Uint32Array(size);
  }

  /** `k` unused generation numbers, the first returned. */
  private nextGenerations(k: number): number {
    if (this.generation + k >= 0xffffffff) {
      this.mark.fill(0);
      this.generation = 0;
    }
    const first = this.generation + 1;
    this.generation += k;
    return first;
  }

  /** Walks the live slots in a sort order until `visit` returns false. */
  private scan(sort: CatalogSort | undefined, visit: Visit): void {
    const n = this.live;
    if (sort === 'price-asc' || sort === 'price-desc') {
      const order = this.priceOrder;
      if (sort === 'price-asc') {
        for (let i = 0; i < n; i++) if (!visit(order[i]!)) return;
        return;
      }
      // Highest price first, but a run of equal prices still in name order.
      const price = this.price;
      let i = n - 1;
      while (i >= 0) {
        const p = price[order[i]!];
        let j = i;
        while (j > 0 && price[order[j - 1]!] === p) j -= 1;
        for (let k = j; k <= i; k++) if (!visit(order[k]!)) return;
        i = j - 1;
      }
      return;
    }
    const order = this.nameOrder;
    for (let i = 0; i < n; i++) if (!visit(order[i]!)) return;
  }

  /** The words that begin with `prefix`: [from, to) of `words`. */
  private prefixRange(prefix: string): [number, number] {
    const words = this.words;
    const len = prefix.length;
    const bound = (strict: boolean) => {
      let lo = 0;
      let hi = words.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const head = words[mid]!.slice(0, len);
        if (head < prefix || (!strict && head === prefix)) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    return [bound(true), bound(false)];
  }

  private addPosting(word: string, slot: number): void {
    const words = this.words;
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (words[mid]! < word) lo = mid + 1;
      else hi = mid;
    }
    if (words[lo] !== word) {
      words.splice(lo, 0, word);
      this.postings.splice(lo, 0, new Int32Array(4));
      this.postingLength.splice(lo, 0, 0);
    }
    let list = this.postings[lo]!;
    const length = this.postingLength[lo]!;
    if (length === list.length) {
      list = grown(list, new Int32Array(Math.max(4, length * 2)));
      this.postings[lo] = list;
    }
    list[length] = slot;
    this.postingLength[lo] = length + 1;
  }

  /** Where `slot` is (or goes) in the first `length` entries of `nameOrder`: by name, then id. */
  private findName(slot: number, length: number): number {
    const order = this.nameOrder;
    const name = this.names[slot]!;
    const id = this.ids[slot]!;
    let lo = 0;
    let hi = length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const other = order[mid]!;
      const c = this.compareNames(this.names[other]!, name) || compareIds(this.ids[other]!, id);
      if (c < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Where `slot` is (or goes) in the first `length` entries of `priceOrder`: by price, then name, then id. */
  private findPrice(slot: number, length: number): number {
    const order = this.priceOrder;
    const p = this.price[slot]!;
    const name = this.names[slot]!;
    const id = this.ids[slot]!;
    let lo = 0;
    let hi = length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const other = order[mid]!;
      const c = this.price[other]! - p || this.compareNames(this.names[other]!, name) || compareIds(this.ids[other]!, id);
      if (c < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Inserts into the first `length` entries of an order (which has room: see `reserve`). */
function insertAt(order: Int32Array, at: number, slot: number, length: number): void {
  order.copyWithin(at + 1, at, length);
  order[at] = slot;
}

/** Removes entry `at` of the first `length` entries of an order. */
function removeAt(order: Int32Array, at: number, length: number): void {
  order.copyWithin(at, at + 1, length);
}

/** Two runs, each sorted by `cmp`, as one. */
function merge(a: Int32Array, b: Int32Array, cmp: (a: number, b: number) => number): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = cmp(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

function wordsOf(r: CatalogRecord): string[] {
  return indexWords(r.name, r.category, ...r.tags);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A whole number ≥ 0 (as `slice` reads its arguments; NaN is 0, Infinity stays). */
function count(x: number): number {
  return x > 0 ? Math.floor(x) : 0;
}

function grown<T extends Float64Array | Int32Array | Uint8Array>(old: T, into: T): T {
  into.set(old.subarray(0, Math.min(old.length, into.length)));
  return into;
}
