/**
 * Saved products (favourites): what a person saw of a product when they saved it or last
 * looked at it, against what the catalog says now. The rows themselves are storage's
 * (storage/saved-rows.ts); these are the rules, pure, so storage records with the same
 * measure the app compares with.
 */
import type { Inventory, Product } from './catalog.ts';
import type { Money } from './money.ts';
import { hasOptions, priceRange, skuKeysOf } from './options.ts';

/** A product's price and whether it can be bought, as a person would see it at one moment. */
export interface Seen {
  /** The lowest price it sells at (of its combinations for sale, for a product with options). */
  price: Money;
  /** False only when the shop has said there is none left (of any combination for sale). */
  inStock: boolean;
}

/**
 * What a product is now: its lowest price and whether any of it is in stock. `inventory` holds
 * the rows of `skuKeysOf(product)`, in that order (undefined where the shop has said nothing
 * yet). Until the shop has said anything about its stock, a product counts as in stock, as its
 * page offers it then.
 */
export function seenNow(product: Product, inventory: readonly (Inventory | undefined)[]): Seen {
  const keys = skuKeysOf(product);
  const known = inventory.filter((row): row is Inventory => row !== undefined);
  let inStock = known.length === 0;
  keys.forEach((_, i) => {
    const row = inventory[i];
    const sold = !hasOptions(product) || product.combinations![i]!.sold;
    if (row !== undefined && sold && row.stock > 0) inStock = true;
  });
  return { price: priceRange(product).min, inStock };
}

/** What a saved product is marked with: it costs less than when last seen, or it is back. */
export interface SavedMarks {
  priceDropped: boolean;
  backInStock: boolean;
}

/** The marks of a saved product, from what the person last saw and what it is now. */
export function savedMarks(then: Seen, now: Seen): SavedMarks {
  return { priceDropped: now.price < then.price, backInStock: !then.inStock && now.inStock };
}
