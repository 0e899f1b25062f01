/**
 * Reads of the catalog beyond the first screen's (queries.ts): products and stock by id, the
 * promotions, the categories in use, and the shop's state as far as pricing one cart needs it.
 * Plain reads, safe inside a live query; the app composes them.
 */
import {
  countCouponUse, draftOf, emptyState, hasOptions, holdsAllowance, normalizeCouponCode, skuKey,
  type Cart, type Draft, type Inventory, type Product, type ProductBase, type ProductId, type Promotion, type SkuKey,
} from '../domain/index.ts';
import { tablesOf } from './db.ts';
import { SHOP_KEY } from './rows.ts';
import type { Store } from './store.ts';

/** Products by id, in the order given (undefined where the catalog has none). */
export async function productsByIds(store: Store, ids: readonly ProductId[]): Promise<(Product | undefined)[]> {
  return (await tablesOf(store).products.bulkGet([...ids])).map((r) => r?.value);
}

/** Stock by `skuKey` (a product's id for its implicit combination), in the order given (undefined before the shop's first word on it). */
export async function inventoryBySkus(store: Store, keys: readonly SkuKey[]): Promise<(Inventory | undefined)[]> {
  return (await tablesOf(store).skus.bulkGet([...keys])).map((r) => r?.value);
}

/** How many of these product ids the catalog has. */
export async function countProducts(store: Store, ids: readonly ProductId[]): Promise<number> {
  return (await tablesOf(store).products.where('id').anyOf([...ids]).primaryKeys()).length;
}

/** Every category in use, hidden products' too, by name (the product form's suggestions). */
export async function categoriesInUse(store: Store): Promise<string[]> {
  const keys = (await tablesOf(store).products.orderBy('category').uniqueKeys()) as string[];
  return keys.filter((c) => c !== '').sort((a, b) => a.localeCompare(b));
}

/** The shop's promotions, active or not, in no particular order. */
export async function allPromotions(store: Store): Promise<Promotion[]> {
  return (await tablesOf(store).promotions.toArray()).map((r) => r.value);
}

/** Whether the shop has been opened here (its profile stored): a new shop on a server has not. */
export async function hasShop(store: Store): Promise<boolean> {
  return (await tablesOf(store).shop.count()) > 0;
}

/**
 * The shop's state as far as pricing `cart` needs it: the shop, the cart's products, every
 * promotion, the team it joins, and the uses of its coupon by every order this device knows
 * (those that hold their allowance), counted from the orders that carry that code (an index,
 * schema version 5), not from every order. What `quoteCart` prices from, as the authority does
 * from its whole state.
 */
export async function quoteStateFor(store: Store, cart: Cart): Promise<Draft> {
  const db = tablesOf(store);
  const ids = [...new Set(cart.lines.map((l) => l.productId))];
  const code = normalizeCouponCode(cart.coupon ?? '');
  const [shop, products, promotions, team, withCoupon] = await Promise.all([
    db.shop.get(SHOP_KEY),
    db.products.bulkGet(ids),
    db.promotions.toArray(),
    cart.team?.action === 'join' ? db.teams.get(cart.team.teamId) : undefined,
    code === '' ? [] : db.orders.where('value.coupon').equals(code).toArray(),
  ]);
  const state = draftOf(emptyState());
  if (shop) state.shop = { n: shop.n, value: shop.value };
  for (const r of products) if (r) state.products.set(r.id, { n: r.n, value: r.value });
  for (const r of promotions) state.promotions.set(r.id, { n: r.n, value: r.value });
  if (team) state.teams.set(team.id, { n: team.n, value: team.value });
  for (const { value: o } of withCoupon) if (holdsAllowance(o)) countCouponUse(state, code, o.buyer);
  return state;
}

/** A product to edit, with what the edit is made from (its version and shelf stock as this device has them). */
export interface ProductToEdit {
  product: Product;
  /** The implicit combination's shelf (a product without options; one that had none before keeps it). */
  inventory: Inventory | undefined;
  /** Each combination's shelf, a product with options (those removed since too). */
  skus: Inventory[];
  base: ProductBase;
}

/** Read once when an edit begins: the base is what the seller sees, even if the shop moves on meanwhile. */
export async function productToEdit(store: Store, id: ProductId): Promise<ProductToEdit | undefined> {
  const db = tablesOf(store);
  const [row, shelves] = await Promise.all([db.products.get(id), db.skus.where('productId').equals(id).toArray()]);
  if (row === undefined) return undefined;
  const inventory = shelves.find((r) => r.value.combination === undefined)?.value;
  const skus = shelves.flatMap((r) => (r.value.combination === undefined ? [] : [r.value]));
  const stocks = skus.map((i) => ({ combination: i.combination!, stock: i.stock }));
  const base: ProductBase = { n: row.n, stock: inventory?.stock ?? 0, ...(hasOptions(row.value) ? { stocks } : {}) };
  return { product: row.value, inventory, skus, base };
}

/** What editing each of `ids` is made from: the product as this device has it, or a new one (version 0). */
export async function productBases(store: Store, ids: readonly ProductId[]): Promise<ProductBase[]> {
  const db = tablesOf(store);
  const [rows, inventory] = await Promise.all([db.products.bulkGet([...ids]), db.skus.where('productId').anyOf([...ids]).toArray()]);
  const stockOf = new Map(inventory.map((r) => [r.sku, r.value.stock]));
  return ids.map((id, i) => {
    const row = rows[i];
    if (row === undefined) return { n: 0, stock: 0 };
    const base: ProductBase = { n: row.n, stock: stockOf.get(skuKey(id)) ?? 0 };
    if (hasOptions(row.value)) base.stocks = row.value.combinations!.map((c) => ({ combination: c.id, stock: stockOf.get(skuKey(id, c.id)) ?? 0 }));
    return base;
  });
}
