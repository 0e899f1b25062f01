import type { Inventory, Millis, Product, Promotion, ShopProfile } from './catalog.ts';
import type { BuyerId, EventId, OrderId, ProductId, WithdrawalId } from './ids.ts';
import type { Posting } from './ledger.ts';
import type { Money } from './money.ts';
import type { Order } from './orders.ts';
import type { Team } from './teams.ts';
import type { EventBase } from './event-base.ts';

/* ------------------------------------------------------------------ decisions */

export interface Review {
  id: EventId;
  /** The shop's own copy only: the public copy (public-copy.ts) carries `initials` instead. */
  orderId?: OrderId;
  buyer?: BuyerId;
  /** The public copy: the reviewer's initials. */
  initials?: string;
  productIds: ProductId[];
  rating: number;
  text: string;
  /** The writer's photos (attached-photos.ts): in the catalog too, which then holds the pictures. */
  photos?: string[];
  at: Millis;
}

export interface Withdrawal {
  id: WithdrawalId;
  buyer: BuyerId;
  amount: Money;
  status: 'pending' | 'paid' | 'declined';
  requestedAt: Millis;
  settledAt?: Millis;
  note?: string;
}

/**
 * What a decision sets: the whole new value of each thing it touched. Every device keeps, per
 * thing, the value from the decision with the highest journal number `n`, so the fold gives
 * the same state whatever order decisions arrive in, and a repeat changes nothing.
 */
export interface Snapshots {
  shop?: ShopProfile;
  products?: Product[];
  inventory?: Inventory[];
  promotions?: Promotion[];
  orders?: Order[];
  teams?: Team[];
  reviews?: Review[];
  withdrawals?: Withdrawal[];
}

/** Why an intent was refused, as a code the app translates; `message` says it in English too. */
export type RejectReason =
  | 'malformed'
  | 'not-allowed'
  | 'unknown-order'
  | 'not-your-order'
  | 'invalid-state'
  | 'product-unavailable'
  | 'out-of-stock'
  | 'flash-not-started'
  | 'flash-ended'
  | 'flash-sold-out'
  | 'flash-limit'
  | 'team-closed'
  | 'team-full'
  | 'team-member'
  | 'insufficient-balance'
  | 'price-changed'
  | 'coupon-invalid'
  | 'delivery-invalid'
  | 'refund-window-closed'
  | 'already-reviewed'
  | 'tampered'
  /** A seller's edit made from a product that has been saved again since (or a new one whose id is taken). */
  | 'product-changed';

export type DecisionKind =
  | 'order.accepted'
  | 'order.rejected'
  | 'order.cancelled'
  | 'order.shipped'
  | 'order.ready'
  | 'order.received'
  | 'order.finished'
  | 'refund.requested'
  | 'refund.approved'
  | 'refund.declined'
  | 'claim.filed'
  | 'claim.compensated'
  | 'claim.declined'
  | 'review.published'
  | 'wallet.credited'
  | 'withdrawal.held'
  | 'withdrawal.paid'
  | 'withdrawal.declined'
  | 'team.succeeded'
  | 'team.failed'
  | 'shop.saved'
  | 'product.saved'
  | 'promotion.saved'
  | 'intent.rejected';

export interface Decision extends EventBase {
  type: 'decision';
  kind: DecisionKind;
  /** The authority's journal number: strictly increasing, one per decision. */
  n: number;
  /** The intent this decides; absent for decisions the clock makes (auto-confirm, team expiry). */
  intentId?: EventId;
  /**
   * The server's revision of the intent's document when it was decided (`1-…`), where it came
   * through a server: a later sibling revision (someone rewriting the intent) no longer matches.
   */
  intentRev?: string;
  /** The buyer whose channel this decision is news for, if any. */
  buyer?: BuyerId;
  reason?: RejectReason;
  message?: string;
  postings: Posting[];
  set: Snapshots;
}
