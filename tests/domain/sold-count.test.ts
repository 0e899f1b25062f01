import { describe, expect, it } from 'vitest';
import { apply, batchDraft, canMove, countsAsSold, soldMayChange, type OrderStatus, emptyState, foldBatch, soldOfOrders, soldShown, type Decision, type Order } from '../../src/domain/index.ts';
import { CUP, decisions, TEA } from './fixtures/events-fixture.ts';

// A product's units sold ("1.2K sold" on a card): counted by the one fold from the orders a
// device holds, and shown as the larger of that and what the shop published (domain/sold-count.ts).
describe('units sold', () => {
  const d = decisions();
  const soldAfter = (...list: Decision[]) => Object.fromEntries(apply(emptyState(), list).usage.sold);
  // The fixture's decisions are numbered in the order they were made; a later status needs a higher number.
  const later = (x: Decision, n: number): Decision => ({ ...x, n });

  it('counts the units of an order the shop accepted, per product', () => {
    expect(soldAfter(d['order.accepted'])).toEqual({ [TEA]: 2, [CUP]: 1 });
  });

  it('keeps them through shipping, receipt and a claim; takes them back on a refund or a cancellation', () => {
    const accepted = later(d['order.accepted'], 100);
    expect(soldAfter(accepted, later(d['order.shipped'], 101), later(d['claim.compensated'], 102))).toEqual({ [TEA]: 2, [CUP]: 1 });
    expect(soldAfter(accepted, later(d['refund.approved'], 101))).toEqual({});
    expect(soldAfter(accepted, later(d['order.cancelled'], 101))).toEqual({});
    // Folded in any order, the newest status wins and the count follows it.
    expect(soldAfter(later(d['refund.approved'], 101), accepted)).toEqual({});
  });

  it('does not count a team still forming, nor a rejected order', () => {
    const order = d['order.accepted'].set.orders![0]!;
    expect(countsAsSold({ status: 'team-forming' })).toBe(false);
    expect(countsAsSold({ status: 'rejected' })).toBe(false);
    expect(soldOfOrders([{ ...order, status: 'team-forming' } as Order])).toEqual(new Map());
    expect(soldOfOrders([order, { ...order, status: 'finished' } as Order])).toEqual(new Map([[TEA, 4], [CUP, 2]]));
  });

  it("gives storage a batch's change, not the total: adding it to what was stored gives the fold's count", () => {
    const accepted = later(d['order.accepted'], 100);
    const first = foldBatch(batchDraft(), [accepted]);
    expect(Object.fromEntries(first.sold)).toEqual({ [TEA]: 2, [CUP]: 1 });
    // The next batch starts from the stored rows (the order as stored), and changes the count by -2 and -1.
    const draft = batchDraft();
    draft.orders.set(accepted.set.orders![0]!.id, { n: 100, value: accepted.set.orders![0]! });
    const refund = foldBatch(draft, [later(d['refund.approved'], 101)]);
    expect(Object.fromEntries(refund.sold)).toEqual({ [TEA]: -2, [CUP]: -1 });
  });

  it("shows the larger of this device's count and the shop's published figure", () => {
    expect(soldShown(3, undefined)).toBe(3);
    expect(soldShown(1, 1200)).toBe(1200);
    expect(soldShown(5, 4)).toBe(5);
    expect(soldShown(0, undefined)).toBe(0);
  });
  it('says which statuses may change a product\'s units sold: every move across countsAsSold, and an order taken; never a shipment or a receipt', () => {
    const all: OrderStatus[] = ['team-forming', 'accepted', 'shipped', 'ready-for-pickup', 'received', 'finished', 'rejected', 'cancelled', 'refund-requested', 'refunded', 'claim-filed', 'compensated'];
    for (const from of all) for (const to of all) {
      if (canMove(from, to) && countsAsSold({ status: from }) !== countsAsSold({ status: to })) expect(soldMayChange(to), `${from} → ${to}`).toBe(true);
    }
    expect(all.filter(soldMayChange).sort()).toEqual(['accepted', 'cancelled', 'refunded']);
  });
});
