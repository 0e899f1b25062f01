/**
 * Reads for the app's screens: plain async functions over the tables, which the app wraps in
 * Dexie's liveQuery (so they must only read the db they are given, and stay cheap to rerun).
 */
import type { BuyerId, Inventory, Order, Product, ProductId, Review, ShopProfile, Team } from '../domain/index.ts';
import { ratingOf, type RatingSummary } from '../domain/ratings.ts';
import { soldShown } from '../domain/sold-count.ts';
import { flashSoldOf, hasOptions, productStock, skuKeyOf } from '../domain/sku-key.ts';
import { tablesOf } from './db.ts';
import type { Store } from './store.ts';
import { SHOP_KEY, type CartRow, type OutboxStatus, type ProductRow, type SoldRow } from './rows.ts';

export async function getShop(store: Store): Promise<ShopProfile | undefined> {
  const db = tablesOf(store);
  return (await db.shop.get(SHOP_KEY))?.value;
}

/* ------------------------------------------------------------------ catalog */

/** 'relevance': the best matches first (see words.ts), then by name; by name when nothing is typed. */
export type ProductSort = 'relevance' | 'price-asc' | 'price-desc' | 'name';

export interface ProductQuery {
  category?: string | undefined;
  /** Words typed by the person: every one must be found in the product's name, category or tags (see words.ts). */
  search?: string | undefined;
  /** Default 'name'. */
  sort?: ProductSort | undefined;
  offset: number;
  limit: number;
  /** The seller's own list shows hidden products too; buyers never see them. */
  includeHidden?: boolean | undefined;
}

export interface ProductItem {
  product: Product;
  /**
   * Absent until the shop's first decision about its stock arrives. For a product with options,
   * the product as a whole: the stock of its combinations for sale added up, and the units of its
   * current flash sale sold (`shelfOfProduct`); each combination's own shelf is in `skus`.
   */
  inventory: Inventory | undefined;
  /** Each combination's shelf, for a product with options (schema version 6); empty without. */
  skus: Inventory[];
  /** What its published reviews say, where the catalog's page asked (`ratingsOf`); absent before any review. */
  rating?: RatingSummary | undefined;
  /** Units sold (domain/sold-count.ts `soldShown`); absent or 0 before any. */
  sold?: number | undefined;
}

/**
 * A product with its shelves (any of its rows of the `skus` table): a product with options is
 * also one shelf as a whole, its combinations' for sale added up with its flash sale's units sold.
 */
export function itemOf(product: Product, rows: readonly Inventory[], sold?: SoldRow): ProductItem {
  const units = sold && soldShown(sold.counted, sold.published);
  if (!hasOptions(product)) return { product, inventory: rows.find((r) => r.combination === undefined), skus: [], sold: units };
  const skus = rows.filter((r) => r.combination !== undefined);
  const stock = new Map(skus.map((r) => [skuKeyOf(r), r.stock]));
  const inventory = skus.length === 0 ? undefined : {
    productId: product.id, stock: productStock(product, (k) => stock.get(k) ?? 0), flashSold: product.flash ? flashSoldOf(product.flash, skus) : 0,
  };
  return { product, inventory, skus, sold: units };
}

/** The products with their shelves, in the order given (one query of the `skus` table by product). */
export async function itemsOf(store: Store, products: readonly Product[]): Promise<ProductItem[]> {
  const db = tablesOf(store);
  const ids = products.map((p) => p.id);
  const [rows, sold] = await Promise.all([db.skus.where('productId').anyOf(ids).toArray(), db.sold.bulkGet(ids)]);
  const shelves = new Map<ProductId, Inventory[]>();
  for (const r of rows) shelves.set(r.productId, [...(shelves.get(r.productId) ?? []), r.value]);
  return products.map((p, i) => itemOf(p, shelves.get(p.id) ?? [], sold[i]));
}

export interface ProductPage {
  items: ProductItem[];
  /** How many products match in all, for paging. */
  total: number;
}

