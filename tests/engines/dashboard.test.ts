/**
 * The Money tab's sums (src/app/dashboard/): money by local day from the authority's own
 * decisions, revenue shared among an order's lines to the last fen, periods that start at
 * local midnight, and the ledger's check.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decide, emptyState, type Decision, type OrderId, type ProductId, type WithdrawalId,
} from '../../src/domain/index.ts';
import { copyMoney, emptyMoney, foldMoney, MONEY_KINDS, type MoneyDecision } from '../../src/engines/dashboard/aggregate.ts';
import { checkLedger } from '../../src/engines/dashboard/ledger-check.ts';
import { splitByWeights } from '../../src/engines/dashboard/split.ts';
import { summarize, topProducts } from '../../src/engines/dashboard/summary.ts';
import { addDays, localZone, namedZone } from '../../src/engines/dashboard/zone.ts';
import { buildHistory, historySpec } from '../domain/fixtures/histories.ts';
import { buyer, HOUR, intent, line, m, openShop, order, product, seller, SHIP } from '../domain/fixtures/shop.ts';

const SHANGHAI = namedZone('Asia/Shanghai');
/** An instant by the clock on a wall in Shanghai. */
const at = (day: string, hours: number, minutes = 0) => SHANGHAI.startOf(day) + hours * HOUR + minutes * 60_000;
const ann = buyer('ann');
const bo = buyer('bo');

/** A decision with only what the dashboard reads: `amount` moved from ann's escrow to revenue. */
function received(n: number, when: number, amount: number, lines: [string, number, number][]): MoneyDecision {
  return {
    n,
    at: when,
    postings: [{ account: 'escrow', buyer: ann, amount: m(-amount) }, { account: 'revenue', amount: m(amount) }],
    set: { orders: [{ lines: lines.map(([id, qty, unitPrice]) => ({ productId: id as ProductId, name: id, qty, unitPrice })) }] },
  };
}

/** A week of a small shop in Shanghai, decided by the authority itself. */
function aWeek() {
  const state = openShop([{ product: product('tea', { price: m(1200) }), stock: 50 }, { product: product('cup', { price: m(800) }), stock: 50 }]);
  const funds = [ann, bo].map((b) => seller('wallet.credit', { buyer: b, amount: m(100_000), method: 'cash', note: '' }, at('2026-11-11', 8)));
  // Shipping is 8.00: 2 tea + 1 cup + shipping = 40.00; 1 tea = 20.00; 1 cup = 16.00.
  const o1 = order(ann, at('2026-11-11', 10), [line('tea', 2), line('cup', 1)], 4000, { delivery: SHIP });
  const o2 = order(ann, at('2026-11-11', 11), [line('tea', 1)], 2000, { delivery: SHIP });
  const o3 = order(bo, at('2026-11-11', 12), [line('cup', 1)], 1600, { delivery: SHIP });
  const id = (o: { id: string }) => o.id as OrderId;
  const withdrawal = intent('withdrawal.request', ann, at('2026-11-14', 9), { amount: m(5000) });
  const intents = [
    ...funds, o1, o2, o3,
    ...[o1, o2, o3].map((o, i) => seller('order.ship', { orderId: id(o), carrier: 'SF', tracking: `SF${i}` }, at('2026-11-11', 14))),
    intent('order.confirm-receipt', ann, at('2026-11-12', 9), { orderId: id(o1) }),
    intent('order.confirm-receipt', ann, at('2026-11-12', 10), { orderId: id(o2) }),
    intent('order.confirm-receipt', bo, at('2026-11-12', 11), { orderId: id(o3) }),
    intent('refund.request', ann, at('2026-11-13', 9), { orderId: id(o2), reason: 'broken' }),
    seller('refund.approve', { orderId: id(o2) }, at('2026-11-13', 10)),
    intent('claim.file', bo, at('2026-11-14', 8), { orderId: id(o3), reason: 'fake' }),
    seller('claim.compensate', { orderId: id(o3) }, at('2026-11-14', 10)),
    withdrawal,
    seller('withdrawal.pay', { withdrawalId: withdrawal.id as string as WithdrawalId, note: 'bank' }, at('2026-11-14', 11)),
  ];
  return decide(state, intents, at('2026-11-15', 12));
}

