/**
 * Queries of the catalog's search index (see search-index.ts): marking each term's slots with
 * a new generation, then scanning a precomputed order for the requested page.
 */
import type { ProductId } from '../../domain/index.ts';
import { queryTerms } from './words.ts';
import { DEAD, HIDDEN, type CatalogSort, type IndexData, type IndexPage, type IndexQuery } from './search-index-data.ts';

type Visit = (slot: number) => boolean;

export function queryIndex(d: IndexData, q: IndexQuery): IndexPage {
  const offset = count(q.offset);
  const end = offset + count(q.limit);
  const excluded = q.includeHidden === true ? DEAD : DEAD | HIDDEN;
  let code = -1;
  if (q.category !== undefined) {
    const c = d.categoryCode.get(q.category);
    if (c === undefined) return { ids: [], total: 0 };
    code = c;
  }
  const { flags, category, mark } = d;
  const admitted = (slot: number) => (flags[slot]! & excluded) === 0 && (code < 0 || category[slot] === code);
  const ids: ProductId[] = [];
  const terms = queryTerms(q.search ?? '');

  if (terms.length === 0) {
    let seen = 0;
    scan(d, q.sort, (slot) => {
      if (!admitted(slot)) return true;
      if (seen >= offset && seen < end) ids.push(d.ids[slot]!);
      seen += 1;
      return true;
    });
    return { ids, total: seen };
  }

  // Each term's range of words, the smallest first (fewest slots marked).
  const ranges: [number, number, number][] = [];
  for (const t of terms) {
    const [from, to] = prefixRange(d, t);
    if (from === to) return { ids: [], total: 0 };
    let volume = 0;
    for (let w = from; w < to; w++) volume += d.postingLength[w]!;
    ranges.push([from, to, volume]);
  }
  ranges.sort((a, b) => a[2] - b[2]);

  const first = nextGenerations(d, ranges.length);
  let found = 0;
  for (let i = 0; i < ranges.length; i++) {
    const [from, to] = ranges[i]!;
    const gen = first + i;
    found = 0;
    for (let w = from; w < to; w++) {
      const list = d.postings[w]!;
      const length = d.postingLength[w]!;
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
    scan(d, q.sort, (slot) => {
      if (mark[slot] !== last) return true;
      if (seen >= offset) ids.push(d.ids[slot]!);
      seen += 1;
      return seen < stop;
    });
  }
  return { ids, total: found };
}

/** `k` unused generation numbers, the first returned. */
function nextGenerations(d: IndexData, k: number): number {
  if (d.generation + k >= 0xffffffff) {
    d.mark.fill(0);
    d.generation = 0;
  }
  const first = d.generation + 1;
  d.generation += k;
  return first;
}

/** Walks the live slots in a sort order until `visit` returns false. */
function scan(d: IndexData, sort: CatalogSort | undefined, visit: Visit): void {
  const n = d.live;
  if (sort === 'price-asc' || sort === 'price-desc') {
    const order = d.priceOrder;
    if (sort === 'price-asc') {
      for (let i = 0; i < n; i++) if (!visit(order[i]!)) return;
      return;
    }
    // Highest price first, but a run of equal prices still in name order.
    const price = d.price;
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
  const order = d.nameOrder;
  for (let i = 0; i < n; i++) if (!visit(order[i]!)) return;
}

/** The words that begin with `prefix`: [from, to) of `words`. */
function prefixRange(d: IndexData, prefix: string): [number, number] {
  const words = d.words;
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

/** A whole number ≥ 0 (as `slice` reads its arguments; NaN is 0, Infinity stays). */
function count(x: number): number {
  return x > 0 ? Math.floor(x) : 0;
}
