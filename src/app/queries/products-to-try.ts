/**
 * A few products for an empty cart to suggest: those on offer (a flash sale or a team buy)
 * first, then the catalog's first by name. Reads only, safe in a live query.
 */
import { productsOnOffer } from '../../storage/home-queries.ts';
import { listProducts, type ProductItem } from '../../storage/queries.ts';
import type { Store } from '../../storage/store.ts';

export async function productsToTry(store: Store, count: number): Promise<ProductItem[]> {
  const offers = (await productsOnOffer(store)).slice(0, count);
  if (offers.length >= count) return offers;
  const more = await listProducts(store, { offset: 0, limit: count });
  const seen = new Set(offers.map((i) => i.product.id));
  return [...offers, ...more.items.filter((i) => !seen.has(i.product.id))].slice(0, count);
}
