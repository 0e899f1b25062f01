import type { FlashSale, Inventory, Product } from './catalog.ts';
import type { CombinationId, ProductId } from './ids.ts';

/**
 * Where a combination's stock is kept: the product's id for its implicit combination (so a
 * shop's stock from before options is where it was), `productId/combinationId` for the others.
 * Neither id can hold a "/", so the key reads back into its two parts.
 */
export type SkuKey = string;

export function skuKey(productId: ProductId, combination?: CombinationId): SkuKey {
  return combination === undefined ? productId : `${productId}/${combination}`;
}

/** The stock key of an inventory row or a line. */
export function skuKeyOf(x: { productId: ProductId; combination?: CombinationId | undefined }): SkuKey {
  return skuKey(x.productId, x.combination);
}

/** Whether a product has options (and so combinations of its own rather than one implicit one). */
export function hasOptions(p: Pick<Product, 'combinations'>): boolean {
  return p.combinations !== undefined && p.combinations.length > 0;
}

/**
 * Units sold in the product's current flash sale, from the product's inventory rows (all of
 * them, combinations removed since included): the implicit combination's row counts the sale
 * it was last written in, which a save of the product keeps current; a combination's row counts
 * the sale that starts at its `sale`, so rows not written since an earlier sale count nothing.
 */
export function flashSoldOf(flash: Pick<FlashSale, 'startsAt'>, rows: Iterable<Inventory>): number {
  let sold = 0;
  for (const r of rows) if (r.combination === undefined || r.sale === flash.startsAt) sold += r.flashSold;
  return sold;
}

/** A product's stock now: its implicit shelf, or the sum of its combinations' for sale. */
export function productStock(p: Product, stockOf: (key: SkuKey) => number): number {
  if (!hasOptions(p)) return stockOf(p.id);
  return p.combinations!.reduce((s, c) => s + (c.sold ? stockOf(skuKey(p.id, c.id)) : 0), 0);
}
