/**
 * Words for the product search index (`products.*words`) and for what people type.
 *
 * Text is NFKC-normalised (full-width letters become plain ones) and lower-cased, then split
 * on anything that is not a letter, mark or digit. Where words have spaces, each word is
 * indexed and a typed word matches by prefix ("tea" finds "Teapot").
 *
 * Chinese and Japanese write without spaces, so a run of such characters is indexed as its
 * overlapping pairs (bigrams) plus its last character alone: 绿茶叶 → 绿茶, 茶叶, 叶. A typed run
 * of two or more characters is searched as its own bigrams (all must be there), and a single
 * typed character matches by prefix (every character of a run begins a bigram, or is the last).
 * That finds 茶叶 and 绿茶 in 绿茶叶 with no dictionary; a long query may match characters
 * that are not next to each other, which is the usual trade of bigram search.
 *
 * What a typed query asks for, where and how well a product answers it: search-words.ts.
 */

const CJK_RUN = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+)/u;
export const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const SEPARATORS = /[^\p{L}\p{M}\p{N}]+/u;

/** Alternating pieces of plain words and CJK runs, normalised. */
export function pieces(text: string): string[] {
  const out: string[] = [];
  for (const token of text.normalize('NFKC').toLowerCase().split(SEPARATORS)) {
    for (const piece of token.split(CJK_RUN)) if (piece !== '') out.push(piece);
  }
  return out;
}

export function bigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** The index words of some texts (name, category, tags), without repeats, sorted. */
export function indexWords(...texts: readonly string[]): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    for (const piece of pieces(text)) {
      if (!CJK.test(piece)) {
        words.add(piece);
        continue;
      }
      const chars = [...piece];
      for (const b of bigrams(piece)) words.add(b);
      words.add(chars[chars.length - 1]!);
    }
  }
  return [...words].sort();
}
