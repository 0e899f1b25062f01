/**
 * Reads for the shopping screens (cart, checkout, product page) that need more than one
 * storage query at once. Each reads only the database it is given, so the UI can run it
 * inside a live query and get it again whenever the tables it read change.
 */
import {
  normalizeCouponCode, type BuyerId, type CartLine, type CouponPromotion, type Delivery, type Inventory, type Product,
  type ProductId, type Promotion, type Quote, type ShopProfile, type Team, type TeamChoice,
} from '../domain/index.ts';
import { getShop, listCart, walletOf, type CartRow, type ShopDb, type Wallet } from '../storage/index.ts';
import { quoteCartHere } from './quote-cart.ts';

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
export async function pricedCart(db: ShopDb, buyer: BuyerId, at: number, coupon: string, delivery?: Delivery): Promise<PricedCart> {
  const rows = await listCart(db, buyer);
  const lines: CartLine[] = rows.map((r) => ({ productId: r.productId, qty: r.qty, mode: r.mode }));
  const ids = [...new Set(rows.map((r) => r.productId))];
  const [shop, products, inventory, promotionRows, quote, bought] = await Promise.all([
    getShop(db),
    db.products.bulkGet(ids),
    db.inventory.bulkGet(ids),
    db.promotions.toArray(),
    quoteCartHere(db, buyer, at, { lines, coupon: coupon || undefined, delivery }),
    flashBoughtBy(db, buyer),
  ]);
  const byId = new Map(ids.map((id, i) => [id, { product: products[i]?.value, inventory: inventory[i]?.value }]));
  const promotions = new Map<string, Promotion>(promotionRows.map((r) => [r.id, r.value]));
  return {
    shop,
    items: rows.map((row) => {
      const p = byId.get(row.productId);
      return { row, product: p?.product, inventory: p?.inventory, flashBought: flashCount(bought, p?.product) };
    }),
    quote,
    promotions,
    coupon: findCoupon(promotionRows.map((r) => r.value), coupon),
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
export async function checkoutView(db: ShopDb, buyer: BuyerId, at: number, input: CheckoutInput): Promise<CheckoutView> {
  const ids = [...new Set(input.lines.map((l) => l.productId))];
  const [shop, productRows, promotionRows, wallet, quote, teamRow] = await Promise.all([
    getShop(db),
    db.products.bulkGet(ids),
    db.promotions.toArray(),
    walletOf(db, buyer),
    quoteCartHere(db, buyer, at, { lines: input.lines, coupon: input.coupon || undefined, delivery: input.delivery, team: input.team }),
    input.team?.action === 'join' ? db.teams.get(input.team.teamId) : undefined,
  ]);
  const products = new Map<ProductId, Product>();
  for (const r of productRows) if (r) products.set(r.id, r.value);
  return {
    shop,
    quote,
    wallet,
    products,
    promotions: new Map<string, Promotion>(promotionRows.map((r) => [r.id, r.value])),
    coupon: findCoupon(promotionRows.map((r) => r.value), input.coupon),
    team: teamRow?.value,
  };
}

/** The cart's lines as the checkout places them. */
export async function cartLines(db: ShopDb, buyer: BuyerId): Promise<CartLine[]> {
  return (await listCart(db, buyer)).map((r) => ({ productId: r.productId, qty: r.qty, mode: r.mode }));
}

/** How many things are in the cart (units), for a badge. */
export async function cartCount(db: ShopDb, buyer: BuyerId): Promise<number> {
  return (await listCart(db, buyer)).reduce((n, r) => n + r.qty, 0);
}

/**
 * Units of each product's flash sales this buyer has in live orders, by `${productId}|${sale}`
 * (a sale is known by its start). The authority counts the same way for the per-buyer limit.
 */
export async function flashBoughtBy(db: ShopDb, buyer: BuyerId): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const orders = await db.orders.where('buyer').equals(buyer).toArray();
  for (const { value: o } of orders) {
    if (o.status === 'rejected' || o.status === 'cancelled') continue;
    for (const l of o.lines) {
      if (l.mode !== 'flash' || l.sale === undefined) continue;
      const key = `${l.productId}|${l.sale}`;
      out.set(key, (out.get(key) ?? 0) + l.qty);
    }
  }
  return out;
}

/** Flash units of the product's current sale in `bought` (0 without a sale). */
export function flashCount(bought: Map<string, number>, product: Product | undefined): number {
  return product?.flash ? (bought.get(`${product.id}|${product.flash.startsAt}`) ?? 0) : 0;
}

function findCoupon(promotions: readonly Promotion[], code: string): CouponPromotion | undefined {
  const wanted = normalizeCouponCode(code);
  if (wanted === '') return undefined;
  return promotions.find((p): p is CouponPromotion => p.kind === 'coupon' && normalizeCouponCode(p.code) === wanted);
}
