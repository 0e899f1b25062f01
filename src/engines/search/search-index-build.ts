/**
 * Building the catalog's search index (see search-index.ts): from chunks of records, sorting
 * each chunk by name and merging sorted runs as they come.
 */
import type { ProductId } from '../../domain/index.ts';
import { FIELDS, HIDDEN, IndexData, SLOT_SHIFT, compareIds, type CatalogInput, type SearchIndexOptions } from './search-index-data.ts';

/** `SearchIndex.builder`'s, giving the index's data. */
export interface IndexDataBuilder {
  add(records: Iterable<CatalogInput>): void;
  finish(): IndexData;
}

/**
 * Builds an index from chunks of records, as they are read: each `add` does its chunk's share
 * of the work (words, and sorting the chunk by name), so `finish` is left with merging the
 * sorted chunks and the price order. A repeated id: the last one added counts.
 */
export function indexBuilder(options: SearchIndexOptions = {}): IndexDataBuilder {
  const index = new IndexData(options);
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
        for (const [w, fields] of index.fieldWordsOf(r)) {
          const entry = (a << SLOT_SHIFT) | fields;
          const list = byWord.get(w);
          if (list === undefined) byWord.set(w, [entry]);
          else list.push(entry);
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
        for (const entry of list) {
          const slot = slotOf[entry >>> SLOT_SHIFT]!;
          if (slot >= 0) out[k++] = (slot << SLOT_SHIFT) | (entry & FIELDS);
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
