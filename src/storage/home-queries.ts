/**
 * Reads for the buyer's home (the promotions above the catalog): the products on offer (a flash
 * sale or a team buy) with their stock. Plain reads, safe inside a live query; the app composes
 * them with the teams and promotions.
 */
import { soldShown } from '../domain/sold-count.ts';
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

/**
 * The `count` visible products sold most (as `soldShown` says), most first, with their stock: what
 * an empty cart suggests after the offers. Reads the `sold` table whole (a row per product ever
 * sold: a shop's few hundred), on a screen a person opens, not on a timer.
 */
export async function bestSellers(store: Store, count: number): Promise<ProductItem[]> {
  const db = tablesOf(store);
  const ranked = (await db.sold.toArray())
    .map((r) => ({ id: r.productId, units: soldShown(r.counted, r.published) }))
    .filter((r) => r.units > 0)
    .sort((a, b) => b.units - a.units || (a.id < b.id ? -1 : 1));
  const out: ProductItem[] = [];
  // In pages, as some of the best sold may be hidden or gone from the catalog.
  for (let at = 0; at < ranked.length && out.length < count; at += count) {
    const rows = await db.products.bulkGet(ranked.slice(at, at + count).map((r) => r.id));
    out.push(...(await itemsOf(store, rows.flatMap((r) => (r && r.hidden === 0 ? [r.value] : [])))));
  }
  return out.slice(0, count);
}
