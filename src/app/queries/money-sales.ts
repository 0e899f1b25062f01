/**
 * What a seller asks first of the Money tab: the period's sales (orders the shop took and their
 * amount, by day and by product) and where their money is now: paid to the shop, still in
 * escrow, to collect at pickup, refunded (engines/dashboard/sales.ts). One basis for the figures
 * and the charts, so they agree; the ledger's money by day (money.ts) is for the other figures.
 */
import type { Millis, ProductId } from '../../domain/index.ts';
import { productsWithCombinations, salesByCombination, type CombinationRevenue } from '../../engines/dashboard/by-combination.ts';
import { salesByDay, salesTotals, type SalesTotals } from '../../engines/dashboard/sales.ts';
import { periodDays, summarize, type Period, type Summary } from '../../engines/dashboard/summary.ts';
import { emptyMoney } from '../../engines/dashboard/aggregate.ts';
import type { Zone } from '../../engines/dashboard/zone.ts';
import { ordersPlacedSince } from '../../storage/seller-queries.ts';
import type { Store } from '../../storage/store.ts';
import { shopZone } from './money.ts';

export type { SalesTotals } from '../../engines/dashboard/sales.ts';
export type { CombinationRevenue } from '../../engines/dashboard/by-combination.ts';

export interface SalesDashboard {
  /** The period's sales by day (or week, month) and by product. */
  summary: Summary;
  totals: SalesTotals;
  /** The products sold by combination in the period: those the seller may open by combination. */
  withCombinations: Set<ProductId>;
}

/** The period ending today's sales (orders placed from its first day's local midnight; all of them for 'all'). */
export async function salesDashboard(store: Store, period: Period, now: Millis, zone: Zone = shopZone()): Promise<SalesDashboard> {
  const today = zone.dayOf(now);
  const orders = await periodOrders(store, period, today, zone);
  return { summary: summarize(salesByDay(orders, zone), period, today), totals: salesTotals(orders), withCombinations: productsWithCombinations(orders) };
}

/** The period's orders: placed from its first day's local midnight (all of them for 'all'). */
function periodOrders(store: Store, period: Period, today: string, zone: Zone) {
  const from = period === 'all' ? 0 : zone.startOf(periodDays(period, today, emptyMoney()).from);
  return ordersPlacedSince(store, from as Millis);
}

/** One product's sales in the period by combination, read when the seller asks: they add up to its figure in `salesDashboard`. */
export async function combinationSales(store: Store, period: Period, productId: ProductId, now: Millis, zone: Zone = shopZone()): Promise<CombinationRevenue[]> {
  return salesByCombination(await periodOrders(store, period, zone.dayOf(now), zone), productId);
}