describe('money by day, from the authority’s decisions', () => {
  const { decisions, state } = aWeek();
  const money = foldMoney(emptyMoney(), decisions, SHANGHAI);
  const week = summarize(money, '7d', '2026-11-15');
  const bar = (day: string) => week.bars.find((b) => b.from === day)!;

  it('counts revenue on the day receipt is confirmed, and refunds and claims take it back', () => {
    expect(week.from).toBe('2026-11-09');
    expect(week.bars.map((b) => b.from)).toEqual(['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13', '2026-11-14', '2026-11-15']);
    expect(bar('2026-11-11')).toMatchObject({ revenue: 0, cashIn: 200_000 });
    expect(bar('2026-11-12')).toMatchObject({ revenue: 7600, sales: 7600, received: 3, refunds: 0 });
    expect(bar('2026-11-13')).toMatchObject({ revenue: -2000, sales: 0, refunds: 2000 });
    // A counterfeit claim: the price back from revenue, plus 3 × the goods (16.00 − 8.00 shipping) from compensation.
    expect(bar('2026-11-14')).toMatchObject({ revenue: -1600, refunds: 1600, compensation: 2400, cashOut: 5000 });
    expect(week.totals).toMatchObject({ revenue: 4000, sales: 7600, refunds: 3600, compensation: 2400, cashIn: 200_000, cashOut: 5000, received: 3 });
    expect(week.totals.revenue).toBe(state.balances.get('revenue'));
    expect(week.totals.compensation + (state.balances.get('compensation') ?? 0)).toBe(0);
  });

  it('shares an order’s revenue among its lines by what each charged, shipping included', () => {
    // Order 1: 40.00 over tea 24.00 and cup 8.00 → tea 30.00, cup 10.00; orders 2 and 3 came back in full.
    expect(week.products.map((p) => [p.name, p.revenue])).toEqual([['tea', 3000], ['cup', 1000]]);
    const day12 = summarize(money, '7d', '2026-11-12').products;
    expect(day12.map((p) => [p.name, p.revenue])).toEqual([['tea', 5000], ['cup', 2600]]);
  });

  it('reads only the kinds of decision that can move the shop’s money', () => {
    const shopMoney = decisions.filter((d) => d.postings.some((p) => p.account === 'revenue' || p.account === 'cash' || p.account === 'compensation'));
    expect(shopMoney.length).toBeGreaterThan(0);
    for (const d of shopMoney) expect(MONEY_KINDS).toContain(d.kind);
    const onlyThose = foldMoney(emptyMoney(), decisions.filter((d) => MONEY_KINDS.includes(d.kind)), SHANGHAI);
    expect(summarize(onlyThose, 'all', '2026-11-15')).toEqual(summarize(money, 'all', '2026-11-15'));
  });

  it('folds in steps to the same figures as all at once, leaving the copy it started from alone', () => {
    const half = foldMoney(emptyMoney(), decisions.slice(0, 12), SHANGHAI);
    const before = summarize(half, 'all', '2026-11-15');
    const whole = foldMoney(copyMoney(half), decisions.slice(12), SHANGHAI);
    expect(summarize(half, 'all', '2026-11-15')).toEqual(before);
    expect(summarize(whole, 'all', '2026-11-15')).toEqual(summarize(money, 'all', '2026-11-15'));
  });

  it('checks that every account adds up to zero, and says by how much when not', () => {
    const ok = checkLedger([...state.balances].map(([account, amount]) => ({ account, amount })));
    expect(ok).toMatchObject({ sum: 0, balanced: true, revenue: 4000, compensation: -2400 });
    expect(ok.available + ok.escrow + ok.revenue + ok.cash + ok.compensation).toBe(0);
    const off = checkLedger([{ account: 'revenue', amount: m(500) }, { account: `available:${ann}`, amount: m(-400) }]);
    expect(off).toMatchObject({ sum: 100, balanced: false, accounts: 2 });
  });
});

