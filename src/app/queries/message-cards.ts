/**
 * What the seller may put into a conversation besides text: a product (found by name), one of
 * the buyer's orders, a live coupon's code. Plain reads, wrapped by the UI in a live query.
 */
import {
  isPromotionLive, normalizeCouponCode, type BuyerId, type CouponPromotion, type Millis, type Order, type Product,
} from '../../domain/index.ts';
import { allPromotions } from '../../storage/catalog-queries.ts';
import { getShop } from '../../storage/queries.ts';
import { listProducts } from '../../storage/queries.ts';
import { ordersOfBuyer } from '../../storage/seller-queries.ts';
import type { Store } from '../../storage/store.ts';

/** How many of each are offered: a phone's screenful. */
export const CARD_CHOICES = 5;

export interface CardChoices {
  products: Product[];
  /** How many products match in all (more than shown: the seller types more). */
  productsTotal: number;
  orders: Order[];
  coupons: CouponPromotion[];
}

/** Products matching `search` (by name while it is empty; not hidden ones, which the buyer could not open), the buyer's latest orders, the coupons live `at`. */
export async function cardChoices(store: Store, buyer: BuyerId, search: string, at: Millis): Promise<CardChoices> {
  const [page, orders, promotions] = await Promise.all([
    listProducts(store, { search, offset: 0, limit: CARD_CHOICES, includeHidden: false }),
    ordersOfBuyer(store, buyer, CARD_CHOICES),
    allPromotions(store),
  ]);
  const coupons = promotions
    .filter((p): p is CouponPromotion => p.kind === 'coupon' && isPromotionLive(p, at))
    .sort((a, b) => a.code.localeCompare(b.code));
  return { products: page.items.map((i) => i.product), productsTotal: page.total, orders, coupons };
}

/** A coupon card as either side sees it: the shop's coupon of that code if it runs at `at`, and the shop's currency. */
export interface CouponCardView {
  code: string;
  coupon: CouponPromotion | undefined;
  currency: string;
}

export async function couponCard(store: Store, code: string, at: Millis): Promise<CouponCardView> {
  const wanted = normalizeCouponCode(code);
  const [promotions, shop] = await Promise.all([allPromotions(store), getShop(store)]);
  const coupon = promotions.find((p): p is CouponPromotion => p.kind === 'coupon' && normalizeCouponCode(p.code) === wanted && isPromotionLive(p, at));
  return { code: wanted, coupon, currency: shop?.currency ?? 'CNY' };
}
