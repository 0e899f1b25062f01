import type { Inventory, Millis, Product, Promotion, ShopProfile } from './catalog.ts';
import type { BuyerId, CombinationId, EventId, OrderId, ProductId, WithdrawalId } from './ids.ts';
import type { Posting } from './ledger.ts';
import type { MessageEvent } from './messages.ts';
import type { Money } from './money.ts';
import type { CartLine, Delivery, Order, Payment, TeamChoice } from './orders.ts';
import type { Team } from './teams.ts';

/**
 * Every thing a person does is an immutable event with an id made on the device; that id is
 * the idempotency key. `v` is the shape's version: a newer app may add versions, and a
 * validator refuses any it does not know rather than guess ("update the app").
 *
 * Version 1 is every event about products without options, exactly as before options existed;
 * version 2 (`OPTIONS_VERSION`) is an event that carries options, combinations or lines of
 * them. An event is stamped with the lowest version that can hold it (`eventVersion`), so an
 * app that knows only version 1 keeps reading everything but what it could not understand, and
 * says to update for that; validators refuse option fields in a version 1 event.
 */
export const EVENT_VERSION = 1;
export const OPTIONS_VERSION = 2;
/** The newest version this app reads and writes. */
export const LATEST_VERSION = OPTIONS_VERSION;
export type EventVersion = typeof EVENT_VERSION | typeof OPTIONS_VERSION;

interface EventBase {
  id: EventId;
  v: EventVersion;
  /** When it was made, by the device's clock (shown to people, never trusted for order). */
  at: Millis;
}

/* ------------------------------------------------------------------ buyer intents */

interface BuyerIntentBase extends EventBase {
  type: 'intent';
  by: 'buyer';
  buyer: BuyerId;
  /** Server-attested time, stamped just before the push: the order in which the shop decides. */
  sentAt: Millis;
}

export interface PlaceOrder extends BuyerIntentBase {
  kind: 'order.place';
  lines: CartLine[];
  coupon?: string;
  payment: Payment;
  delivery: Delivery;
  team?: TeamChoice;
  /** The total the buyer saw and agreed to: the shop rejects the order if the price went up. */
  expectedTotal: Money;
}

export interface CancelOrder extends BuyerIntentBase {
  kind: 'order.cancel';
  orderId: OrderId;
  reason: string;
}

export interface ConfirmReceipt extends BuyerIntentBase {
  kind: 'order.confirm-receipt';
  orderId: OrderId;
}

export interface RequestRefund extends BuyerIntentBase {
  kind: 'refund.request';
  orderId: OrderId;
  reason: string;
}

export interface FileClaim extends BuyerIntentBase {
  kind: 'claim.file';
  orderId: OrderId;
  reason: string;
}

export interface WriteReview extends BuyerIntentBase {
  kind: 'review.write';
  orderId: OrderId;
  /** 1 to 5 stars. */
  rating: number;
  text: string;
}

export interface RequestWithdrawal extends BuyerIntentBase {
  kind: 'withdrawal.request';
  amount: Money;
}

/** Play money in the demo shop; a real shop's authority refuses it. */
export interface RequestDemoTopUp extends BuyerIntentBase {
  kind: 'wallet.demo-top-up';
  amount: Money;
}

export type BuyerIntent =
  | PlaceOrder
  | CancelOrder
  | ConfirmReceipt
  | RequestRefund
  | FileClaim
  | WriteReview
  | RequestWithdrawal
  | RequestDemoTopUp;

/* ------------------------------------------------------------------ seller commands */

/**
 * What the seller does by hand. They go through the same authority as buyers' intents, so a
 * seller cannot ship a cancelled order or pay out twice, and they land in the same journal.
 */
interface SellerCommandBase extends EventBase {
  type: 'intent';
  by: 'seller';
}

export interface SaveShop extends SellerCommandBase {
  kind: 'shop.save';
  shop: ShopProfile;
}

