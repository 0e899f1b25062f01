import type { Money } from './money.ts';
import type { CombinationId, OptionValueId, PickupPointId, ProductId, PromotionId, ShippingOptionId } from './ids.ts';

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

/**
 * Which of a product's combinations an offer (a team buy, a flash sale) covers, and at what
 * price: `price` if given, else the offer's own. An offer without a list covers every
 * combination at its own price (and a product without options, its one implicit combination).
 */
export interface OfferCombination {
  id: CombinationId;
  price?: Money;
}

/** A product's team buy: `price` each once `size` people join within `windowHours`. */
export interface TeamOffer {
  price: Money;
  size: number;
  windowHours: number;
  /** The combinations it covers (see `OfferCombination`); absent: all. */
  combinations?: OfferCombination[];
  /**
   * A team is for one combination (the one its starter chose: everyone who joins buys that
   * one), unless the seller says any: then each member picks any covered combination, at the
   * team price of that combination as it was when the team started.
   */
  anyCombination?: boolean;
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
  /** Units of the sale, over all the combinations it covers together; each comes off its own combination's shelf. */
  stock: number;
  /** Units per buyer, over all the combinations it covers together. */
  perBuyerLimit: number;
  /** The combinations it covers, each at its own flash price if given (see `OfferCombination`); absent: all. */
  combinations?: OfferCombination[];
}

/*
 * Options (size, colour, weight…) and their combinations (SKUs).
 *
 * Ids: every value and every combination has an id of its own, made on the seller's device
 * and never derived from names or positions, so that
 *  - renaming a value ("Navy" → "Dark blue") or a group, reordering values or groups, and adding
 *    a group (each combination then gains a value) keep every combination's id, and with it its
 *    stock, its flash-sale counts and what the dashboard counts for it;
 *  - an order line names its combination by that id and keeps a snapshot of its words and price,
 *    so whatever the seller changes later, the order keeps what was bought;
 *  - a combination's id is its SKU code in the CSV, chosen by the seller if they like.
 * A combination is known by its values too, so two combinations may not name the same values.
 * A product without options has one implicit combination with no id of its own: its stock is
 * kept under the product's id, where it has always been (so nothing of an existing shop moves),
 * and every other combination's under `skuKey(productId, id)`; everything that counts stock
 * counts it by that one key, for both.
 */

/** One value of an option group, as the buyer sees it. */
export interface OptionValue {
  id: OptionValueId;
  name: string;
}

/** An option group ("Colour"), with its values in the order the buyer sees them. */
export interface OptionGroup {
  name: string;
  values: OptionValue[];
}

/** One combination of values (a SKU): one value of each group, with its own price and, optionally, photo. */
export interface Combination {
  id: CombinationId;
  /** One value id per group, in the groups' order. */
  values: OptionValueId[];
  price: Money;
  /** A photo of this combination (a reference, as `Product.photos`); absent: the product's. */
  photo?: string;
  /**
   * Whether it is for sale. Turning one off keeps its id, its stock and the orders that bought
   * it; it is only not sold (nor offered) until turned on again.
   */
  sold: boolean;
}

/** The most option groups and combinations a product may have. */
export const MAX_OPTION_GROUPS = 3;
export const MAX_COMBINATIONS = 100;

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
  /**
   * Up to 3 option groups, and with them up to 100 combinations: both or neither. With them,
   * each combination has its own price and stock, and `price` is only what lists show (the
   * seller's form sets it to the lowest price sold; `priceRange` gives the range).
   */
  options?: OptionGroup[];
  combinations?: Combination[];
}

/**
 * What is left to sell of one combination of a product (of its implicit one, for a product
 * without options): its one shelf (at every price), and units of the current flash sale sold.
 * Kept under `skuKey(productId, combination)`.
 */
export interface Inventory {
  productId: ProductId;
  /** The combination whose shelf this is; absent for a product's implicit one. */
  combination?: CombinationId;
  /** Units on the shelf: every unit sold, at the list, team or flash price, comes off it. */
  stock: number;
  /**
   * Units sold in the product's current flash sale: for the implicit combination, the sale's
   * count; for a combination, its own part of the sale's count, that sale being the one that
   * starts at `sale` (so a row not written since an earlier sale counts nothing of the current one).
   */
  flashSold: number;
  /** A combination's row: the start of the sale that `flashSold` counts; absent: none. */
  sale?: Millis;
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

/**
 * The words a product is found by besides its name and category: its tags, and the values of its
 * options ("red", "XL", "250 g"), so a search for a size or a colour finds the product that has it.
 */
export function searchTags(p: Pick<Product, 'tags' | 'options'>): string[] {
  return p.options === undefined ? p.tags : [...p.tags, ...p.options.flatMap((g) => g.values.map((v) => v.name))];
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
