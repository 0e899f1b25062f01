/**
 * The catalog's search index's data (see search-index.ts for the layout): the public types,
 * the columns by slot, the orders and the posting lists, and the helpers on them that
 * building, querying and updating share. Plain data in, answers out (no Dexie, no DOM).
 */
import type { ProductId } from '../../domain/index.ts';
import { IN_CATEGORY, IN_NAME, IN_TAGS } from './search-words.ts';
import { indexWords } from './words.ts';

export type CatalogSort = 'relevance' | 'name' | 'price-asc' | 'price-desc';

/** What the index keeps of a product. */
export interface CatalogRecord {
  readonly id: ProductId;
  readonly name: string;
  readonly category: string;
  readonly tags: readonly string[];
  readonly price: number;
  readonly hidden: boolean;
}

/** A record as given to `build` / `upsert`. */
export type CatalogInput = CatalogRecord;

export interface IndexQuery {
  /** Typed words: each must be found in the product's name, category or tags (storage's words.ts says how). */
  search?: string | undefined;
  category?: string | undefined;
  /** Default 'name'; 'relevance' ranks the best matches first (then by name). */
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

export const HIDDEN = 1;
export const DEAD = 2;
export const EMPTY: readonly string[] = Object.freeze([]);

/** The index's state; `SearchIndex` (search-index.ts) wraps it. */
export class IndexData {
  // Columns by slot.
  ids: (ProductId | undefined)[] = [];
  names: string[] = [];
  tagLists: (readonly string[])[] = [];
  price = new Float64Array(0);
  category = new Int32Array(0);
  flags = new Uint8Array(0);
  mark = new Uint32Array(0);
  /** A query's ranking: each marked slot's score so far, and its best for the current term. */
  score = new Uint16Array(0);
  best = new Uint8Array(0);
  generation = 0;
  slots = 0;
  dead = 0;
  readonly slotOf = new Map<ProductId, number>();

  categories: string[] = [];
  readonly categoryCode = new Map<string, number>();
  /** Tag lists shared by every product with the same tags (most have one of a few thousand lists). */
  readonly tagSets = new Map<string, readonly string[]>();
  /** The index words of each category and of each shared tag list, made once. */
  private readonly categoryWords = new Map<string, readonly string[]>();
  private readonly tagWords = new WeakMap<readonly string[], readonly string[]>();

  // Live slots, in name order and in price order (then name).
  nameOrder = new Int32Array(0);
  priceOrder = new Int32Array(0);
  live = 0;

  // Sorted distinct words; postings[i] holds postingLength[i] entries for the slots that have
  // words[i], each `slot << 3 | fields` (IN_NAME, IN_CATEGORY, IN_TAGS: where the slot has it).
  words: string[] = [];
  postings: Int32Array[] = [];
  postingLength: number[] = [];

  readonly compareNames: (a: string, b: string) => number;

  constructor(options: SearchIndexOptions) {
    const locale = options.locale;
    if (locale === undefined) {
      this.compareNames = (a, b) => a.localeCompare(b);
    } else {
      const collator = new Intl.Collator(locale);
      this.compareNames = (a, b) => collator.compare(a, b);
    }
  }

  recordAt(slot: number): CatalogRecord {
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
  sameWords(slot: number, r: CatalogRecord): boolean {
    if (this.names[slot] !== r.name || this.categories[this.category[slot]!] !== r.category) return false;
    const tags = this.tagLists[slot]!;
    if (tags.length !== r.tags.length) return false;
    for (let i = 0; i < tags.length; i++) if (tags[i] !== r.tags[i]) return false;
    return true;
  }

  /** A product's tags as kept: one frozen list shared by every product with the same tags. */
  internTags(tags: readonly string[]): readonly string[] {
    if (tags.length === 0) return EMPTY;
    const key = JSON.stringify(tags);
    let shared = this.tagSets.get(key);
    if (shared === undefined) {
      shared = Object.freeze([...tags]);
      this.tagSets.set(key, shared);
    }
    return shared;
  }

  /** A record's index words with the fields each is in (as storage's `fieldWords`, with the category's and tags' words made once). */
  fieldWordsOf(r: CatalogRecord): Map<string, number> {
    const out = new Map<string, number>();
    for (const w of indexWords(r.name)) out.set(w, IN_NAME);
    let category = this.categoryWords.get(r.category);
    if (category === undefined) {
      category = indexWords(r.category);
      this.categoryWords.set(r.category, category);
    }
    for (const w of category) out.set(w, (out.get(w) ?? 0) | IN_CATEGORY);
    const tags = this.internTags(r.tags);
    let words = this.tagWords.get(tags);
    if (words === undefined) {
      words = indexWords(...tags);
      this.tagWords.set(tags, words);
    }
    for (const w of words) out.set(w, (out.get(w) ?? 0) | IN_TAGS);
    return out;
  }

  categoryCodeOf(category: string): number {
    let code = this.categoryCode.get(category);
    if (code === undefined) {
      code = this.categories.length;
      this.categories.push(category);
      this.categoryCode.set(category, code);
    }
    return code;
  }

  /** Puts a new product in a slot's columns. */
  fill(slot: number, r: CatalogRecord): void {
    this.ids[slot] = r.id;
    this.names[slot] = r.name;
    this.tagLists[slot] = this.internTags(r.tags);
    this.price[slot] = r.price;
    this.flags[slot] = r.hidden ? HIDDEN : 0;
    this.category[slot] = this.categoryCodeOf(r.category);
    this.slotOf.set(r.id, slot);
  }

  /** Room for `n` slots in every column and order. */
  reserve(n: number): void {
    if (n <= this.price.length) return;
    const size = Math.max(16, n, Math.ceil(this.price.length * 1.5));
    this.price = grown(this.price, new Float64Array(size));
    this.category = grown(this.category, new Int32Array(size));
    this.flags = grown(this.flags, new Uint8Array(size));
    this.nameOrder = grown(this.nameOrder, new Int32Array(size));
    this.priceOrder = grown(this.priceOrder, new Int32Array(size));
    // Zeros: generation 0 is never a query's, and new generations follow the old ones.
    this.mark = new Uint32Array(size);
    this.score = new Uint16Array(size);
    this.best = new Uint8Array(size);
  }

  stats(): IndexStats {
    let postings = 0;
    let postingBytes = 0;
    for (let w = 0; w < this.words.length; w++) {
      postings += this.postingLength[w]!;
      postingBytes += this.postings[w]!.byteLength;
    }
    const typedBytes = postingBytes + this.price.byteLength + this.category.byteLength + this.flags.byteLength
      + this.mark.byteLength + this.score.byteLength + this.best.byteLength + this.nameOrder.byteLength + this.priceOrder.byteLength;
    return { products: this.live, slots: this.slots, words: this.words.length, postings, typedBytes };
  }
}

/** A posting list's entry: a slot and the fields it has the word in. */
export const SLOT_SHIFT = 3;
export const FIELDS = (1 << SLOT_SHIFT) - 1;

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function grown<T extends Float64Array | Int32Array | Uint8Array>(old: T, into: T): T {
  into.set(old.subarray(0, Math.min(old.length, into.length)));
  return into;
}
