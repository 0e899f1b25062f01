/**
 * Reads for the seller's order inbox: what waits for the seller, by section, and what the
 * shop decided lately. Split from the buyer's account queries (account.ts, my-orders.ts).
 */
import type { DecisionKind, EventId, Millis, Order, OrderStatus, RejectReason, Team, Withdrawal } from '../../domain/index.ts';
import { latestDecisions, ordersWithStatus, teamsWithStatus, withdrawalsWithStatus } from '../../storage/order-queries.ts';
import { getOrder } from '../../storage/account-queries.ts';
import type { Store } from '../../storage/store.ts';
import { namesOf } from './my-orders.ts';

export interface RecentDecision {
  id: EventId;
  kind: 'order.accepted' | 'order.rejected';
  at: Millis;
  /** The order as the decision left it. */
  order: Order;
  /** Where the order is now (shipped, received, refunded…): the decision alone would say "Accepted" for ever. */
  now: OrderStatus;
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

async function ordersIn(store: Store, status: OrderStatus): Promise<Order[]> {
  return (await ordersWithStatus(store, status)).sort(byPlaced);
}

/** What waits for the seller across every buyer's orders, and what the shop decided lately. */
export async function sellerInbox(store: Store, recentLimit = 10): Promise<SellerInbox> {
  const [accepted, atPickup, refunds, claims, forming, withdrawals, decided] = await Promise.all([
    ordersIn(store, 'accepted'),
    ordersIn(store, 'ready-for-pickup'),
    ordersIn(store, 'refund-requested'),
    ordersIn(store, 'claim-filed'),
    teamsWithStatus(store, 'forming'),
    withdrawalsWithStatus(store, 'pending'),
    latestDecisions(store, ORDER_DECISIONS, recentLimit, RECENT_SCAN),
  ]);
  const recentOnly = decided
    .flatMap((d): Omit<RecentDecision, 'now'>[] => {
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
  const current = await Promise.all(recentOnly.map((r) => getOrder(store, r.order.id)));
  const recent = recentOnly.map((r, i): RecentDecision => ({ ...r, now: current[i]?.status ?? r.order.status }));
  return {
    toShip: accepted.filter((o) => o.delivery.kind === 'ship'),
    toPrepare: accepted.filter((o) => o.delivery.kind === 'pickup'),
    atPickup,
    refunds,
    claims,
    teams: await teamsNamed(store, forming),
    withdrawals: withdrawals.sort((a, b) => a.requestedAt - b.requestedAt || (a.id < b.id ? -1 : 1)),
    recent,
  };
}

/** How far back the journal is read for "Decided by the shop": recent means recent. */
const RECENT_SCAN = 5_000;
/** The decisions on new orders, the latest of which "Decided by the shop" shows. */
const ORDER_DECISIONS: ReadonlySet<DecisionKind> = new Set(['order.accepted', 'order.rejected']);

async function teamsNamed(store: Store, teams: Team[]): Promise<{ team: Team; name: string }[]> {
  const names = await namesOf(store, teams.map((x) => x.productId));
  return teams
    .sort((a, b) => a.deadline - b.deadline || (a.id < b.id ? -1 : 1))
    .map((team) => ({ team, name: names.get(team.productId) ?? team.productId }));
}
