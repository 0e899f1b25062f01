/**
 * The cart: a person's alone (two people may share a device), never synced, so it is written
 * directly (no event, no outbox).
 */
import type { BuyerId, CombinationId, LineMode, Millis, ProductId } from '../domain/index.ts';
import { tablesOf } from './db.ts';
import type { Store } from './store.ts';
import { guardQuota } from './errors.ts';
import { cartKey, cartRowOfDevice, type CartRow } from './rows.ts';

/**
 * Sets how many of a product (at a price mode) are in the buyer's cart; 0 takes it out.
 * `addedAt` (the device's clock: storage keeps none) is kept from when the line was first
 * added, so a changed quantity does not move the line.
 */
export function setCartQty(
  store: Store, buyer: BuyerId, productId: ProductId, mode: LineMode, qty: number, addedAt: Millis, combination?: CombinationId,
): Promise<void> {
  const db = tablesOf(store);
  if (!Number.isSafeInteger(qty) || qty < 0) throw new RangeError(`A cart quantity is a whole number from 0, got ${qty}`);
  const key = cartKey(buyer, productId, mode, combination);
  return guardQuota(() =>
    db.transaction('rw', db.cart, async () => {
      if (qty === 0) {
        await db.cart.delete(key);
        return;
      }
      const had = await db.cart.get(key);
      const row: CartRow = { key, buyer, productId, mode, qty, addedAt: had?.addedAt ?? addedAt };
      if (combination !== undefined) row.combination = combination;
      await db.cart.put(row);
    }),
  );
}

/** How many of a product (of a combination, at a price mode) the buyer has in the cart. */
export async function cartQty(store: Store, buyer: BuyerId, productId: ProductId, mode: LineMode, combination?: CombinationId): Promise<number> {
  const db = tablesOf(store);
  return (await db.cart.get(cartKey(buyer, productId, mode, combination)))?.qty ?? 0;
}

/** Empties the buyer's cart (not anyone else's). */
export function clearCart(store: Store, buyer: BuyerId): Promise<void> {
  const db = tablesOf(store);
  return guardQuota(() => db.transaction('rw', db.cart, async () => void (await db.cart.where('buyer').equals(buyer).delete())));
}

/**
 * The migration's cart part: lines kept by an older version, before carts were a person's
 * (buyer '', see schema version 4), become `buyer`'s, the person who was using the device.
 * A line the buyer already has of the same product and mode stays as it is. Cheap when there
 * is nothing to move (one index lookup), so it runs at every start.
 */
export function adoptDeviceCart(store: Store, buyer: BuyerId): Promise<number> {
  const db = tablesOf(store);
  return guardQuota(() =>
    db.transaction('rw', db.cart, async () => {
      const nobody = '' as BuyerId;
      if (buyer === nobody) return 0;
      const rows = await db.cart.where('buyer').equals(nobody).toArray();
      if (rows.length === 0) return 0;
      const mine = rows.map((r): CartRow => ({ ...r, buyer, key: cartKey(buyer, r.productId, r.mode, r.combination) }));
      const have = await db.cart.bulkGet(mine.map((r) => r.key));
      await db.cart.bulkDelete(rows.map((r) => r.key));
      const moved = mine.filter((_, i) => have[i] === undefined);
      await db.cart.bulkPut(moved);
      return moved.length;
    }),
  );
}

/**
 * A backup's cart rows of schema version 3 or older, as version 4 keeps them (backup.ts): a
 * row that does not look like an old cart row is left as it is, for the backup's checks.
 */
export function cartRowsOfDevice(rows: unknown): unknown {
  if (!Array.isArray(rows)) return rows;
  return rows.map((r: unknown) => {
    if (typeof r !== 'object' || r === null || 'buyer' in r) return r;
    const row = r as Record<string, unknown>;
    const old = typeof row.key === 'string' && typeof row.productId === 'string' && typeof row.mode === 'string';
    return old ? cartRowOfDevice(row as unknown as Omit<CartRow, 'buyer'>) : r;
  });
}
