/**
 * Updates of the catalog's search index in place (see search-index.ts): upsert, remove, and
 * compacting once dead slots pile up.
 */
import type { ProductId } from '../../domain/index.ts';
import { DEAD, EMPTY, FIELDS, HIDDEN, SLOT_SHIFT, compareIds, grown, type CatalogInput, type IndexData } from './search-index-data.ts';

/** Compact once dead slots are this many and more than a quarter of the live ones. */
const MIN_DEAD_TO_COMPACT = 256;

/**
 * Adds a product or applies a change to it. Returns false if the index already held exactly
 * this (nothing to do).
 */
export function upsertRecord(d: IndexData, record: CatalogInput): boolean {
  const slot = d.slotOf.get(record.id);
  if (slot !== undefined) {
    if (d.sameWords(slot, record)) {
      // Name, category and tags unchanged: the slot, its words and its name order stay.
      let changed = false;
      const hidden = ((d.flags[slot]! & HIDDEN) !== 0);
      if (hidden !== record.hidden) {
        d.flags[slot] = record.hidden ? d.flags[slot]! | HIDDEN : d.flags[slot]! & ~HIDDEN;
        changed = true;
      }
      if (d.price[slot] !== record.price) {
        const n = d.live;
        removeAt(d.priceOrder, findPrice(d, slot, n), n);
        d.price[slot] = record.price;
        insertAt(d.priceOrder, findPrice(d, slot, n - 1), slot, n - 1);
        changed = true;
      }
      return changed;
    }
    kill(d, slot);
  }
  const fresh = d.slots;
  d.reserve(fresh + 1);
  d.fill(fresh, record);
  d.slots += 1;
  d.slotOf.set(record.id, fresh);
  const n = d.live;
  insertAt(d.nameOrder, findName(d, fresh, n), fresh, n);
  insertAt(d.priceOrder, findPrice(d, fresh, n), fresh, n);
  d.live = n + 1;
  for (const [w, fields] of d.fieldWordsOf(record)) addPosting(d, w, (fresh << SLOT_SHIFT) | fields);
  maybeCompact(d);
  return true;
}

/** Takes a product out. Returns false if it was not there. */
export function removeRecord(d: IndexData, id: ProductId): boolean {
  const slot = d.slotOf.get(id);
  if (slot === undefined) return false;
  kill(d, slot);
  maybeCompact(d);
  return true;
}

/**
 * Renumbers the live slots in name order and drops the dead ones from every list. Runs by
 * itself once dead slots pile up; public for tests.
 */
export function compactIndex(d: IndexData): void {
  const n = d.live;
  const remap = new Int32Array(d.slots).fill(-1);
  for (let i = 0; i < n; i++) remap[d.nameOrder[i]!] = i;

  const ids: (ProductId | undefined)[] = new Array<ProductId | undefined>(n);
  const names: string[] = new Array<string>(n);
  const tagLists: (readonly string[])[] = new Array<readonly string[]>(n);
  const price = new Float64Array(Math.max(n, 16));
  const category = new Int32Array(price.length);
  const flags = new Uint8Array(price.length);
  for (let i = 0; i < n; i++) {
    const old = d.nameOrder[i]!;
    ids[i] = d.ids[old];
    names[i] = d.names[old]!;
    tagLists[i] = d.tagLists[old]!;
    price[i] = d.price[old]!;
    category[i] = d.category[old]!;
    flags[i] = d.flags[old]!;
    d.slotOf.set(ids[i]!, i);
  }
  const nameOrder = new Int32Array(price.length);
  const priceOrder = new Int32Array(price.length);
  for (let i = 0; i < n; i++) {
    nameOrder[i] = i;
    priceOrder[i] = remap[d.priceOrder[i]!]!;
  }

  const words: string[] = [];
  const postings: Int32Array[] = [];
  const postingLength: number[] = [];
  for (let w = 0; w < d.words.length; w++) {
    const list = d.postings[w]!;
    const length = d.postingLength[w]!;
    let kept = 0;
    for (let k = 0; k < length; k++) if (remap[list[k]! >>> SLOT_SHIFT]! >= 0) kept += 1;
    if (kept === 0) continue;
    const out = new Int32Array(kept);
    let j = 0;
    for (let k = 0; k < length; k++) {
      const to = remap[list[k]! >>> SLOT_SHIFT]!;
      if (to >= 0) out[j++] = (to << SLOT_SHIFT) | (list[k]! & FIELDS);
    }
    out.sort();
    words.push(d.words[w]!);
    postings.push(out);
    postingLength.push(kept);
  }

  d.ids = ids;
  d.names = names;
  d.tagLists = tagLists;
  d.price = price;
  d.category = category;
  d.flags = flags;
  d.nameOrder = nameOrder;
  d.priceOrder = priceOrder;
  d.words = words;
  d.postings = postings;
  d.postingLength = postingLength;
  d.mark = new Uint32Array(price.length);
  d.score = new Uint16Array(price.length);
  d.best = new Uint8Array(price.length);
  d.generation = 0;
  d.slots = n;
  d.dead = 0;
}

function kill(d: IndexData, slot: number): void {
  const n = d.live;
  removeAt(d.nameOrder, findName(d, slot, n), n);
  removeAt(d.priceOrder, findPrice(d, slot, n), n);
  d.slotOf.delete(d.ids[slot]!);
  d.flags[slot] = DEAD;
  d.ids[slot] = undefined;
  d.tagLists[slot] = EMPTY;
  d.live -= 1;
  d.dead += 1;
}

function maybeCompact(d: IndexData): void {
  if (d.dead >= MIN_DEAD_TO_COMPACT && d.dead * 4 > d.live) compactIndex(d);
}

/** Appends a posting entry (`slot << SLOT_SHIFT | fields`) to a word's list. */
function addPosting(d: IndexData, word: string, entry: number): void {
  const words = d.words;
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]! < word) lo = mid + 1;
    else hi = mid;
  }
  if (words[lo] !== word) {
    words.splice(lo, 0, word);
    d.postings.splice(lo, 0, new Int32Array(4));
    d.postingLength.splice(lo, 0, 0);
  }
  let list = d.postings[lo]!;
  const length = d.postingLength[lo]!;
  if (length === list.length) {
    list = grown(list, new Int32Array(Math.max(4, length * 2)));
    d.postings[lo] = list;
  }
  list[length] = entry;
  d.postingLength[lo] = length + 1;
}

/** Where `slot` is (or goes) in the first `length` entries of `nameOrder`: by name, then id. */
function findName(d: IndexData, slot: number, length: number): number {
  const order = d.nameOrder;
  const name = d.names[slot]!;
  const id = d.ids[slot]!;
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const other = order[mid]!;
    const c = d.compareNames(d.names[other]!, name) || compareIds(d.ids[other]!, id);
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where `slot` is (or goes) in the first `length` entries of `priceOrder`: by price, then name, then id. */
function findPrice(d: IndexData, slot: number, length: number): number {
  const order = d.priceOrder;
  const p = d.price[slot]!;
  const name = d.names[slot]!;
  const id = d.ids[slot]!;
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const other = order[mid]!;
    const c = d.price[other]! - p || d.compareNames(d.names[other]!, name) || compareIds(d.ids[other]!, id);
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
