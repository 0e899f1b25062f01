/**
 * Storage's own catalog search (for `listProducts`, before the app's in-memory index is built):
 * the products whose index words hold every term of the query, with their scores
 * (search-words.ts). Loaded with the first search.
 */
import { searchTags } from '../domain/catalog.ts';
import type { ShopDb } from './db.ts';
import type { ProductRow } from './rows.ts';
import { fieldWords, matchScore, searchPlan } from '../engines/search/search-words.ts';

/** The matching rows (hidden ones too) and each one's score; undefined if the text has no words to search for. */
export async function searchProducts(db: ShopDb, text: string): Promise<{ rows: ProductRow[]; score: Map<ProductRow, number> } | undefined> {
  const plan = searchPlan(text);
  if (plan.terms.length === 0) return undefined;
  // Intersect the ids each term finds, starting from the rarest, then read only those rows.
  const idSets = await Promise.all(
    plan.terms.map(async (t) => new Set(await db.products.where('words').startsWith(t.text).primaryKeys())),
  );
  idSets.sort((a, b) => a.size - b.size);
  const [first, ...rest] = idSets;
  const ids = [...(first ?? [])].filter((id) => rest.every((s) => s.has(id)));
  const score = new Map<ProductRow, number>();
  for (const row of await db.products.bulkGet(ids)) {
    // The words say where each term may be found (a Latin-script tag only whole) and how well.
    const s = row && matchScore(plan, fieldWords(row.value.name, row.category, searchTags(row.value)));
    if (s) score.set(row!, s);
  }
  return { rows: [...score.keys()], score };
}