export const byName = (a: ProductRow, b: ProductRow) =>
  a.value.name.localeCompare(b.value.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const SORTS: Record<Exclude<ProductSort, 'relevance'>, (a: ProductRow, b: ProductRow) => number> = {
  'price-asc': (a, b) => a.price - b.price || byName(a, b),
  'price-desc': (a, b) => b.price - a.price || byName(a, b),
  name: byName,
};

export async function listProducts(store: Store, q: ProductQuery): Promise<ProductPage> {
  const db = tablesOf(store);
  // A search's code loads with the first search, not with the first screen.
  const found = q.search?.trim() ? await (await import('./search-products.ts')).searchProducts(db, q.search) : undefined;
  let rows = found?.rows
    ?? (q.category === undefined ? await db.products.toArray() : await db.products.where('category').equals(q.category).toArray());
  rows = rows.filter((r) => (q.includeHidden || r.hidden === 0) && (q.category === undefined || r.category === q.category));
  const sort = q.sort ?? 'name';
  rows.sort(sort !== 'relevance' ? SORTS[sort] : found ? (a, b) => found.score.get(b)! - found.score.get(a)! || byName(a, b) : byName);
  const page = rows.slice(Math.max(0, q.offset), Math.max(0, q.offset) + Math.max(0, q.limit));
  return { items: await itemsOf(db, page.map((r) => r.value)), total: rows.length };
}

/** The products of these ids with their stock, in the order given, leaving out those not in the catalog. */
export async function productItems(store: Store, ids: readonly ProductId[]): Promise<ProductItem[]> {
  const db = tablesOf(store);
  const products = await db.products.bulkGet([...ids]);
  return itemsOf(db, products.flatMap((row) => (row === undefined ? [] : [row.value])));
}

/** A product (hidden ones too: an old order still links to it) with its stock (all its shelves). */
export async function getProduct(store: Store, id: ProductId): Promise<ProductItem | undefined> {
  const db = tablesOf(store);
  const [row, shelves, sold] = await Promise.all([db.products.get(id), db.skus.where('productId').equals(id).toArray(), db.sold.get(id)]);
  return row && itemOf(row.value, shelves.map((r) => r.value), sold);
}

export interface CategoryCount {
  category: string;
  count: number;
}

/** The categories of visible products, with how many each has, by name. */
export async function listCategories(store: Store): Promise<CategoryCount[]> {
  const db = tablesOf(store);
  const counts = new Map<string, number>();
  await db.products.where('hidden').equals(0).each((r) => {
    counts.set(r.category, (counts.get(r.category) ?? 0) + 1);
  });
  return [...counts]
    .map(([category, count]) => ({ category, count }))
    .sort((a, b) => a.category.localeCompare(b.category));
}

/** A product's teams (or every team), newest first. */
export async function listTeams(store: Store, productId?: ProductId): Promise<Team[]> {
  const db = tablesOf(store);
  const rows = productId === undefined ? await db.teams.toArray() : await db.teams.where('productId').equals(productId).toArray();
  return rows.map((r) => r.value).sort((a, b) => b.openedAt - a.openedAt || (a.id < b.id ? -1 : 1));
}

/** A product's published reviews, newest first. */
export async function reviewsOf(store: Store, productId: ProductId): Promise<Review[]> {
  const db = tablesOf(store);
  const rows = await db.reviews.where('productIds').equals(productId).toArray();
  return rows.map((r) => r.value).sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : 1));
}

/**
 * The ratings of these products (`ratingOf` their published reviews), in one read of the
 * reviews' product index; a product nobody has reviewed is not in the answer.
 */
export async function ratingsOf(store: Store, ids: readonly ProductId[]): Promise<Map<ProductId, RatingSummary>> {
  const rows = await tablesOf(store).reviews.where('productIds').anyOf([...ids]).toArray();
  const wanted = new Set(ids);
  // A review of an order names each of its products; a multi-entry read may give it once per match.
  const byProduct = new Map<ProductId, Map<string, Review>>();
  for (const { value } of rows) {
    for (const p of value.productIds) {
      if (!wanted.has(p)) continue;
      let reviews = byProduct.get(p);
      if (!reviews) byProduct.set(p, (reviews = new Map()));
      reviews.set(value.id, value);
    }
  }
  return new Map([...byProduct].map(([p, reviews]) => [p, ratingOf(reviews.values())!]));
}

/* ------------------------------------------------------------------ orders */

/** A buyer's orders, newest first. */
export async function listOrders(store: Store, buyer: BuyerId): Promise<Order[]> {
  const db = tablesOf(store);
  const rows = await db.orders.where('buyer').equals(buyer).toArray();
  return rows.map((r) => r.value).sort((a, b) => b.placedAt - a.placedAt || (a.id < b.id ? 1 : -1));
}

/* ------------------------------------------------------------------ events and outbox */

export async function outboxCounts(store: Store): Promise<Record<OutboxStatus, number>> {
  const db = tablesOf(store);
  const [queued, sent, refused] = await Promise.all(
    (['queued', 'sent', 'refused'] as const).map((s) => db.outbox.where('status').equals(s).count()),
  );
  return { queued: queued ?? 0, sent: sent ?? 0, refused: refused ?? 0 };
}

/**
 * Everything this device still has to send, for "n waiting to sync": intents queued or sent
 * without the shop's decision yet, and messages still queued (a message needs no decision: once
 * sent it is done). Refused ones are not waiting: they are shown where they were written.
 * The message outbox holds only what is unsent (or refused), so scanning it stays small.
 */
export async function waitingToSync(store: Store): Promise<number> {
  const db = tablesOf(store);
  const [counts, messages] = await Promise.all([outboxCounts(store), db.messageOutbox.filter((e) => e.status === 'queued').count()]);
  return counts.queued + counts.sent + messages;
}

/* ------------------------------------------------------------------ cart */

/** The buyer's cart, in the order things were put in. */
export async function listCart(store: Store, buyer: BuyerId): Promise<CartRow[]> {
  const db = tablesOf(store);
  const rows = await db.cart.where('buyer').equals(buyer).toArray();
  return rows.sort((a, b) => a.addedAt - b.addedAt || (a.key < b.key ? -1 : 1));
}
