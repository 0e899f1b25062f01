import type { Millis, Product, Promotion, ShopProfile } from '../catalog.ts';
import type { CombinationId, ProductId, TeamId } from '../ids.ts';
import type { Money } from '../money.ts';
import type { CartLine, Delivery, DiscountLine, PricedLine, TeamChoice } from '../orders.ts';
import type { Team } from '../teams.ts';

/** Everything the one pricing function reads; lookups rather than copies, so it stays cheap. */
export interface PricingInput {
  shop: ShopProfile | undefined;
  product: (id: ProductId) => Product | undefined;
  /** Looks up a team being joined (its price is locked when it starts). */
  findTeam: (id: TeamId) => Team | undefined;
  promotions: Iterable<Promotion>;
  /** Times a (normalised) coupon code has been used, in all and by this buyer. */
  couponUses: (code: string) => { total: number; byBuyer: number };
  at: Millis;
  lines: readonly CartLine[];
  coupon?: string | undefined;
  delivery?: Delivery | undefined;
  team?: TeamChoice | undefined;
}

export type PricingProblemCode =
  | 'empty-cart'
  | 'unknown-product'
  | 'product-hidden'
  /** A product with options, and the line names none of its combinations. */
  | 'combination-needed'
  /** The line names a combination the product does not have (or the product has no options). */
  | 'unknown-combination'
  /** The line's combination is turned off: not sold at the moment. */
  | 'combination-off'
  | 'bad-quantity'
  | 'duplicate-line'
  | 'no-team-offer'
  | 'team-needs-one-line'
  | 'team-mode-mismatch'
  | 'unknown-team'
  | 'no-flash-sale'
  | 'flash-not-started'
  | 'flash-ended'
  | 'flash-limit'
  | 'coupon-unknown'
  | 'coupon-not-started'
  | 'coupon-expired'
  | 'coupon-used-up'
  | 'coupon-buyer-limit'
  | 'coupon-min-spend'
  | 'unknown-shipping-option'
  | 'unknown-pickup-point';

export interface PricingProblem {
  code: PricingProblemCode;
  /** Plain English for logs and tests; the UI translates by `code`. */
  message: string;
  productId?: ProductId;
  /** The line's combination, for a line of a product with options. */
  combination?: CombinationId;
}

export interface Quote {
  /** The lines that could be priced (lines with a problem are left out of the totals). */
  lines: PricedLine[];
  /** Sum of list price × quantity over `lines`. */
  subtotal: Money;
  /** Every saving, explained: flash and team prices, thresholds, the coupon. */
  discounts: DiscountLine[];
  discountTotal: Money;
  shipping: Money;
  /** subtotal − discountTotal + shipping, never below zero. */
  total: Money;
  problems: PricingProblem[];
  /** The normalised coupon code if it applies. */
  coupon?: string;
}

