import type { Money } from './money.ts';
import type { PickupPointId, ProductId, PromotionId, ShippingOptionId } from './ids.ts';

/** Time is milliseconds since the epoch, always passed in (the domain has no clock). */
export type Millis = number;

export const HOUR: Millis = 3_600_000;
export const DAY: Millis = 24 * HOUR;

export interface PickupPoint {
  id: PickupPointId;
  name: string;
  address: string;
}

export interface ShippingOption {
  id: ShippingOptionId;
  name: string;
  fee: Money;
}

export interface ShopPolicies {
  /** Days after shipping before receipt is confirmed for the buyer (Taobao's 确认收货). */
  autoConfirmDaysShipped: number;
  /** Days after an order is ready for pickup before receipt is confirmed (wallet-paid only). */
  autoConfirmDaysPickup: number;
  /** Days after receipt during which a refund may be asked; after that the order is finished. */
  refundWindowDays: number;
  /** Counterfeit compensation: the buyer gets the price back plus this many times it (Tmall's 假一赔N). */
  compensationMultiple: number;
  /** The demo shop gives play money on request; a real shop never does. */
  demoTopUps: boolean;
}

export interface ShopProfile {
  name: string;
  /** ISO 4217 code; one currency per shop, all Money is in its minor units. */
  currency: string;
  policies: ShopPolicies;
  pickupPoints: PickupPoint[];
  shippingOptions: ShippingOption[];
}

/** A product's team buy: `price` each once `size` people join within `windowHours`. */
export interface TeamOffer {
  price: Money;
  size: number;
  windowHours: number;
}

/**
 * A flash sale: `stock` units at `price` between `startsAt` (inclusive) and `endsAt`
 * (exclusive). Its units are not extra goods: they come off the product's one shelf
 * (`Inventory.stock`), so a sale sells at most what is on it.
 */
export interface FlashSale {
  price: Money;
  startsAt: Millis;
  endsAt: Millis;
  stock: number;
  perBuyerLimit: number;
}

/** A product as the seller describes it. Stock counts live in `Inventory`, which the authority moves. */
export interface Product {
  id: ProductId;
  name: string;
  description: string;
  category: string;
  tags: string[];
  price: Money;
  /** References to photos (attachment names or URLs), never the bytes. */
  photos: string[];
  hidden: boolean;
  team?: TeamOffer;
  flash?: FlashSale;
}

/** What is left to sell of a product: its one shelf (at every price), and units of its current flash sale sold. */
export interface Inventory {
  productId: ProductId;
  /** Units on the shelf: every unit sold, at the list, team or flash price, comes off it. */
  stock: number;
  flashSold: number;
}

export interface ThresholdPromotion {
  id: PromotionId;
  kind: 'threshold';
  label: string;
  /** Spend at least this on regular-priced goods… */
  spend: Money;
  /** …and save this. */
  save: Money;
  /** Singles' Day style "save Y for every X spent" rather than once. */
  repeat: boolean;
  startsAt?: Millis;
  endsAt?: Millis;
  active: boolean;
}

export type CouponSaving = { kind: 'amount'; amount: Money } | { kind: 'percent'; percent: number };

export interface CouponPromotion {
  id: PromotionId;
  kind: 'coupon';
  /** Matched after trimming and upper-casing, as people type codes loosely. */
  code: string;
  label: string;
  save: CouponSaving;
  minSpend: Money;
  startsAt: Millis;
  endsAt: Millis;
  /** Uses across all buyers; absent means unlimited. */
  limit?: number;
  perBuyerLimit?: number;
  active: boolean;
}

export type Promotion = ThresholdPromotion | CouponPromotion;

export function normalizeCouponCode(code: string): string {
  return code.trim().toUpperCase();
}

export function isFlashActive(flash: FlashSale, at: Millis): boolean {
  return at >= flash.startsAt && at < flash.endsAt;
}

/**
 * Units a flash sale can still sell: what is left of its own count, and never more than the
 * shelf holds, as every unit sold at the flash price comes off the product's one stock. Without
 * the shop's word on the stock yet, the sale's own count.
 */
export function flashUnitsLeft(flash: FlashSale, inventory: Pick<Inventory, 'stock' | 'flashSold'> | undefined): number {
  const own = flash.stock - (inventory?.flashSold ?? 0);
  return Math.max(0, inventory === undefined ? own : Math.min(own, inventory.stock));
}

/**
 * How many units a flash sale would promise beyond the shelf (0 if none): what is left of its
 * count (`soldInSale` of it already sold) against the `stock` it would come from. The seller's
 * form and the catalog import refuse a sale that promises more than there is.
 */
export function flashBeyondStock(flash: Pick<FlashSale, 'stock'>, stock: number, soldInSale = 0): number {
  return Math.max(0, flash.stock - soldInSale - stock);
}

export function isPromotionLive(p: Promotion, at: Millis): boolean {
  if (!p.active) return false;
  if (p.startsAt !== undefined && at < p.startsAt) return false;
  if (p.endsAt !== undefined && at >= p.endsAt) return false;
  return true;
}
