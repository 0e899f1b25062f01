/**
 * A person's saved products and recently viewed products (saved-rows.ts): never synced, so
 * written directly (no event, no outbox), each change in one transaction.
 */
import { Dexie } from 'dexie';
import { seenNow, skuKeysOf, type Millis, type ProductId, type Seen } from '../domain/index.ts';
import { tablesOf, type ShopDb } from './db.ts';
import { guardQuota } from './errors.ts';
import { itemOf, itemsOf, type ProductItem } from './queries.ts';
import type { Store } from './store.ts';
import { personKey } from './rows.ts';
import { VIEWED_LIMIT, type SavedRow, type ViewedRow } from './saved-rows.ts';

/** What the catalog says of a product now, or undefined if the device does not know it. */
async function seenIn(db: ShopDb, productId: ProductId): Promise<Seen | undefined> {
  const row = await db.products.get(productId);
  if (!row) return undefined;
  const inventory = await db.skus.bulkGet(skuKeysOf(row.value));
  return seenNow(row.value, inventory.map((r) => r?.value));
}

/** Every row of a person's in an index `[person+…]`, newest first. */
function newestFirst<T>(db: ShopDb, table: 'saved' | 'viewed', person: string) {
  const index = table === 'saved' ? '[person+savedAt]' : '[person+viewedAt]';
  return (db[table] as Dexie.Table<T, string>).where(index).between([person, Dexie.minKey], [person, Dexie.maxKey]).reverse();
}

/**
 * Saves a product for the person, with its price and stock as they are now (what "price
 * dropped" and "back in stock" are later measured from). Saving it again keeps when it was
 * first saved. A product this device does not know is refused: there is nothing to save.
 */
export function addSaved(store: Store, person: string, productId: ProductId, at: Millis): Promise<void> {
  const db = tablesOf(store);
  return guardQuota(() =>
    db.transaction('rw', [db.saved, db.products, db.skus], async () => {
      const seen = await seenIn(db, productId);
      if (!seen) throw new RangeError(`No product '${productId}' to save`);
      const key = personKey(person, productId);
      const had = await db.saved.get(key);
      await db.saved.put({ key, person, productId, savedAt: had?.savedAt ?? at, price: seen.price, inStock: seen.inStock });
    }),
  );
}

/** Takes a product out of the person's saved ones (nothing happens if it was not there). */
export function removeSaved(store: Store, person: string, productId: ProductId): Promise<void> {
  const db = tablesOf(store);
  return guardQuota(() => db.saved.delete(personKey(person, productId)));
}

/** Whether the person has saved the product. */
export async function isSaved(store: Store, person: string, productId: ProductId): Promise<boolean> {
  const db = tablesOf(store);
  return (await db.saved.get(personKey(person, productId))) !== undefined;
}

/** The person's saved products, the last saved first. */
export function savedOf(store: Store, person: string): Promise<SavedRow[]> {
  return newestFirst<SavedRow>(tablesOf(store), 'saved', person).toArray();
}

/**
 * The person opened a product's page: it goes to the top of their recently viewed (once, however
 * often it was seen), the oldest beyond the last 50 go, and, if they saved it, what they saw
 * now becomes what later changes are measured from (they have seen the new price). All in
 * one transaction, so the list never holds more than 50, even with two tabs open.
 *
 * `viewedAt` is the device's clock, but kept strictly after the person's last view, so the
 * order is the order of their views even within one millisecond or if the clock goes back.
 */
export function recordView(store: Store, person: string, productId: ProductId, at: Millis): Promise<void> {
  const db = tablesOf(store);
  return guardQuota(() =>
    db.transaction('rw', [db.viewed, db.saved, db.products, db.skus], async () => {
      const key = personKey(person, productId);
      const last = await newestFirst<ViewedRow>(db, 'viewed', person).first();
      const viewedAt = (last === undefined ? at : Math.max(at, last.viewedAt + 1)) as Millis;
      await db.viewed.put({ key, person, productId, viewedAt });
      const beyond = await newestFirst<ViewedRow>(db, 'viewed', person).offset(VIEWED_LIMIT).primaryKeys();
      await db.viewed.bulkDelete(beyond);
      const saved = await db.saved.get(key);
      const seen = saved && (await seenIn(db, productId));
      if (saved && seen) await db.saved.put({ ...saved, price: seen.price, inStock: seen.inStock });
    }),
  );
}

/** The person's recently viewed products, the last viewed first (at most 50). */
export function viewedOf(store: Store, person: string): Promise<ViewedRow[]> {
  return newestFirst<ViewedRow>(tablesOf(store), 'viewed', person).limit(VIEWED_LIMIT).toArray();
}

/** Forgets what the person viewed (no one else's). */
export function clearViewed(store: Store, person: string): Promise<void> {
  const db = tablesOf(store);
  return guardQuota(() => db.transaction('rw', db.viewed, () => newestFirst<ViewedRow>(db, 'viewed', person).delete()).then(() => undefined));
}

/** A saved product with what the catalog says of it now (absent: this device no longer knows it). */
export interface SavedItem {
  saved: SavedRow;
  item?: ProductItem;
  /** Its price and stock now, measured as `saved` was (domain/saved.ts). */
  now?: Seen;
  /** The catalog's newest version of the product or its shelves (the decision number that made it so). */
  n?: number;
}

/** The person's saved products, the last saved first, each with the catalog's word on it now. */
export async function savedItemsOf(store: Store, person: string): Promise<SavedItem[]> {
  const db = tablesOf(store);
  const rows = await savedOf(store, person);
  const products = await db.products.bulkGet(rows.map((r) => r.productId));
  const keys = products.map((p) => (p ? skuKeysOf(p.value) : []));
  const shelves = await db.skus.bulkGet(keys.flat());
  let at = 0;
  return rows.map((saved, i) => {
    const product = products[i]?.value;
    const rowsOf = shelves.slice(at, (at += keys[i]!.length));
    const inventory = rowsOf.map((r) => r?.value);
    if (!product) return { saved };
    const n = Math.max(products[i]!.n, ...rowsOf.map((r) => r?.n ?? 0));
    return { saved, item: itemOf(product, inventory.filter((r) => r !== undefined)), now: seenNow(product, inventory), n };
  });
}

/** The products the person viewed last, newest first, leaving out those not in the catalog now. */
export async function viewedItemsOf(store: Store, person: string): Promise<ProductItem[]> {
  const db = tablesOf(store);
  const rows = await viewedOf(store, person);
  const products = await db.products.bulkGet(rows.map((r) => r.productId));
  return itemsOf(store, products.flatMap((p) => (p && !p.value.hidden ? [p.value] : [])));
}
