/**
 * The cart: this device's alone, never synced, so it is written directly (no event, no outbox).
 */
import type { LineMode, Millis, ProductId } from '../domain/index.ts';
import type { ShopDb } from './db.ts';
import { guardQuota } from './errors.ts';
import { cartKey } from './rows.ts';

/**
 * Sets how many of a product (at a price mode) are in the cart; 0 takes it out. `addedAt` (the
 * device's clock: storage keeps none) is kept from when the line was first added, so a changed
 * quantity does not move the line.
 */
export function setCartQty(db: ShopDb, productId: ProductId, mode: LineMode, qty: number, addedAt: Millis): Promise<void> {
  if (!Number.isSafeInteger(qty) || qty < 0) throw new RangeError(`A cart quantity is a whole number from 0, got ${qty}`);
  const key = cartKey(productId, mode);
  return guardQuota(() =>
    db.transaction('rw', db.cart, async () => {
      if (qty === 0) {
        await db.cart.delete(key);
        return;
      }
      const had = await db.cart.get(key);
      await db.cart.put({ key, productId, mode, qty, addedAt: had?.addedAt ?? addedAt });
    }),
  );
}

export function clearCart(db: ShopDb): Promise<void> {
  return guardQuota(() => db.transaction('rw', db.cart, () => db.cart.clear()));
}
