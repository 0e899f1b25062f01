/**
 * A few products for an empty cart to suggest: those on offer (a flash sale or a team buy)
 * first, then the shop's best sellers, then the catalog's first by name. Reads only, safe in a
 * live query.
 */
import { bestSellers, productsOnOffer } from '../../storage/home-queries.ts';
import { listProducts, type ProductItem } from '../../storage/queries.ts';
import type { Store } from '../../storage/store.ts';

export async function productsToTry(store: Store, count: number): Promise<ProductItem[]> {
  const picked = (await productsOnOffer(store)).slice(0, count);
  const seen = new Set(picked.map((i) => i.product.id));
  const add = (items: readonly ProductItem[]) => {
    for (const i of items) {
      if (picked.length >= count || seen.has(i.product.id)) continue;
      picked.push(i);
      seen.add(i.product.id);
    }
  };
  if (picked.length < count) add(await bestSellers(store, count + picked.length));
  if (picked.length < count) add((await listProducts(store, { offset: 0, limit: count + picked.length })).items);
  return picked;
}
