/**
 * What a seller asks first of the Money tab: the period's sales (orders the shop took and their
 * amount, whether their money is still in escrow or already paid to the shop) and its refunds.
 * Revenue, by contrast, counts only orders whose buyers confirmed receipt (money.ts).
 */
import type { Millis, Money } from '../../domain/index.ts';
import { decisionsOfKind } from '../../storage/order-queries.ts';
import { ordersPlacedSince } from '../../storage/seller-queries.ts';
import type { Store } from '../../storage/store.ts';
import { isSale } from './seller-home.ts';

export interface SalesFigures {
  /** Orders placed since `from` that the shop took (not refused, cancelled or in a team still forming). */
  orders: number;
  amount: Money;
  /** Refunds approved since `from`: how many, and what went back to the buyers' wallets. */
  refunds: number;
  refunded: Money;
}

export async function salesSince(store: Store, from: Millis): Promise<SalesFigures> {
  const [placed, approved] = await Promise.all([ordersPlacedSince(store, from), decisionsOfKind(store, 'refund.approved')]);
  const sold = placed.filter(isSale);
  const refunds = approved.filter((d) => d.at >= from);
  // What a refund gave back: its postings to buyers' spendable balances.
  const refunded = refunds.reduce((sum, d) => sum + d.postings.reduce((s, p) => s + (p.account === 'available' && p.amount > 0 ? p.amount : 0), 0), 0);
  return {
    orders: sold.length,
    amount: sold.reduce((sum, o) => sum + o.total, 0) as Money,
    refunds: refunds.length,
    refunded: refunded as Money,
  };
}
