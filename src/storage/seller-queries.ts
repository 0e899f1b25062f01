/**
 * Reads for the seller's home and order list: orders by when they were placed (the `placedAt`
 * index, newest first), and the shelves running low. Plain reads, safe inside a live query.
 */
import { findCombination, hasOptions, type BuyerId, type Inventory, type Millis, type Order, type Product } from '../domain/index.ts';
import { tablesOf } from './db.ts';
import type { Store } from './store.ts';

/** Every order placed at or after `since` (any state), from the `placedAt` index. */
export async function ordersPlacedSince(store: Store, since: Millis): Promise<Order[]> {
  return (await tablesOf(store).orders.where('placedAt').aboveOrEqual(since).toArray()).map((r) => r.value);
}

/** Every order, newest first (the seller's list with "All" chosen, and its search). */
export async function ordersNewestFirst(store: Store): Promise<Order[]> {
  return (await tablesOf(store).orders.orderBy('placedAt').reverse().toArray()).map((r) => r.value);
}

/**
 * A buyer's latest orders, newest first (from the `buyer` index): what the seller sees beside
 * their conversation with that buyer. A buyer has few orders, so sorting them here is cheap.
 */
export async function ordersOfBuyer(store: Store, buyer: BuyerId, limit: number): Promise<Order[]> {
  const rows = await tablesOf(store).orders.where('buyer').equals(buyer).toArray();
  return rows.map((r) => r.value).sort((a, b) => b.placedAt - a.placedAt || (a.id < b.id ? 1 : -1)).slice(0, limit);
}

/**
 * The shelves with `atMost` units or fewer, fewest first, with their products (hidden ones
 * left out: buyers cannot order them, so their shelf is no worry). A product with options has a
 * shelf per combination: each of its combinations for sale is one; its old implicit shelf (from
 * before it had options) and the combinations turned off or removed are not.
 */
export async function shelvesAtMost(store: Store, atMost: number): Promise<{ product: Product; inventory: Inventory }[]> {
  const db = tablesOf(store);
  const low = (await db.skus.filter((r) => r.value.stock <= atMost).toArray()).map((r) => r.value);
  const products = await db.products.bulkGet(low.map((i) => i.productId));
  return low
    .flatMap((inventory, i) => {
      const row = products[i];
      if (!row || row.hidden === 1) return [];
      const p = row.value;
      const current = hasOptions(p) ? findCombination(p, inventory.combination)?.sold === true : inventory.combination === undefined;
      return current ? [{ product: p, inventory }] : [];
    })
    .sort((a, b) => a.inventory.stock - b.inventory.stock || a.product.name.localeCompare(b.product.name));
}
