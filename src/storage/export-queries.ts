/**
 * What the seller's exports are made from, each read in one read transaction so that a file
 * never mixes two moments of the shop.
 */
import type { Decision, Order, ShopProfile } from '../domain/index.ts';
import { tablesOf } from './db.ts';
import { getShop, listProducts, type ProductItem } from './queries.ts';
import { allDecisions } from './journal-queries.ts';
import type { Store } from './store.ts';

/** The shop and its whole catalog, hidden products too, by name (the Products tab's order). */
export function catalogToExport(store: Store): Promise<{ shop: ShopProfile | undefined; items: ProductItem[] }> {
  const db = tablesOf(store);
  return db.transaction('r', [db.shop, db.products, db.skus, db.sold], async () => {
    const [shop, { items }] = await Promise.all([
      getShop(db),
      listProducts(db, { includeHidden: true, offset: 0, limit: Number.MAX_SAFE_INTEGER }),
    ]);
    return { shop, items };
  });
}

/** The shop and every order, by when it was placed. */
export function ordersToExport(store: Store): Promise<{ shop: ShopProfile | undefined; orders: Order[] }> {
  const db = tablesOf(store);
  return db.transaction('r', [db.shop, db.orders], async () => {
    const [shop, rows] = await Promise.all([getShop(db), db.orders.orderBy('placedAt').toArray()]);
    return { shop, orders: rows.map((r) => r.value) };
  });
}

/** The shop and every decision in journal order (the ledger's postings are in them). */
export function ledgerToExport(store: Store): Promise<{ shop: ShopProfile | undefined; decisions: Decision[] }> {
  const db = tablesOf(store);
  return db.transaction('r', [db.shop, db.events], async () => {
    const [shop, decisions] = await Promise.all([getShop(db), allDecisions(db)]);
    return { shop, decisions };
  });
}
