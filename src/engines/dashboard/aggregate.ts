/**
 * The shop's money by local day, folded from decisions in one pass: revenue (net of refunds
 * taken back), compensation paid, cash in and out, and revenue by product. A decision's
 * revenue posting is for a whole order; it is shared among the order's lines in proportion
 * to what each line charged (unit price × quantity), in whole minor units that add up to the
 * posting exactly (see split.ts). Pure: no storage, no clock; the zone says what a day is.
 */
import type { Decision, DecisionKind, ProductId } from '../../domain/index.ts';
import { splitByWeights } from './split.ts';
import type { DayKey, Zone } from './zone.ts';

/**
 * The decisions that can post to the shop's own accounts (revenue, cash, compensation): the
 * only ones the dashboard needs to read. Every other kind moves money between a buyer's two
 * accounts at most (tests/app/dashboard.test.ts checks this over the authority's histories).
 */
export const MONEY_KINDS: readonly DecisionKind[] = [
  'order.received', 'order.cancelled', 'refund.approved', 'claim.compensated', 'wallet.credited', 'withdrawal.paid',
];

/** Revenue no order line can be found for (never made by today's authority; kept so sums stay whole). */
export const UNATTRIBUTED = '' as ProductId;

/** One day's money, in minor units; every figure but `revenue` is zero or more. */
export interface DayMoney {
  /** Net revenue: sales minus refunds taken back from revenue. */
  revenue: number;
  /** Revenue from orders received (decisions that added to revenue). */
  sales: number;
  /** Revenue given back (refunds and claims of orders already paid to the shop). */
  refunds: number;
  /** Compensation paid for counterfeit claims, beyond the price given back. */
  compensation: number;
  /** Money from outside: wallet credits, demo top-ups, cash paid at pickup. */
  cashIn: number;
  /** Money paid out: withdrawals. */
  cashOut: number;
  /** Orders whose money became revenue that day. */
  received: number;
  /** Net revenue by product. */
  byProduct: Map<ProductId, number>;
}

export interface MoneyByDay {
  days: Map<DayKey, DayMoney>;
  /** Each product's name as of the latest decision that named it. */
  names: Map<ProductId, { name: string; n: number }>;
  /** How many decisions were folded. */
  decisions: number;
}

/** The parts of a decision the dashboard reads (a whole `Decision` will do). */
export type MoneyDecision = Pick<Decision, 'n' | 'at' | 'postings'> & {
  set: { orders?: readonly { lines: readonly { productId: ProductId; name: string; qty: number; unitPrice: number }[] }[] };
};

export function emptyMoney(): MoneyByDay {
  return { days: new Map(), names: new Map(), decisions: 0 };
}

export function emptyDay(): DayMoney {
  return { revenue: 0, sales: 0, refunds: 0, compensation: 0, cashIn: 0, cashOut: 0, received: 0, byProduct: new Map() };
}

/** A copy that can be folded into without changing the original. */
export function copyMoney(m: MoneyByDay): MoneyByDay {
  const days = new Map<DayKey, DayMoney>();
  for (const [k, d] of m.days) days.set(k, { ...d, byProduct: new Map(d.byProduct) });
  return { days, names: new Map(m.names), decisions: m.decisions };
}

/** Folds decisions into `into` (changing it) and returns it; a decision with no money is skipped. */
export function foldMoney(into: MoneyByDay, decisions: Iterable<MoneyDecision>, zone: Zone): MoneyByDay {
  for (const d of decisions) {
    into.decisions += 1;
    let revenue = 0;
    let compensation = 0;
    let cashIn = 0;
    let cashOut = 0;
    let touched = false;
    for (const p of d.postings) {
      if (p.account === 'revenue') revenue += p.amount;
      else if (p.account === 'compensation') compensation -= p.amount;
      else if (p.account === 'cash') {
        if (p.amount < 0) cashIn -= p.amount;
        else cashOut += p.amount;
      } else continue;
      touched = true;
    }
    if (!touched) continue;
    const key = zone.dayOf(d.at);
    let day = into.days.get(key);
    if (!day) into.days.set(key, (day = emptyDay()));
    day.revenue += revenue;
    if (revenue > 0) {
      day.sales += revenue;
      day.received += 1;
    } else day.refunds -= revenue;
    day.compensation += compensation;
    day.cashIn += cashIn;
    day.cashOut += cashOut;
    if (revenue !== 0) attribute(into, day, d, revenue);
  }
  return into;
}

/** Shares a decision's revenue among its orders' lines, by what each line charged. */
function attribute(into: MoneyByDay, day: DayMoney, d: MoneyDecision, revenue: number): void {
  const lines = (d.set.orders ?? []).flatMap((o) => o.lines);
  if (lines.length === 0) {
    day.byProduct.set(UNATTRIBUTED, (day.byProduct.get(UNATTRIBUTED) ?? 0) + revenue);
    return;
  }
  const parts = splitByWeights(revenue, lines.map((l) => l.unitPrice * l.qty));
  lines.forEach((l, i) => {
    day.byProduct.set(l.productId, (day.byProduct.get(l.productId) ?? 0) + parts[i]!);
    const known = into.names.get(l.productId);
    if (!known || d.n >= known.n) into.names.set(l.productId, { name: l.name, n: d.n });
  });
}
