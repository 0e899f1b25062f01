/**
 * Reads for the seller's catalog tabs (products, promotions, shop) that the shared queries
 * lack. Plain reads of the store given, for the UI's live queries.
 */
import type { Promotion } from '../../domain/index.ts';
import { allPromotions, categoriesInUse } from '../../storage/catalog-queries.ts';
export { productBases, productToEdit, type ProductToEdit } from '../../storage/catalog-queries.ts';
import type { Store } from '../../storage/store.ts';

/** Every category in use, hidden products' too, by name: the product form's suggestions. */
export function allCategories(store: Store): Promise<string[]> {
  return categoriesInUse(store);
}

/** The shop's promotions: thresholds first, then coupons, each by label. */
export async function listPromotions(store: Store): Promise<Promotion[]> {
  const order = { threshold: 0, coupon: 1 } as const;
  return (await allPromotions(store))
    .sort((a, b) => order[a.kind] - order[b.kind] || a.label.localeCompare(b.label) || (a.id < b.id ? -1 : 1));
}
