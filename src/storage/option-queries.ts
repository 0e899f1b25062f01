/**
 * The catalog's filter by an option value (issue 13): the visible products of a category that
 * have options, with their combinations' shelves. Loaded with the filter's chips, after the first
 * screen (not through storage's index.ts, which the first screen's chunk would then carry).
 */
import { hasOptions } from '../domain/sku-key.ts';
import { tablesOf } from './db.ts';
import { itemsOf, type ProductItem } from './queries.ts';
import type { Store } from './store.ts';

/** The category's visible products with options, with their shelves (products without options have no chips to give). */
export async function categoryOptionItems(store: Store, category: string): Promise<ProductItem[]> {
  const rows = await tablesOf(store).products.where('category').equals(category).toArray();
  return itemsOf(store, rows.filter((r) => r.hidden === 0 && hasOptions(r.value)).map((r) => r.value));
}
