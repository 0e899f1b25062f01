/**
 * Reads for the seller's order inbox: what waits for the seller, by section, and what the
 * shop decided lately. Split from the buyer's account queries (account-queries.ts).
 */
import type { Decision, EventId, Millis, Order, OrderStatus, RejectReason, Team, Withdrawal } from '../domain/index.ts';
import type { ShopDb } from '../storage/index.ts';
import { isDecision, namesOf } from './account-queries.ts';

export interface RecentDecision {
  id: EventId;
  kind: 'order.accepted' | 'order.rejected';
  at: Millis;
  order: Order;
  reason?: RejectReason;
  message?: string;
}

export interface SellerInbox {
  /** Accepted orders to be shipped, oldest first. */
  toShip: Order[];
  /** Accepted orders for pickup, to be made ready. */
  toPrepare: Order[];
  /** Orders waiting at a pickup point. */
  atPickup: Order[];
  refunds: Order[];
  claims: Order[];
  /** Team buys still filling, soonest deadline first, with their product's name. */
  teams: { team: Team; name: string }[];
  withdrawals: Withdrawal[];
  /** The shop's latest decisions on new orders, newest first. */
  recent: RecentDecision[];
}

const byPlaced = (a: Order, b: Order) => a.placedAt - b.placedAt || (a.id < b.id ? -1 : 1);

async function ordersIn(db: ShopDb, status: OrderStatus): Promise<Order[]> {
  return (await db.orders.where('status').equals(status).toArray()).map((r) => r.value).sort(byPlaced);
}

/** What waits for the seller across every buyer's orders, and what the shop decided lately. */
export async function sellerInbox(db: ShopDb, recentLimit = 10): Promise<SellerInbox> {
  const [accepted, atPickup, refunds, claims, forming, withdrawals, decided] = await Promise.all([
    ordersIn(db, 'accepted'),
    ordersIn(db, 'ready-for-pickup'),
    ordersIn(db, 'refund-requested'),
    ordersIn(db, 'claim-filed'),
    db.teams.where('status').equals('forming').toArray(),
    db.withdrawals.where('status').equals('pending').toArray(),
    latestOrderDecisions(db, recentLimit),
  ]);
  const recent = decided
    .flatMap((d): RecentDecision[] => {
      const order = d.set.orders?.[0];
      if (!order || (d.kind !== 'order.accepted' && d.kind !== 'order.rejected')) return [];
      return [{
        id: d.id,
        kind: d.kind,
        at: d.at,
        order,
        ...(d.reason !== undefined && { reason: d.reason }),
        ...(d.message !== undefined && { message: d.message }),
      }];
    });
  return {
    toShip: accepted.filter((o) => o.delivery.kind === 'ship'),
    toPrepare: accepted.filter((o) => o.delivery.kind === 'pickup'),
    atPickup,
    refunds,
    claims,
    teams: await teamsNamed(db, forming.map((r) => r.value)),
    withdrawals: withdrawals.map((r) => r.value).sort((a, b) => a.requestedAt - b.requestedAt || (a.id < b.id ? -1 : 1)),
    recent,
  };
}

/** How far back the journal is read for "Decided by the shop": recent means recent. */
const RECENT_SCAN = 5_000;

/**
 * The latest decisions on new orders, newest first: the journal read backwards by its number
 * (the `n` index) until enough are found, so a shop with a hundred thousand decisions reads a
 * few dozen of them, not every order's.
 */
async function latestOrderDecisions(db: ShopDb, limit: number): Promise<Decision[]> {
  let scanned = 0;
  const found = await db.events
    .orderBy('n')
    .reverse()
    .until(() => scanned >= RECENT_SCAN)
    .filter((e) => {
      scanned += 1;
      return isDecision(e) && (e.kind === 'order.accepted' || e.kind === 'order.rejected');
    })
    .limit(limit)
    .toArray();
  return found.filter(isDecision);
}

async function teamsNamed(db: ShopDb, teams: Team[]): Promise<{ team: Team; name: string }[]> {
  const names = await namesOf(db, teams.map((x) => x.productId));
  return teams
    .sort((a, b) => a.deadline - b.deadline || (a.id < b.id ? -1 : 1))
    .map((team) => ({ team, name: names.get(team.productId) ?? team.productId }));
}
