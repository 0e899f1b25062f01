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

/** A flash sale: `stock` units at `price` between `startsAt` (inclusive) and `endsAt` (exclusive). */
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

/** What is left to sell of a product: regular stock, and flash-sale units already sold. */
export interface Inventory {
  productId: ProductId;
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

export function isPromotionLive(p: Promotion, at: Millis): boolean {
  if (!p.active) return false;
  if (p.startsAt !== undefined && at < p.startsAt) return false;
  if (p.endsAt !== undefined && at >= p.endsAt) return false;
  return true;
}