describe('periods in the shop’s time zone', () => {
  it('starts a day at local midnight: a sale a millisecond before it counts the day before', () => {
    const midnight = at('2026-11-12', 0);
    expect(new Date(midnight).toISOString()).toBe('2026-11-11T16:00:00.000Z');
    const money = foldMoney(emptyMoney(), [
      received(1, midnight - 1, 1000, [['tea', 1, 1000]]),
      received(2, midnight, 2000, [['cup', 1, 2000]]),
    ], SHANGHAI);
    expect([...money.days.keys()].sort()).toEqual(['2026-11-11', '2026-11-12']);
    // Seven days ending 2026-11-17 begin on the 11th; ending the 18th, on the 12th.
    expect(summarize(money, '7d', '2026-11-17').totals.revenue).toBe(3000);
    const later = summarize(money, '7d', '2026-11-18');
    expect(later.from).toBe('2026-11-12');
    expect(later.totals.revenue).toBe(2000);
    expect(later.products.map((p) => p.name)).toEqual(['cup']);
  });

  it('knows days of 23 hours where clocks change, and agrees with the device’s own zone', () => {
    const ny = namedZone('America/New_York');
    expect(ny.startOf('2026-03-09') - ny.startOf('2026-03-08')).toBe(23 * HOUR);
    expect(ny.startOf('2026-11-02') - ny.startOf('2026-11-01')).toBe(25 * HOUR);
    expect(ny.dayOf(ny.startOf('2026-03-09') - 1)).toBe('2026-03-08');
    expect(new Date(ny.startOf('2026-07-01')).toISOString()).toBe('2026-07-01T04:00:00.000Z');
    const device = localZone();
    const same = namedZone(device.id);
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 7 * HOUR + 13 * 60_000) expect(device.dayOf(t)).toBe(same.dayOf(t));
    expect(device.startOf('2026-03-29')).toBe(same.startOf('2026-03-29'));
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2024-02-27', 2)).toBe('2024-02-29');
  });

  it('shows long periods by week, then by month, with every day in exactly one bar', () => {
    const days = (from: string, count: number, every: number) =>
      Array.from({ length: count }, (_, i) => received(i + 1, at(addDays(from, i * every), 12), 100 + i, [['tea', 1, 100]]));
    const half = foldMoney(emptyMoney(), days('2026-01-01', 40, 5), SHANGHAI); // 196 days
    const byWeek = summarize(half, 'all', '2026-07-15');
    expect(byWeek.unit).toBe('week');
    expect(byWeek.bars.at(-1)).toMatchObject({ from: '2026-07-09', to: '2026-07-15' });
    expect(byWeek.bars[0]!.from).toBe('2026-01-01');
    const two = foldMoney(emptyMoney(), days('2024-01-01', 80, 10), SHANGHAI);
    const byMonth = summarize(two, 'all', '2026-03-03');
    expect(byMonth.unit).toBe('month');
    expect(byMonth.bars[1]).toMatchObject({ from: '2024-02-01', to: '2024-02-29' });
    expect(byMonth.bars.at(-1)).toMatchObject({ from: '2026-03-01', to: '2026-03-03' });
    for (const s of [byWeek, byMonth]) {
      expect(s.bars.reduce((sum, b) => sum + b.revenue, 0)).toBe(s.totals.revenue);
      for (let i = 1; i < s.bars.length; i++) expect(addDays(s.bars[i - 1]!.to, 1)).toBe(s.bars[i]!.from);
    }
    expect(summarize(two, '90d', '2026-03-03').bars).toHaveLength(90);
  });

  it('keeps the top products and adds up the rest', () => {
    const products = ['a', 'b', 'c'].map((name, i) => ({ productId: name as ProductId, name, revenue: 30 - i }));
    expect(topProducts(products, 2)).toEqual({ top: products.slice(0, 2), rest: { count: 1, revenue: 28 } });
    expect(topProducts(products, 3)).toEqual({ top: products });
  });
});

describe('splitting an amount by weights', () => {
  it('gives whole parts that add up to the whole, leftovers to the largest remainders', () => {
    expect(splitByWeights(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(splitByWeights(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(splitByWeights(10, [2, 1])).toEqual([7, 3]);
    expect(splitByWeights(5, [0, 0])).toEqual([3, 2]);
    expect(splitByWeights(0, [3, 4])).toEqual([0, 0]);
    const huge = 2 ** 52;
    const parts = splitByWeights(huge, [2 ** 40, 2 ** 40 + 1, 3]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(huge);
  });

  it('always adds up exactly, each part within one unit of its exact share', () => {
    fc.assert(fc.property(
      fc.integer({ min: -1e12, max: 1e12 }),
      fc.array(fc.nat(1e7), { minLength: 1, maxLength: 12 }),
      (total, weights) => {
        const parts = splitByWeights(total, weights);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        const sum = weights.reduce((a, b) => a + b, 0);
        parts.forEach((p, i) => {
          const exact = sum === 0 ? total / weights.length : (total * weights[i]!) / sum;
          expect(Math.abs(p - exact)).toBeLessThan(1 + 1e-6 * Math.abs(exact));
          expect(Number.isSafeInteger(p)).toBe(true);
        });
        expect(splitByWeights(total, weights)).toEqual(parts);
      },
    ));
  });
});

describe('over long random histories decided by the authority', () => {
  it('sums revenue by product to the revenue total exactly, and agrees with the ledger', () => {
    fc.assert(fc.property(historySpec({ stories: { min: 6, max: 30 }, noise: { max: 30 } }), fc.constantFrom('Asia/Shanghai', 'America/New_York', 'UTC'), (spec, tz) => {
      const history = buildHistory(spec);
      const { decisions, state } = decide(emptyState(), history.intents, history.end);
      const zone = namedZone(tz);
      const money = foldMoney(emptyMoney(), decisions, zone);
      const all = summarize(money, 'all', zone.dayOf(history.end));
      expect(all.products.reduce((s, p) => s + p.revenue, 0)).toBe(all.totals.revenue);
      for (const day of money.days.values()) {
        expect([...day.byProduct.values()].reduce((a, b) => a + b, 0)).toBe(day.revenue);
      }
      const balance = (k: string) => (state.balances.get(k as never) as number | undefined) ?? 0;
      expect(all.totals.revenue).toBe(balance('revenue'));
      expect(all.totals.compensation + balance('compensation')).toBe(0);
      expect(all.totals.cashIn - all.totals.cashOut + balance('cash')).toBe(0);
      expect(all.totals.sales - all.totals.refunds).toBe(all.totals.revenue);
      for (const d of decisions as Decision[]) {
        if (d.postings.some((p) => p.account === 'revenue' || p.account === 'cash' || p.account === 'compensation')) expect(MONEY_KINDS).toContain(d.kind);
      }
      expect(checkLedger([...state.balances].map(([account, amount]) => ({ account, amount }))).balanced).toBe(true);
    }), { numRuns: 100 });
  }, 120_000);
});
