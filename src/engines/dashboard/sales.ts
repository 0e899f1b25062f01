/**
 * The period's sales, one basis for the whole of the Money tab's first screen: the orders the
 * shop took (placed in the period; not refused, cancelled, or in a team still forming), by the
 * local day they were placed and by product, and where each one's money is now (paid to the
 * shop, still in escrow, to collect at the pickup point, or refunded), so the parts add up to
 * the sales. Pure: the orders and the zone are given.
 *
 * Why not the ledger's revenue by day (aggregate.ts): it counts an order only once its buyer
 * confirms receipt, on that day. Shown as "Revenue by day ¥0 · Orders received 0" under
 * "Sales ¥36", the two read as a contradiction; the ledger keeps its own section.
 */
import type { Order, OrderStatus } from '../../domain/index.ts';
import { emptyDay, emptyMoney, type MoneyByDay } from './aggregate.ts';
import { splitByWeights } from './split.ts';
import type { Zone } from './zone.ts';

const NOT_SALES: ReadonlySet<OrderStatus> = new Set<OrderStatus>(['rejected', 'cancelled', 'team-forming']);

/** Whether an order counts as sold: the shop took it (its money is in escrow, paid, to collect, or was refunded after). */
export function isSale(order: Pick<Order, 'status'>): boolean {
  return !NOT_SALES.has(order.status);
}

/** The period's sales and where their money is now: `paid + escrow + toCollect + refunded = amount`. */
export interface SalesTotals {
  orders: number;
  amount: number;
  /** Paid to the shop: buyers confirmed receipt (or it was collected at the pickup point). */
  paid: number;
  /** Held in escrow until the buyers confirm receipt. */
  escrow: number;
  /** Paid at pickup, not handed over yet. */
  toCollect: number;
  /** Given back to buyers (refunds and counterfeit claims). */
  refunded: number;
  /** How many of the orders were refunded. */
  refunds: number;
}

export type SaleOrder = Pick<Order, 'status' | 'total' | 'held' | 'placedAt' | 'lines'>;

export function salesTotals(orders: Iterable<SaleOrder>): SalesTotals {
  const t: SalesTotals = { orders: 0, amount: 0, paid: 0, escrow: 0, toCollect: 0, refunded: 0, refunds: 0 };
  for (const o of orders) {
    if (!isSale(o)) continue;
    t.orders += 1;
    t.amount += o.total;
    if (o.held === 'revenue') t.paid += o.total;
    else if (o.held === 'escrow') t.escrow += o.total;
    else if (o.held === 'returned') {
      t.refunded += o.total;
      t.refunds += 1;
    } else t.toCollect += o.total;
  }
  return t;
}

/** Each line's share of its order's total, by what each charged (whole minor units adding up to the total). */
export function lineShares(o: Pick<SaleOrder, 'total' | 'lines'>): number[] {
  return splitByWeights(o.total, o.lines.map((l) => l.unitPrice * l.qty));
}

/**
 * The sales by the local day each order was placed, in the dashboard's shape (summary.ts makes
 * the bars and the products from it): a day's `revenue` and `sales` are its sales, escrow
 * included; `received` counts its orders; `byProduct` shares each order's total among its lines.
 */
export function salesByDay(orders: Iterable<SaleOrder>, zone: Zone): MoneyByDay {
  const money = emptyMoney();
  for (const o of orders) {
    if (!isSale(o)) continue;
    money.decisions += 1;
    const key = zone.dayOf(o.placedAt);
    let day = money.days.get(key);
    if (!day) money.days.set(key, (day = emptyDay()));
    day.revenue += o.total;
    day.sales += o.total;
    day.received += 1;
    const parts = lineShares(o);
    o.lines.forEach((l, i) => {
      day.byProduct.set(l.productId, (day.byProduct.get(l.productId) ?? 0) + parts[i]!);
      if (!money.names.has(l.productId) || o.placedAt >= money.names.get(l.productId)!.n) money.names.set(l.productId, { name: l.name, n: o.placedAt });
    });
  }
  return money;
}
