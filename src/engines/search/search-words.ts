/**
 * What a typed query asks for (see words.ts for the index words), and how well a product
 * answers it: used by storage's `listProducts` and by the app's in-memory search index, which
 * must give the same answers. Loaded only when something is typed (not on the first screen).
 *
 * Where a word is found matters (`searchPlan`, `termScore`): a typed word may begin a word of
 * the name or the category, but must be a whole tag (tags are labels, not text: "tea" must not
 * find the dumplings tagged "team"). A Chinese run ending in the noun suffix 子 or 儿 (饺子,
 * 袜子) needs only the rest (饺, 袜): 饺子 finds 速冻水饺 and 羊毛袜, and the whole run, where it
 * is there, ranks higher. Results are ranked by where each term was found: a whole word of the
 * name first, then the start of a name's word, the category, a tag.
 */
import { bigrams, CJK, indexWords, pieces } from './words.ts';

/** What a typed query must find: each term must be a prefix of some index word of a product. */
export function queryTerms(query: string): string[] {
  return searchPlan(query).terms.map((t) => t.text);
}

/** A term of a query: it must begin some index word of the product (see `termScore` for where). */
export interface SearchTerm {
  readonly text: string;
  /** Chinese or Japanese characters: matched inside a run (by its pairs), in tags too. */
  readonly cjk: boolean;
}

export interface SearchPlan {
  /** Every one must be found (`termScore` > 0). */
  readonly terms: readonly SearchTerm[];
  /** Whole index words that rank a product higher where found, required by none (饺子 for 饺子). */
  readonly bonus: readonly string[];
}

/** Noun suffixes a Chinese query may carry that a product's name may not (饺子 / 水饺, 袜子 / 羊毛袜). */
export const SUFFIX = /^(.+)[子儿]$/u;

/** The terms of a typed query (see the top of this file). */
export function searchPlan(query: string): SearchPlan {
  const terms = new Map<string, SearchTerm>();
  const bonus = new Set<string>();
  for (const piece of pieces(query)) {
    if (!CJK.test(piece)) {
      terms.set(piece, { text: piece, cjk: false });
      continue;
    }
    const stem = SUFFIX.exec(piece)?.[1];
    for (const b of bigrams(stem ?? piece)) terms.set(b, { text: b, cjk: true });
    if (stem !== undefined) bonus.add(bigrams(piece).pop()!);
  }
  for (const b of bonus) if (terms.has(b)) bonus.delete(b);
  return { terms: [...terms.values()], bonus: [...bonus] };
}

/** Where an index word of a product comes from: bits of one number. */
export const IN_NAME = 1;
export const IN_CATEGORY = 2;
export const IN_TAGS = 4;

/**
 * How well a term matches an index word found in `fields` (IN_NAME | IN_CATEGORY | IN_TAGS):
 * `whole` if the word is the term, else the term begins it. 0: not a match (a Latin-script term
 * that only begins a tag). The best field counts.
 */
export function termScore(fields: number, whole: boolean, cjk: boolean): number {
  if ((fields & IN_NAME) !== 0) return whole ? 8 : 4;
  if ((fields & IN_CATEGORY) !== 0) return whole ? 3 : 2;
  if ((fields & IN_TAGS) !== 0) return whole ? 2 : cjk ? 1 : 0;
  return 0;
}

/** A product's index words, each with the fields it is found in (IN_NAME, IN_CATEGORY, IN_TAGS). */
export function fieldWords(name: string, category: string, tags: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  const add = (words: readonly string[], bit: number) => {
    for (const w of words) out.set(w, (out.get(w) ?? 0) | bit);
  };
  add(indexWords(name), IN_NAME);
  add(indexWords(category), IN_CATEGORY);
  add(indexWords(...tags), IN_TAGS);
  return out;
}

/**
 * How well a product (its `fieldWords`) answers a plan: the sum of each term's best `termScore`
 * and of the bonus words found; 0 if some term is not found. The search index gives the same
 * number from its posting lists.
 */
export function matchScore(plan: SearchPlan, words: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const t of plan.terms) {
    let best = 0;
    for (const [w, fields] of words) {
      if (w.startsWith(t.text)) best = Math.max(best, termScore(fields, w.length === t.text.length, t.cjk));
    }
    if (best === 0) return 0;
    total += best;
  }
  for (const b of plan.bonus) {
    const fields = words.get(b);
    if (fields !== undefined) total += termScore(fields, true, true);
  }
  return total;
}
