/**
 * The Money and Customers tabs' reads over a real (fake-indexeddb) database: the dashboard
 * kept per database and read incrementally stays exact, even when a decision arrives out of
 * journal order; customers come from wallets, orders and withdrawals.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { decide, type BuyerId, type Decision, type Intent, type OrderId } from '../../src/domain/index.ts';
import { ShopDb, storeDecisions } from '../../src/storage/index.ts';
import { emptyMoney, foldMoney } from '../../src/engines/dashboard/aggregate.ts';
import { summarize } from '../../src/engines/dashboard/summary.ts';
import { namedZone } from '../../src/engines/dashboard/zone.ts';
import { moneyDashboard, sellerCustomers } from '../../src/app/queries/money.ts';
import { sellerInbox } from '../../src/app/queries/seller-inbox.ts';
import { buyer, DAY, HOUR, intent, line, m, openShop, order, product, seller, T0 } from '../domain/fixtures/shop.ts';

const zone = namedZone('Asia/Shanghai');
let dbs = 0;
const freshDb = () => new ShopDb(`dashboard-${++dbs}-${Math.random()}`);

/** Ten days of orders for pickup by three buyers, all received (a few refunded), and a withdrawal left pending. */
function history(): { decisions: Decision[]; end: number } {
  const setup = openShop([{ product: product('tea', { price: m(1200) }), stock: 500 }, { product: product('cup', { price: m(800) }), stock: 500 }]);
  const buyers = ['ann', 'bo', 'cy'].map(buyer);
  const intents: Intent[] = buyers.map((b) => seller('wallet.credit', { buyer: b, amount: m(500_000), method: 'cash', note: '' }, T0));
  for (let k = 0; k < 30; k++) {
    const b = buyers[k % 3]!;
    const t = T0 + HOUR + k * 8 * HOUR;
    const placed = order(b, t, k % 2 ? [line('tea', 1), line('cup', 2)] : [line('cup', 1)], 10_000);
    const orderId = placed.id as string as OrderId;
    intents.push(placed, seller('order.ready', { orderId }, t + HOUR), intent('order.confirm-receipt', b, t + 2 * HOUR, { orderId }));
    if (k % 7 === 3) intents.push(intent('refund.request', b, t + 3 * HOUR, { orderId, reason: 'no' }), seller('refund.approve', { orderId }, t + 4 * HOUR));
  }
  intents.push(intent('withdrawal.request', buyer('cy'), T0 + 9 * DAY, { amount: m(1000) }));
  const end = T0 + 10 * DAY;
  // The shop's setup (products, no money) is left out: the journal here starts after it.
  return { decisions: decide(setup, intents, end).decisions, end };
}

const pure = (decisions: Decision[], now: number) => summarize(foldMoney(emptyMoney(), decisions, zone), 'all', zone.dayOf(now));

describe('the Money tab’s read', () => {
  it('equals the pure sums, read whole, then step by step, then after a decision arrives out of order', async () => {
    const { decisions, end } = history();
    const db = freshDb();
    const money = decisions.filter((d) => d.postings.length > 0);
    const late = money.find((d) => d.kind === 'refund.approved')!;
    const first = decisions.slice(0, 60).filter((d) => d !== late);
    await storeDecisions(db, first);
    expect((await moneyDashboard(db, 'all', end, zone)).summary).toEqual(pure(first, end));

    const second = decisions.slice(60).filter((d) => d !== late);
    await storeDecisions(db, second);
    const without = [...first, ...second];
    expect((await moneyDashboard(db, 'all', end, zone)).summary).toEqual(pure(without, end));

    // Another device's sync brings an older decision now: its number is below the last one read.
    await storeDecisions(db, [late]);
    const after = await moneyDashboard(db, 'all', end, zone);
    expect(after.summary).toEqual(pure(decisions, end));
    expect(after.summary.totals.refunds).toBeGreaterThan(0);
    expect(after.ledger).toMatchObject({ sum: 0, balanced: true });
    expect(after.ledger.revenue).toBe(after.summary.totals.revenue);
    expect((await moneyDashboard(db, '7d', end, zone)).summary).toEqual(summarize(foldMoney(emptyMoney(), decisions, zone), '7d', zone.dayOf(end)));
    db.close();
  });

  it('lists every customer with balances, orders, last order and pending withdrawals', async () => {
    const { decisions } = history();
    const db = freshDb();
    await storeDecisions(db, decisions);
    const customers = await sellerCustomers(db);
    expect(customers.map((c) => c.buyer)).toEqual(['ann', 'bo', 'cy']);
    const cy = customers[2]!;
    expect(cy.orders).toBe(10);
    expect(cy.escrow).toBe(1000);
    expect(cy.pending.map((w) => w.amount)).toEqual([1000]);
    expect(cy.lastOrderAt).toBe(Math.max(...decisions.flatMap((d) => d.set.orders ?? []).filter((o) => o.buyer === ('cy' as BuyerId)).map((o) => o.placedAt)));
    expect(customers[0]!.pending).toEqual([]);
    db.close();
  });

  it('gives the inbox the shop’s latest decisions on orders, newest first, reading the journal backwards', async () => {
    const { decisions } = history();
    const db = freshDb();
    await storeDecisions(db, decisions);
    const expected = decisions.filter((d) => d.kind === 'order.accepted' || d.kind === 'order.rejected').sort((a, b) => b.n - a.n).slice(0, 10);
    const inbox = await sellerInbox(db);
    expect(inbox.recent.map((r) => r.id)).toEqual(expected.map((d) => d.id));
    expect(inbox.withdrawals.map((w) => w.buyer)).toEqual(['cy']);
    db.close();
  });
});
