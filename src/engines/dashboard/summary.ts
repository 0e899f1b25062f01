/**
 * The dashboard for a chosen period, from money by day (aggregate.ts): totals, a series of
 * bars (by day up to three months; by week, then by month, beyond, so a phone can still
 * show each bar) and revenue by product. Pure: `today` is given.
 */
import type { ProductId } from '../../domain/index.ts';
import { UNATTRIBUTED, type DayMoney, type MoneyByDay } from './aggregate.ts';
import { addDays, dayKey, daysBetween, parseDay, type DayKey } from './zone.ts';

export type Period = '7d' | '30d' | '90d' | 'all';
export const PERIODS: readonly Period[] = ['7d', '30d', '90d', 'all'];
const LENGTH: Record<Exclude<Period, 'all'>, number> = { '7d': 7, '30d': 30, '90d': 90 };

export type Unit = 'day' | 'week' | 'month';

export type Totals = Omit<DayMoney, 'byProduct'>;

/** One bar: the money of the days from `from` to `to` (one day, unless the unit is longer). */
export interface Bar extends Totals {
  from: DayKey;
  to: DayKey;
}

export interface ProductRevenue {
  productId: ProductId;
  /** Empty for revenue with no product (UNATTRIBUTED). */
  name: string;
  revenue: number;
}

export interface Summary {
  period: Period;
  from: DayKey;
  to: DayKey;
  today: DayKey;
  unit: Unit;
  bars: Bar[];
  totals: Totals;
  /** Every product with revenue (or refunds) in the period, most revenue first. */
  products: ProductRevenue[];
}

/** Up to this many days the bars are days; up to BY_WEEK weeks, weeks; beyond, months. */
const BY_DAY = 92;
const BY_WEEK = 80;

export function zeroTotals(): Totals {
  return { revenue: 0, sales: 0, refunds: 0, compensation: 0, cashIn: 0, cashOut: 0, received: 0 };
}

function addTotals(into: Totals, d: Totals): void {
  into.revenue += d.revenue;
  into.sales += d.sales;
  into.refunds += d.refunds;
  into.compensation += d.compensation;
  into.cashIn += d.cashIn;
  into.cashOut += d.cashOut;
  into.received += d.received;
}

/** The first and last day of a period ending today; "all" starts at the first day with money. */
export function periodDays(period: Period, today: DayKey, money: MoneyByDay): { from: DayKey; to: DayKey } {
  if (period !== 'all') return { from: addDays(today, -(LENGTH[period] - 1)), to: today };
  let from = today;
  let to = today;
  for (const key of money.days.keys()) {
    if (key < from) from = key;
    if (key > to) to = key;
  }
  return { from, to };
}

function unitFor(days: number): Unit {
  return days <= BY_DAY ? 'day' : days <= BY_WEEK * 7 ? 'week' : 'month';
}

/** The empty bars of a period: days, weeks ending on its last day, or calendar months. */
function emptyBars(from: DayKey, to: DayKey, unit: Unit): Bar[] {
  const bars: Bar[] = [];
  if (unit === 'month') {
    let start = from;
    while (start <= to) {
      const { year, month } = parseDay(start);
      const next = month === 12 ? dayKey(year + 1, 1, 1) : dayKey(year, month + 1, 1);
      const end = addDays(next, -1) < to ? addDays(next, -1) : to;
      bars.push({ from: start, to: end, ...zeroTotals() });
      start = next;
    }
    return bars;
  }
  const size = unit === 'week' ? 7 : 1;
  // Weeks end on the period's last day, so the latest bar is always a whole week up to today.
  for (let end = to; end >= from; end = addDays(end, -size)) {
    const start = addDays(end, -(size - 1));
    bars.push({ from: start < from ? from : start, to: end, ...zeroTotals() });
  }
  return bars.reverse();
}

/** The dashboard for a period ending `today` (a local date). */
export function summarize(money: MoneyByDay, period: Period, today: DayKey): Summary {
  const { from, to } = periodDays(period, today, money);
  const unit = unitFor(daysBetween(from, to) + 1);
  const bars = emptyBars(from, to, unit);
  const totals = zeroTotals();
  const byProduct = new Map<ProductId, number>();
  for (const [key, day] of money.days) {
    if (key < from || key > to) continue;
    // Bars are few (at most about a hundred) and in order: find this day's by halving.
    let lo = 0;
    let hi = bars.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (bars[mid]!.from <= key) lo = mid;
      else hi = mid - 1;
    }
    addTotals(bars[lo]!, day);
    addTotals(totals, day);
    for (const [p, amount] of day.byProduct) byProduct.set(p, (byProduct.get(p) ?? 0) + amount);
  }
  const products: ProductRevenue[] = [...byProduct].map(([productId, revenue]) => ({
    productId,
    name: productId === UNATTRIBUTED ? '' : (money.names.get(productId)?.name ?? productId),
    revenue,
  }));
  products.sort((a, b) => b.revenue - a.revenue || a.name.localeCompare(b.name) || (a.productId < b.productId ? -1 : 1));
  return { period, from, to, today, unit, bars, totals, products };
}

/** The top `n` products, and the rest added up (undefined when there is no rest). */
export function topProducts(products: readonly ProductRevenue[], n: number): { top: ProductRevenue[]; rest?: { count: number; revenue: number } } {
  if (products.length <= n) return { top: [...products] };
  const rest = products.slice(n);
  return { top: products.slice(0, n), rest: { count: rest.length, revenue: rest.reduce((s, p) => s + p.revenue, 0) } };
}
