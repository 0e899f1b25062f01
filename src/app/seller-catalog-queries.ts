/**
 * Reads for the seller's catalog tabs (products, promotions, shop) that the shared queries
 * lack. Plain reads of the database given, for the UI's live queries.
 */
import type { Inventory, Product, ProductBase, ProductId, Promotion } from '../domain/index.ts';
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

/** A product to edit, with what the edit is made from (its version and shelf stock as this device has them). */
export interface ProductToEdit {
  product: Product;
  inventory: Inventory | undefined;
  base: ProductBase;
}

/** Read once when an edit begins: the base is what the seller sees, even if the shop moves on meanwhile. */
export async function productToEdit(db: ShopDb, id: ProductId): Promise<ProductToEdit | undefined> {
  const [row, inventory] = await Promise.all([db.products.get(id), db.inventory.get(id)]);
  return row && { product: row.value, inventory: inventory?.value, base: { n: row.n, stock: inventory?.value.stock ?? 0 } };
}

/** What editing each of `ids` is made from: the product as this device has it, or a new one (version 0). */
export async function productBases(db: ShopDb, ids: readonly ProductId[]): Promise<ProductBase[]> {
  const [rows, inventory] = await Promise.all([db.products.bulkGet([...ids]), db.inventory.bulkGet([...ids])]);
  return ids.map((_, i) => ({ n: rows[i]?.n ?? 0, stock: rows[i] ? (inventory[i]?.value.stock ?? 0) : 0 }));
}
