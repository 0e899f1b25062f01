import type { Product, Promotion, ShopProfile } from './catalog.ts';
import type { BuyerId, CombinationId, OrderId, WithdrawalId } from './ids.ts';
import type { Money } from './money.ts';
import type { EventBase } from './event-base.ts';

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
