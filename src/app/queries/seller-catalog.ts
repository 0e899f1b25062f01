/**
 * Reads for the seller's catalog tabs (products, promotions, shop) that the shared queries
 * lack. Plain reads of the database given, for the UI's live queries.
 */
import type { Promotion } from '../domain/index.ts';
import type { ShopDb } from '../storage/db.ts';

/** Every category in use, hidden products' too, by name: the product form's suggestions. */
export async function allCategories(db: ShopDb): Promise<string[]> {
  const keys = (await db.products.orderBy('category').uniqueKeys()) as string[];
  return keys.filter((c) => c !== '').sort((a, b) => a.localeCompare(b));
}

/** The shop's promotions: thresholds first, then coupons, each by label. */
export async function listPromotions(db: ShopDb): Promise<Promotion[]> {
  const rows = await db.promotions.toArray();
  const order = { threshold: 0, coupon: 1 } as const;
  return rows
    .map((r) => r.value)
    .sort((a, b) => order[a.kind] - order[b.kind] || a.label.localeCompare(b.label) || (a.id < b.id ? -1 : 1));
}
