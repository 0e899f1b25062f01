/**
 * Reads for the shopping screens (cart, checkout, product page) that need more than one
 * storage query at once. Each reads only the database it is given, so the UI can run it
 * inside a live query and get it again whenever the tables it read change.
 */
import {
  normalizeCouponCode, quoteCart, saleKey, skuKeyOf, usageOf, type BuyerId, type CartLine, type CouponPromotion, type Delivery, type Draft,
  type Inventory, type Product, type ProductId, type Promotion, type Quote, type ShopProfile, type Team, type TeamChoice, type OrderId, type TeamId,
} from '../../domain/index.ts';
import { inventoryBySkus } from '../../storage/catalog-queries.ts';
import { listCart } from '../../storage/queries.ts';
import { walletOf, type Wallet } from '../../storage/account-queries.ts';
import { listOrders } from '../../storage/queries.ts';
import { pendingIntents } from '../../storage/journal-queries.ts';
import type { CartRow } from '../../storage/rows.ts';
import type { Store } from '../../storage/store.ts';
import { quoteStateHere } from './quote-cart.ts';

export interface CartItem {
  row: CartRow;
  /** Undefined if the product has left the catalog (the quote says so too). */
  product: Product | undefined;
  inventory: Inventory | undefined;
  /** Flash units this buyer already has in live orders of the product's current sale. */
  flashBought: number;
}

export interface PricedCart {
  shop: ShopProfile | undefined;
  items: CartItem[];
  quote: Quote;
  /** Every promotion of the shop, by id: to explain discounts in the reader's language. */
  promotions: Map<string, Promotion>;
  /** The coupon the code names, if there is one (for its minimum spend in a message). */
  coupon: CouponPromotion | undefined;
}

/** The cart with its products and the shop's own price for it, as of `at`. */
export async function pricedCart(store: Store, buyer: BuyerId, at: number, coupon: string, delivery?: Delivery): Promise<PricedCart> {
  const rows = await listCart(store, buyer);
  const cart = { lines: rows.map(lineOfRow), coupon: coupon || undefined, delivery };
  const keys = [...new Set(rows.map(skuKeyOf))];
  const [state, inventory, bought] = await Promise.all([quoteStateHere(store, cart), inventoryBySkus(store, keys), flashBoughtBy(store, buyer)]);
  const stock = new Map(keys.map((key, i) => [key, inventory[i]]));
  const promotions = promotionsOf(state);
  return {
    shop: state.shop?.value,
    items: rows.map((row) => {
      const product = state.products.get(row.productId)?.value;
      return { row, product, inventory: stock.get(skuKeyOf(row)), flashBought: flashCount(bought, product) };
    }),
    quote: quoteCart(state, buyer, at, cart),
    promotions,
    coupon: findCoupon(promotions, coupon),
  };
}

export interface CheckoutInput {
  lines: CartLine[];
  coupon: string;
  delivery: Delivery | undefined;
  team: TeamChoice | undefined;
}

export interface CheckoutView {
  shop: ShopProfile | undefined;
  quote: Quote;
  wallet: Wallet;
  products: Map<ProductId, Product>;
  promotions: Map<string, Promotion>;
  coupon: CouponPromotion | undefined;
  /** The team being joined, as this device last heard of it. */
  team: Team | undefined;
}

/** What the checkout shows: the quote for exactly what would be placed, and the buyer's wallet. */
export async function checkoutView(store: Store, buyer: BuyerId, at: number, input: CheckoutInput): Promise<CheckoutView> {
  const cart = { lines: input.lines, coupon: input.coupon || undefined, delivery: input.delivery, team: input.team };
  const [state, wallet] = await Promise.all([quoteStateHere(store, cart), walletOf(store, buyer)]);
  const products = new Map<ProductId, Product>();
  for (const [id, { value }] of state.products) products.set(id, value);
  const promotions = promotionsOf(state);
  return {
    shop: state.shop?.value,
    quote: quoteCart(state, buyer, at, cart),
    wallet,
    products,
    promotions,
    coupon: findCoupon(promotions, input.coupon),
    team: input.team?.action === 'join' ? state.teams.get(input.team.teamId)?.value : undefined,
  };
}

/** The cart's lines as the checkout places them. */
export async function cartLines(store: Store, buyer: BuyerId): Promise<CartLine[]> {
  return (await listCart(store, buyer)).map(lineOfRow);
}

/** A cart row as the line it orders (with its combination, for a product with options). */
function lineOfRow(r: CartRow): CartLine {
  return { productId: r.productId, ...(r.combination === undefined ? {} : { combination: r.combination }), qty: r.qty, mode: r.mode };
}

/** How many things are in the cart (units), for a badge. */
export async function cartCount(store: Store, buyer: BuyerId): Promise<number> {
  return (await listCart(store, buyer)).reduce((n, r) => n + r.qty, 0);
}

/**
 * Units of each product's flash sales this buyer has in orders that hold their allowance, by the
 * domain's `saleKey` (a sale is known by its product and start): counted by the fold's own
 * `usageOf` from this buyer's orders, so the per-buyer limit shown is the one the authority keeps.
 */
export async function flashBoughtBy(store: Store, buyer: BuyerId): Promise<ReadonlyMap<string, number>> {
  // Every order read is this buyer's, so the units sold in each sale are this buyer's units.
  return usageOf(await listOrders(store, buyer)).flashSold;
}

/** Flash units of the product's current sale in `bought` (0 without a sale). */
export function flashCount(bought: ReadonlyMap<string, number>, product: Product | undefined): number {
  return product?.flash ? (bought.get(saleKey(product.id, product.flash.startsAt)) ?? 0) : 0;
}

/** Every promotion of the shop, by id: to explain discounts in the reader's language. */
function promotionsOf(state: Draft): Map<string, Promotion> {
  return new Map([...state.promotions].map(([id, { value }]) => [id, value]));
}

function findCoupon(promotions: ReadonlyMap<string, Promotion>, code: string): CouponPromotion | undefined {
  const wanted = normalizeCouponCode(code);
  if (wanted === '') return undefined;
  return [...promotions.values()].find((p): p is CouponPromotion => p.kind === 'coupon' && normalizeCouponCode(p.code) === wanted);
}

/* ------------------------------------------------------------------ the buyer's teams */

// A team as the public catalog carries it names no member (domain/public-copy.ts), so a buyer's
// device learns which teams are theirs from their own orders (and a join still in the outbox).

/** The buyer's order in each team they are in (placed, or still queued), by team. */
export async function myTeamOrders(store: Store, buyer: BuyerId): Promise<Map<TeamId, OrderId>> {
  const mine = new Map<TeamId, OrderId>();
  for (const p of await pendingIntents(store)) {
    const i = p.intent;
    if (i.kind !== 'order.place' || i.buyer !== buyer || i.team === undefined) continue;
    // A team started by this order has the order's own id as its id only once the shop says so; a join names it.
    if (i.team.action === 'join') mine.set(i.team.teamId, i.id as string as OrderId);
  }
  for (const o of await listOrders(store, buyer)) if (o.team !== undefined) mine.set(o.team, o.id);
  return mine;
}

/** The ids of the teams the buyer is in. */
export async function myTeamIds(store: Store, buyer: BuyerId): Promise<Set<TeamId>> {
  return new Set((await myTeamOrders(store, buyer)).keys());
}
