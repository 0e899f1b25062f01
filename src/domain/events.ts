import type { Millis } from './catalog.ts';
import type { BuyerId, OrderId } from './ids.ts';
import type { MessageEvent } from './messages.ts';
import type { Money } from './money.ts';
import type { CartLine, Delivery, Payment, TeamChoice } from './orders.ts';
import type { EventBase } from './event-base.ts';
import type { SellerCommand } from './seller-commands.ts';
import type { Decision } from './decisions.ts';

// The events in three files: what every event has (event-base.ts), the seller's commands
// (seller-commands.ts) and the shop's decisions (decisions.ts); the buyer's intents here.
export * from './event-base.ts';
export * from './seller-commands.ts';
export * from './decisions.ts';

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
  /** What shows the goods are fake (attached-photos.ts): 1 to 3 photo ids, absent for none. */
  photos?: string[];
}

export interface WriteReview extends BuyerIntentBase {
  kind: 'review.write';
  orderId: OrderId;
  /** 1 to 5 stars. */
  rating: number;
  text: string;
  /** 1 to 3 photo ids (attached-photos.ts), absent for none. */
  photos?: string[];
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

export type Intent = BuyerIntent | SellerCommand;
export type IntentKind = Intent['kind'];

export type ShopEvent = Intent | Decision;


/** Everything that travels in a buyer's channel: the shop's events, and messages (messages.ts), which no authority decides. */
export type ChannelEvent = ShopEvent | MessageEvent;
