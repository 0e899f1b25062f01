/**
 * Reads for the buyer's home (the promotions above the catalog): the products on offer (a flash
 * sale or a team buy) with their stock. Plain reads, safe inside a live query; the app composes
 * them with the teams and promotions.
 */
import { tablesOf } from './db.ts';
import { itemsOf, type ProductItem } from './queries.ts';
import type { Store } from './store.ts';

/**
 * Visible products with a flash sale or a team offer, with their stock (per combination too), by name. A shop's
 * catalog is a few hundred products at most, read from the `hidden` index as the category
 * counts are; there is no index on offers (adding one would need a schema version).
 */
export async function productsOnOffer(store: Store): Promise<ProductItem[]> {
  const db = tablesOf(store);
  const rows = await db.products.where('hidden').equals(0).filter((r) => r.value.flash !== undefined || r.value.team !== undefined).toArray();
  rows.sort((a, b) => a.value.name.localeCompare(b.value.name) || (a.id < b.id ? -1 : 1));
  return itemsOf(store, rows.map((r) => r.value));
}
