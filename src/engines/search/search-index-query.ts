/**
 * Queries of the catalog's search index (see search-index.ts): marking each term's slots with
 * a new generation, then scanning a precomputed order for the requested page.
 */
import type { ProductId } from '../../domain/index.ts';
import { searchPlan, termScore, type SearchPlan, type SearchTerm } from './search-words.ts';
import { DEAD, FIELDS, HIDDEN, SLOT_SHIFT, type CatalogSort, type IndexData, type IndexPage, type IndexQuery } from './search-index-data.ts';

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
  const plan = searchPlan(q.search ?? '');

  if (plan.terms.length === 0) {
    let seen = 0;
    scan(d, q.sort, (slot) => {
      if (!admitted(slot)) return true;
      if (seen >= offset && seen < end) ids.push(d.ids[slot]!);
      seen += 1;
      return true;
    });
    return { ids, total: seen };
  }

  const matched = markMatches(d, plan, admitted);
  if (matched === undefined) return { ids: [], total: 0 };
  const { last, found, top } = matched;
  if (q.sort === 'relevance') return { ids: bestFirst(d, last, top, offset, end), total: found };
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

/**
 * Marks the admitted slots that have every term of `plan` with the returned generation
 * (`last`), each with its score in `d.score` (as storage's `matchScore`), and the highest
 * score (`top`). Undefined: none.
 *
 * Term 1 marks its slots with generation g, term 2 re-marks those already at g with g + 1, and
 * so on. Within a term a slot may be met in several words (its range of words): `d.best` keeps
 * its best so far, and the score takes the difference when a better one comes.
 */
export function markMatches(
  d: IndexData, plan: SearchPlan, admitted: (slot: number) => boolean,
): { last: number; found: number; top: number } | undefined {
  const { mark, score, best } = d;
  // Each term's range of words, the smallest first (fewest slots marked).
  const ranges: { from: number; to: number; volume: number; term: SearchTerm }[] = [];
  for (const term of plan.terms) {
    const [from, to] = prefixRange(d, term.text);
    if (from === to) return undefined;
    let volume = 0;
    for (let w = from; w < to; w++) volume += d.postingLength[w]!;
    ranges.push({ from, to, volume, term });
  }
  ranges.sort((a, b) => a.volume - b.volume);

  const first = nextGenerations(d, ranges.length);
  let found = 0;
  let top = 0;
  for (let i = 0; i < ranges.length; i++) {
    const { from, to, term } = ranges[i]!;
    const scores = scoreTable(term.cjk);
    const gen = first + i;
    found = 0;
    for (let w = from; w < to; w++) {
      const list = d.postings[w]!;
      const length = d.postingLength[w]!;
      const whole = d.words[w]!.length === term.text.length ? WHOLE : 0;
      for (let k = 0; k < length; k++) {
        const entry = list[k]!;
        const s = scores[whole | (entry & FIELDS)]!;
        if (s === 0) continue;
        const slot = entry >>> SLOT_SHIFT;
        if (mark[slot] === gen) {
          if (s > best[slot]!) {
            score[slot] = Math.min(MAX_SCORE, score[slot]! + s - best[slot]!);
            best[slot] = s;
          }
        } else if (i === 0 ? admitted(slot) : mark[slot] === gen - 1) {
          mark[slot] = gen;
          score[slot] = Math.min(MAX_SCORE, (i === 0 ? 0 : score[slot]!) + s);
          best[slot] = s;
          found += 1;
        } else {
          continue;
        }
        if (score[slot]! > top) top = score[slot]!;
      }
    }
    if (found === 0) return undefined;
    if (i < ranges.length - 1) top = 0; // only the last term's scores are whole
  }
  const last = first + ranges.length - 1;
  const bonusScores = scoreTable(true);
  for (const word of plan.bonus) {
    const w = exactWord(d, word);
    if (w < 0) continue;
    const list = d.postings[w]!;
    const length = d.postingLength[w]!;
    for (let k = 0; k < length; k++) {
      const slot = list[k]! >>> SLOT_SHIFT;
      if (mark[slot] !== last) continue;
      score[slot] = Math.min(MAX_SCORE, score[slot]! + bonusScores[WHOLE | (list[k]! & FIELDS)]!);
      if (score[slot]! > top) top = score[slot]!;
    }
  }
  return { last, found, top };
}

/**
 * The ids of the slots marked `last`, best score first and in name order within a score:
 * [offset, end) of them. One walk of the name order, keeping at most `end` slots per score,
 * and stopping once `end` slots have the highest score (`top`).
 */
function bestFirst(d: IndexData, last: number, top: number, offset: number, end: number): ProductId[] {
  if (end <= offset) return [];
  const { mark, score } = d;
  const byScore: number[][] = [];
  const order = d.nameOrder;
  const n = d.live;
  for (let i = 0; i < n; i++) {
    const slot = order[i]!;
    if (mark[slot] !== last) continue;
    const s = score[slot]!;
    const list = (byScore[s] ??= []);
    if (list.length < end) list.push(slot);
    else if (s === top) break;
  }
  const out: ProductId[] = [];
  for (let s = byScore.length - 1; s >= 0 && out.length < end; s--) {
    for (const slot of byScore[s] ?? []) {
      if (out.length >= end) break;
      out.push(d.ids[slot]!);
    }
  }
  return out.slice(offset);
}

const WHOLE = FIELDS + 1;
const MAX_SCORE = 0xffff;
/** `termScore` by (whole ? WHOLE : 0) | fields, for Latin-script terms and for CJK ones. */
const SCORE_TABLES = [false, true].map((cjk) => {
  const table = new Uint8Array(2 * WHOLE);
  for (let fields = 0; fields <= FIELDS; fields++) {
    table[fields] = termScore(fields, false, cjk);
    table[WHOLE | fields] = termScore(fields, true, cjk);
  }
  return table;
});

export function scoreTable(cjk: boolean): Uint8Array {
  return SCORE_TABLES[cjk ? 1 : 0]!;
}

/** Where `word` is in `words`, or -1. */
export function exactWord(d: IndexData, word: string): number {
  const [from, to] = prefixRange(d, word);
  for (let w = from; w < to; w++) if (d.words[w] === word) return w;
  return -1;
}

/** `k` unused generation numbers, the first returned. */
export function nextGenerations(d: IndexData, k: number): number {
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
export function prefixRange(d: IndexData, prefix: string): [number, number] {
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