export interface SaveProduct extends SellerCommandBase {
  kind: 'product.save';
  product: Product;
  /**
   * The shelf stock as the seller set it. With `base`, it is read as a change from the stock
   * the seller saw; without (a command made before `base` existed), as the absolute count.
   * For a product with options it is not read (send 0): each combination's is in `stocks`.
   */
  stock: number;
  /** A product with options: the stock of each of its combinations (each once), read as `stock` is. */
  stocks?: CombinationStock[];
  /** What the seller's edit was made from; absent in older commands. */
  base?: ProductBase;
}

/** One combination's shelf stock. */
export interface CombinationStock {
  combination: CombinationId;
  stock: number;
}

/**
 * The product as the seller's device showed it when the edit began. A command made against an
 * old view must never overwrite what changed since: the authority refuses the edit if the
 * product was saved again since `n`, and applies the stock as the change from `stock`, so
 * units sold (or put back) meanwhile stay counted.
 */
export interface ProductBase {
  /** The journal number of the decision that last saved the product, as the device had it; 0 for a new product. */
  n: number;
  /** The shelf stock the device showed. */
  stock: number;
  /**
   * The stock of each combination the device showed (a product with options). A combination
   * not listed counts as 0 seen: one new in this edit is given its stock; one the shop has
   * (say, put back by a cancelled order meanwhile) keeps what it has on top.
   */
  stocks?: CombinationStock[];
}

export interface SavePromotion extends SellerCommandBase {
  kind: 'promotion.save';
  promotion: Promotion;
}

export interface ShipOrder extends SellerCommandBase {
  kind: 'order.ship';
  orderId: OrderId;
  carrier: string;
  tracking: string;
}

export interface MarkReady extends SellerCommandBase {
  kind: 'order.ready';
  orderId: OrderId;
}

/** Handed over at the pickup point (and, for pay-on-pickup, paid there). */
export interface HandOver extends SellerCommandBase {
  kind: 'order.hand-over';
  orderId: OrderId;
}

export interface SellerCancel extends SellerCommandBase {
  kind: 'order.seller-cancel';
  orderId: OrderId;
  reason: string;
}

export interface ApproveRefund extends SellerCommandBase {
  kind: 'refund.approve';
  orderId: OrderId;
}

export interface DeclineRefund extends SellerCommandBase {
  kind: 'refund.decline';
  orderId: OrderId;
  reason: string;
}

export interface CompensateClaim extends SellerCommandBase {
  kind: 'claim.compensate';
  orderId: OrderId;
}

export interface DeclineClaim extends SellerCommandBase {
  kind: 'claim.decline';
  orderId: OrderId;
  reason: string;
}

export interface CreditWallet extends SellerCommandBase {
  kind: 'wallet.credit';
  buyer: BuyerId;
  amount: Money;
  method: 'cash' | 'bank-transfer' | 'other';
  note: string;
}

export interface PayWithdrawal extends SellerCommandBase {
  kind: 'withdrawal.pay';
  withdrawalId: WithdrawalId;
  note: string;
}

export interface DeclineWithdrawal extends SellerCommandBase {
  kind: 'withdrawal.decline';
  withdrawalId: WithdrawalId;
  reason: string;
}

export type SellerCommand =
  | SaveShop
  | SaveProduct
  | SavePromotion
  | ShipOrder
  | MarkReady
  | HandOver
  | SellerCancel
  | ApproveRefund
  | DeclineRefund
  | CompensateClaim
  | DeclineClaim
  | CreditWallet
  | PayWithdrawal
  | DeclineWithdrawal;

export type Intent = BuyerIntent | SellerCommand;
export type IntentKind = Intent['kind'];

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

export type ShopEvent = Intent | Decision;


/** Everything that travels in a buyer's channel: the shop's events, and messages (messages.ts), which no authority decides. */
export type ChannelEvent = ShopEvent | MessageEvent;
