/**
 * The Money tab's sales (src/engines/dashboard/sales.ts): one basis for the headline, its parts
 * and the charts. Before it, the tab led with "Sales ¥36" (orders the shop took, escrow
 * included) above "Revenue by day ¥0 · Orders received 0" (the ledger's revenue, counted only
 * once buyers confirm receipt): two bases, read as a contradiction.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide, emptyState, type Order, type OrderId } from '../../src/domain/index.ts';
import { emptyMoney, foldMoney } from '../../src/engines/dashboard/aggregate.ts';
import { isSale, salesByDay, salesTotals, type SalesTotals } from '../../src/engines/dashboard/sales.ts';
import { summarize } from '../../src/engines/dashboard/summary.ts';
import { namedZone } from '../../src/engines/dashboard/zone.ts';
import { buildHistory, historySpec } from '../domain/fixtures/histories.ts';
import { buyer, HOUR, intent, line, m, openShop, order, product, seller, SHIP } from '../domain/fixtures/shop.ts';

const SHANGHAI = namedZone('Asia/Shanghai');
const at = (day: string, hours: number) => SHANGHAI.startOf(day) + hours * HOUR;
const ann = buyer('ann');
const bo = buyer('bo');
const parts = (t: SalesTotals) => t.paid + t.escrow + t.toCollect + t.refunded;

/** A shop's day: ann's order paid into escrow and shipped, bo's to pay at pickup, one refused. */
function aDay() {
  const state = openShop([{ product: product('tea', { price: m(1200) }), stock: 50 }, { product: product('cup', { price: m(800) }), stock: 2 }]);
  const credit = seller('wallet.credit', { buyer: ann, amount: m(100_000), method: 'cash', note: '' }, at('2026-11-15', 8));
  const paid = order(ann, at('2026-11-15', 10), [line('tea', 2), line('cup', 1)], 4000, { delivery: SHIP }); // 24 + 8 + 8 shipping
  const atPickup = order(bo, at('2026-11-15', 11), [line('tea', 1)], 1200, { payment: 'on-pickup' });
  const refused = order(ann, at('2026-11-15', 12), [line('cup', 5)], 4000);
  const ship = seller('order.ship', { orderId: paid.id as string as OrderId, carrier: 'SF', tracking: 'SF1' }, at('2026-11-15', 14));
  return { ...decide(state, [credit, paid, atPickup, refused, ship], at('2026-11-15', 15)), paid, atPickup, refused };
}
const ordersOf = (state: ReturnType<typeof aDay>['state']): Order[] => [...state.orders.values()].map((v) => v.value);

describe('the period’s sales, escrow included', () => {
  it('count an order the shop took on the day it was placed, in the headline and the chart alike, while its money is in escrow', () => {
    const { state, decisions, refused } = aDay();
    expect(state.orders.get(refused.id as string as OrderId)?.value.status).toBe('rejected');
    const orders = ordersOf(state);
    const totals = salesTotals(orders);
    expect(totals).toEqual({ orders: 2, amount: 5200, paid: 0, escrow: 4000, toCollect: 1200, refunded: 0, refunds: 0 });
    const week = summarize(salesByDay(orders, SHANGHAI), '7d', '2026-11-15');
    // The chart says what the headline says (it said ¥0 when it charted the ledger's revenue).
    expect(week.totals.revenue).toBe(totals.amount);
    expect(week.bars.find((b) => b.from === '2026-11-15')).toMatchObject({ revenue: 5200, received: 2 });
    expect(week.products.map((p) => [p.name, p.revenue])).toEqual([['tea', 4200], ['cup', 1000]]); // ann's 40.00: tea 30.00, cup 10.00; bo's tea 12.00
    // The ledger's revenue, which the chart showed before: nothing until receipt is confirmed.
    expect(summarize(foldMoney(emptyMoney(), decisions, SHANGHAI), '7d', '2026-11-15').totals.revenue).toBe(0);
  });

  it('moves an order’s money from escrow to paid, then to refunded, the sales staying what they were', () => {
    const day = aDay();
    const id = day.paid.id as string as OrderId;
    const received = decide(day.state, [intent('order.confirm-receipt', ann, at('2026-11-16', 9), { orderId: id })], at('2026-11-16', 9));
    const handed = decide(received.state, [seller('order.ready', { orderId: day.atPickup.id as string as OrderId }, at('2026-11-16', 10)),
      seller('order.hand-over', { orderId: day.atPickup.id as string as OrderId }, at('2026-11-16', 11))], at('2026-11-16', 11));
    const refunded = decide(handed.state, [intent('refund.request', ann, at('2026-11-17', 9), { orderId: id, reason: 'broken' }),
      seller('refund.approve', { orderId: id }, at('2026-11-17', 10))], at('2026-11-17', 10));
    const steps = [day.state, received.state, handed.state, refunded.state].map((s) => salesTotals(ordersOf(s)));
    expect(steps.map((t) => [t.paid, t.escrow, t.toCollect, t.refunded, t.refunds])).toEqual([
      [0, 4000, 1200, 0, 0], [4000, 0, 1200, 0, 0], [5200, 0, 0, 0, 0], [1200, 0, 0, 4000, 1],
    ]);
    for (const t of steps) expect([t.orders, t.amount, parts(t)]).toEqual([2, 5200, 5200]);
  });

  it('leave out what the shop did not take: refused, cancelled, a team still forming', () => {
    for (const status of ['rejected', 'cancelled', 'team-forming'] as const) expect(isSale({ status })).toBe(false);
    for (const status of ['accepted', 'shipped', 'received', 'refunded', 'compensated'] as const) expect(isSale({ status })).toBe(true);
  });

  it('add up over long random histories: parts to the sales, days and products to the total, paid to the ledger’s revenue', () => {
    fc.assert(fc.property(historySpec({ stories: { min: 6, max: 30 }, noise: { max: 30 } }), fc.constantFrom('Asia/Shanghai', 'America/New_York', 'UTC'), (spec, tz) => {
      const history = buildHistory(spec);
      const { state } = decide(emptyState(), history.intents, history.end);
      const zone = namedZone(tz);
      const orders = [...state.orders.values()].map((v) => v.value);
      const totals = salesTotals(orders);
      expect(parts(totals)).toBe(totals.amount);
      const all = summarize(salesByDay(orders, zone), 'all', zone.dayOf(history.end));
      expect([all.totals.revenue, all.totals.received]).toEqual([totals.amount, totals.orders]);
      expect(all.products.reduce((s, p) => s + p.revenue, 0)).toBe(totals.amount);
      // What the tab calls paid to the seller is what the ledger's revenue account holds.
      expect(totals.paid).toBe((state.balances.get('revenue') as number | undefined) ?? 0);
    }), { numRuns: 60 });
  }, 120_000);
});
