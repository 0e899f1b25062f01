/**
 * What the catalog suggests when a search finds nothing (see search-index.ts): the query with
 * a mistyped word put right, the products closest to what was typed, and categories to look in.
 *
 * - A Latin-script word that begins no index word is replaced by the closest one (edit distance
 *   1, or 2 from six letters; compared with the whole word and with its start, as it may still
 *   be being typed: "choclate" and "chocl" both give "chocolate"). The corrected query is
 *   offered if it finds something.
 * - The closest products: any word or character of the query counts, not every one. A Chinese
 *   run counts by its characters, the last one double (in a compound the last is usually the
 *   thing itself: 红茶 is a tea), after a 子 or 儿 suffix is dropped. Best total first, then by name.
 * - Categories: those of the closest products; with none, the largest ones.
 *
 * Only runs when a search finds nothing, so it may read every word of the index.
 */
import type { ProductId } from '../../domain/index.ts';
import { SUFFIX, searchPlan } from './search-words.ts';
import { CJK, pieces as textPieces } from './words.ts';
import { DEAD, FIELDS, HIDDEN, SLOT_SHIFT, type IndexData } from './search-index-data.ts';
import { markMatches, prefixRange, scoreTable } from './search-index-query.ts';

export interface SearchSuggestions {
  /** The query with its unknown words replaced by the closest known ones, where that finds something. */
  query?: string;
  /** Visible products closest to the query, best first. */
  products: { id: ProductId; name: string }[];
  /** Categories to look in. */
  categories: string[];
}

const WHOLE = FIELDS + 1;

export function suggestFor(d: IndexData, search: string, limit = 3): SearchSuggestions {
  const visible = (slot: number) => (d.flags[slot]! & (DEAD | HIDDEN)) === 0;
  const pieces = textPieces(search);
  const corrected = pieces.map((p) => (CJK.test(p) || prefixRange(d, p)[0] !== prefixRange(d, p)[1] ? p : closestWord(d, p) ?? p));
  const out: SearchSuggestions = { products: [], categories: [] };
  if (corrected.some((p, i) => p !== pieces[i])) {
    const query = corrected.join(' ');
    if (markMatches(d, searchPlan(query), visible) !== undefined) out.query = query;
  }

  // Each piece's terms with their weights: a word, or a Chinese run's characters.
  const terms: { text: string; cjk: boolean; weight: number }[] = [];
  for (const p of corrected) {
    if (!CJK.test(p)) {
      terms.push({ text: p, cjk: false, weight: 1 });
      continue;
    }
    const chars = [...new Set(SUFFIX.exec(p)?.[1] ?? p)];
    chars.forEach((c, i) => terms.push({ text: c, cjk: true, weight: i === chars.length - 1 ? 2 : 1 }));
  }
  const total = new Map<number, number>();
  for (const term of terms) {
    const scores = scoreTable(term.cjk);
    const best = new Map<number, number>();
    const [from, to] = prefixRange(d, term.text);
    for (let w = from; w < to; w++) {
      const whole = d.words[w]!.length === term.text.length ? WHOLE : 0;
      const list = d.postings[w]!;
      for (let k = 0; k < d.postingLength[w]!; k++) {
        const s = scores[whole | (list[k]! & FIELDS)]!;
        const slot = list[k]! >>> SLOT_SHIFT;
        if (s > (best.get(slot) ?? 0) && visible(slot)) best.set(slot, s);
      }
    }
    for (const [slot, s] of best) total.set(slot, (total.get(slot) ?? 0) + s * term.weight);
  }

  if (total.size > 0) {
    const threshold = [...total.values()].sort((a, b) => b - a)[Math.min(limit, total.size) - 1]!;
    const byScore = new Map<number, number[]>();
    for (let i = 0; i < d.live; i++) {
      const slot = d.nameOrder[i]!;
      const s = total.get(slot);
      if (s === undefined || s < threshold) continue;
      let list = byScore.get(s);
      if (list === undefined) byScore.set(s, (list = []));
      list.push(slot);
    }
    const slots = [...byScore.keys()].sort((a, b) => b - a).flatMap((s) => byScore.get(s)!).slice(0, limit);
    out.products = slots.map((slot) => ({ id: d.ids[slot]!, name: d.names[slot]! }));
    out.categories = [...new Set(slots.map((slot) => d.categories[d.category[slot]!]!))].slice(0, 2);
  } else {
    const counts = new Map<string, number>();
    for (let i = 0; i < d.live; i++) {
      const slot = d.nameOrder[i]!;
      if (!visible(slot)) continue;
      const c = d.categories[d.category[slot]!]!;
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    out.categories = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit).map(([c]) => c);
  }
  return out;
}

/** The index word closest to a typed Latin-script word (see the top), the most used of equals; none under 3 letters. */
function closestWord(d: IndexData, typed: string): string | undefined {
  if (typed.length < 3) return undefined;
  const max = typed.length >= 6 ? 2 : 1;
  let found: string | undefined;
  let foundDistance = max + 1;
  let foundUse = 0;
  for (let w = 0; w < d.words.length; w++) {
    const word = d.words[w]!;
    if (CJK.test(word) || word.length < typed.length - max) continue;
    let distance = editDistance(typed, word, max);
    if (word.length > typed.length) distance = Math.min(distance, editDistance(typed, word.slice(0, typed.length), max));
    const use = d.postingLength[w]!;
    if (distance > max) continue;
    if (distance < foundDistance || (distance === foundDistance && use > foundUse)) {
      found = word;
      foundDistance = distance;
      foundUse = use;
    }
  }
  return found;
}

/** Edits (insert, delete, change, swap two neighbours) from `a` to `b`; anything over `max` is max + 1. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = [new Array<number>(b.length + 1).fill(0), new Array<number>(b.length + 1).fill(0), new Array<number>(b.length + 1).fill(0)];
  for (let j = 0; j <= b.length; j++) rows[1]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    const [older, prev] = [rows[0]!, rows[1]!];
    const cur = rows[2]!;
    cur[0] = i;
    let low = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, older[j - 2]! + 1);
      cur[j] = v;
      if (v < low) low = v;
    }
    if (low > max) return max + 1;
    rows.push(rows.shift()!);
  }
  return Math.min(rows[1]![b.length]!, max + 1);
}
