/**
 * A person's saved products (with what changed since they last saw them) and recently viewed
 * products, for the screens: plain reads over storage's, wrapped by the UI in a live query.
 */
import { savedMarks, type Money, type ProductId, type SavedMarks } from '../../domain/index.ts';
import type { ProductItem } from '../../storage/queries.ts';
import { isSaved, savedItemsOf, viewedItemsOf } from '../../storage/saved.ts';
import type { Saver } from '../actions/save-for-later.ts';

type Reader = Pick<Saver, 'store' | 'person'>;

export interface SavedView extends SavedMarks {
  productId: ProductId;
  /** Absent when the shop no longer sells it (hidden, or gone from this device's catalog). */
  item?: ProductItem;
  /** False when it cannot be bought now (none left of anything for sale). */
  inStock: boolean;
  /** The price the person last saw it at (when saved, or on its page since). */
  was: Money;
}

/** The person's saved products, the last saved first, each marked if its price dropped or it is back in stock. */
export async function listSaved(app: Reader): Promise<SavedView[]> {
  return (await savedItemsOf(app.store, app.person())).map(({ saved, item, now }) => {
    const { productId, price: was } = saved;
    if (!item || !now || item.product.hidden) return { productId, was, inStock: false, priceDropped: false, backInStock: false };
    return { productId, item, was, inStock: now.inStock, ...savedMarks(saved, now) };
  });
}

/** The products the person viewed last (up to 50), newest first, as the shop sells them now. */
export function listRecentlyViewed(app: Reader): Promise<ProductItem[]> {
  return viewedItemsOf(app.store, app.person());
}

/** Whether the person using the app has saved this product. */
export function isSavedByMe(app: Reader, productId: ProductId): Promise<boolean> {
  return isSaved(app.store, app.person(), productId);
}
