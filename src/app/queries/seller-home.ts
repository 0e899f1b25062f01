/**
 * The seller's home: today's sales (orders placed today that the shop took, their money still
 * in escrow or not), what waits for the seller (counts that link to the order lists), and the
 * shelves running low. Reads only; wrapped by the UI in a live query.
 */
import type { Inventory, Millis, Money, Product } from '../../domain/index.ts';
import { isSale } from '../../engines/dashboard/sales.ts';
import { ordersWithStatus, teamsWithStatus, withdrawalsWithStatus } from '../../storage/order-queries.ts';
import { ordersPlacedSince, shelvesAtMost } from '../../storage/seller-queries.ts';
import type { Store } from '../../storage/store.ts';

/** A shelf with this many units or fewer is "running low" (the buyer's page says "Only N left" from the same point). */
export const LOW_STOCK = 5;

// What counts as a sale (not refused, cancelled, or in a team still forming) is the dashboard's
// rule, one owner, which the Money tab counts by too.
export { isSale };

export interface SellerHome {
  today: { orders: number; amount: Money };
  waiting: {
    toShip: number;
    /** Pickup orders to make ready and orders waiting at a point: both to hand over. */
    toHandOver: number;
    refunds: number;
    claims: number;
    withdrawals: number;
    teams: number;
  };
  /** Shelves with LOW_STOCK units or fewer, fewest first. */
  low: { product: Product; inventory: Inventory }[];
}

/** `dayStart`: when the shop's today began (its zone's midnight). */
export async function sellerHome(store: Store, dayStart: Millis): Promise<SellerHome> {
  const [today, accepted, atPickup, refunds, claims, withdrawals, teams, low] = await Promise.all([
    ordersPlacedSince(store, dayStart),
    ordersWithStatus(store, 'accepted'),
    ordersWithStatus(store, 'ready-for-pickup'),
    ordersWithStatus(store, 'refund-requested'),
    ordersWithStatus(store, 'claim-filed'),
    withdrawalsWithStatus(store, 'pending'),
    teamsWithStatus(store, 'forming'),
    shelvesAtMost(store, LOW_STOCK),
  ]);
  const sold = today.filter(isSale);
  const toShip = accepted.filter((o) => o.delivery.kind === 'ship').length;
  return {
    today: { orders: sold.length, amount: sold.reduce((sum, o) => sum + o.total, 0) as Money },
    waiting: {
      toShip,
      toHandOver: accepted.length - toShip + atPickup.length,
      refunds: refunds.length,
      claims: claims.length,
      withdrawals: withdrawals.length,
      teams: teams.length,
    },
    low,
  };
}
