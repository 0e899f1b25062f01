import { describe, expect, it } from 'vitest';
import {
  balance, buyer, DAY, decisionFor, fund, HOUR, line, m, openShop, order, orderOf, product, run, seller, SHIP, T0, intent,
} from './fixtures/shop.ts';
import type { OrderId } from '../../src/domain/index.ts';

const ann = buyer('ann');
const bo = buyer('bo');

function shopWithTea(stock = 5) {
  return fund(openShop([{ product: product('tea', { price: m(1000) }), stock }]), { ann: 10_000, bo: 10_000 });
}

describe('placing an order', () => {
  it('accepts a wallet order: money to escrow, stock taken', () => {
    const s0 = shopWithTea();
    const o = order(ann, T0 + 1000, [line('tea', 2)], 2000);
    const { decisions, state } = run(s0, [o], T0 + 2000);
    expect(decisions.map((d) => d.kind)).toEqual(['order.accepted']);
    expect(orderOf(state, o.id)?.status).toBe('accepted');
    expect(balance(state, 'available:ann')).toBe(8000);
    expect(balance(state, 'escrow:ann')).toBe(2000);
    expect(state.inventory.get(line('tea').productId)?.value.stock).toBe(3);
  });

  it('gives the last unit to whoever the server says sent first, whatever order the batch lists them', () => {
    const s0 = shopWithTea(1);
    const late = order(bo, T0 + 2000, [line('tea')], 1000);
    const early = order(ann, T0 + 1000, [line('tea')], 1000);
    const { decisions, state } = run(s0, [late, early], T0 + 5000);
    expect(decisionFor(decisions, early.id)?.kind).toBe('order.accepted');
    const lost = decisionFor(decisions, late.id);
    expect(lost?.kind).toBe('order.rejected');
    expect(lost?.reason).toBe('out-of-stock');
    expect(orderOf(state, late.id)?.status).toBe('rejected');
    expect(state.inventory.get(line('tea').productId)?.value.stock).toBe(0);
    expect(balance(state, 'available:bo')).toBe(10_000);
  });

  it('breaks a tie in send time by id, the same on every device', () => {
    const s0 = shopWithTea(1);
    const a = order(ann, T0 + 1000, [line('tea')], 1000);
    const b = order(bo, T0 + 1000, [line('tea')], 1000);
    const first = a.id < b.id ? a : b;
    expect(decisionFor(run(s0, [b, a], T0 + 2000).decisions, first.id)?.kind).toBe('order.accepted');
    expect(decisionFor(run(s0, [a, b], T0 + 2000).decisions, first.id)?.kind).toBe('order.accepted');
  });

  it('rejects a price that went up while the buyer was offline, and says both prices', () => {
    let s = shopWithTea();
    const offlineOrder = order(ann, T0 + 3 * HOUR, [line('tea')], 1000);
    s = run(s, [seller('product.save', { product: product('tea', { price: m(1200) }), stock: 5 }, T0 + HOUR)], T0 + HOUR).state;
    const { decisions, state } = run(s, [offlineOrder], T0 + 4 * HOUR);
    const d = decisionFor(decisions, offlineOrder.id);
    expect(d?.reason).toBe('price-changed');
    expect(d?.message).toMatch(/1000.*1200/);
    expect(balance(state, 'escrow:ann')).toBe(0);
  });

  it('charges the lower price when the price went down', () => {
    let s = shopWithTea();
    s = run(s, [seller('product.save', { product: product('tea', { price: m(800) }), stock: 5 }, T0 + HOUR)], T0 + HOUR).state;
    const o = order(ann, T0 + 2 * HOUR, [line('tea')], 1000);
    const { state } = run(s, [o], T0 + 3 * HOUR);
    expect(orderOf(state, o.id)?.total).toBe(800);
    expect(balance(state, 'escrow:ann')).toBe(800);
  });

  it('rejects a wallet order the balance cannot cover, and takes nothing', () => {
    const s0 = openShop([{ product: product('tea'), stock: 5 }]);
    const o = order(ann, T0 + 1000, [line('tea')], 1000);
    const { decisions, state } = run(s0, [o], T0 + 2000);
    expect(decisionFor(decisions, o.id)?.reason).toBe('insufficient-balance');
    expect(state.inventory.get(line('tea').productId)?.value.stock).toBe(5);
  });

  it('accepts pay-on-pickup with no money moved, and refuses pay-on-pickup for a shipped order', () => {
    const s0 = openShop([{ product: product('tea'), stock: 5 }]);
    const ok = order(ann, T0 + 1000, [line('tea')], 1000, { payment: 'on-pickup' });
    const bad = order(ann, T0 + 1001, [line('tea')], 1800, { payment: 'on-pickup', delivery: SHIP });
    const { decisions, state } = run(s0, [ok, bad], T0 + 2000);
    expect(orderOf(state, ok.id)?.status).toBe('accepted');
    expect(decisions.find((d) => d.intentId === ok.id)?.postings).toEqual([]);
    expect(decisionFor(decisions, bad.id)?.reason).toBe('delivery-invalid');
  });

  it('refuses an unknown or hidden product with a clear reason', () => {
    const s0 = fund(openShop([{ product: product('gone', { hidden: true }), stock: 5 }]), { ann: 5000 });
    const a = order(ann, T0 + 1, [line('gone')], 1000);
    const b = order(ann, T0 + 2, [line('nope')], 1000);
    const { decisions } = run(s0, [a, b], T0 + 10);
    expect(decisionFor(decisions, a.id)?.reason).toBe('product-unavailable');
    expect(decisionFor(decisions, b.id)?.reason).toBe('product-unavailable');
  });

  it('decides an intent once, however often it arrives', () => {
    const s0 = shopWithTea();
    const o = order(ann, T0 + 1000, [line('tea')], 1000);
    const first = run(s0, [o, o, o], T0 + 2000);
    expect(first.decisions).toHaveLength(1);
    const again = run(first.state, [o], T0 + 3000);
    expect(again.decisions).toHaveLength(0);
    expect(balance(again.state, 'escrow:ann')).toBe(1000);
  });

  it('gives the same decisions for the same input', () => {
    const s0 = shopWithTea(2);
    const intents = [order(ann, T0 + 5, [line('tea')], 1000), order(bo, T0 + 3, [line('tea', 2)], 2000)];
    expect(run(s0, intents, T0 + 10).decisions).toEqual(run(s0, intents, T0 + 10).decisions);
  });

  it('never uses a send time later than now', () => {
    const s0 = shopWithTea();
    const o = order(ann, T0 + DAY, [line('tea')], 1000);
    const { decisions } = run(s0, [o], T0 + 1000);
    expect(decisions[0]?.at).toBe(T0 + 1000);
  });
});

describe('an order after acceptance', () => {
  function accepted(delivery = SHIP) {
    const s0 = shopWithTea();
    const o = order(ann, T0 + 1000, [line('tea')], delivery.kind === 'ship' ? 1800 : 1000, { delivery });
    return { o, id: o.id as string as OrderId, s: run(s0, [o], T0 + 1000).state };
  }

  it('can be cancelled by the buyer before it leaves: money and stock come back', () => {
    const { o, s } = accepted();
    const c = intent('order.cancel', ann, T0 + 2000, { orderId: o.id as string as OrderId, reason: 'Changed my mind' });
    const { state } = run(s, [c], T0 + 3000);
    expect(orderOf(state, o.id)?.status).toBe('cancelled');
    expect(balance(state, 'available:ann')).toBe(10_000);
    expect(balance(state, 'escrow:ann')).toBe(0);
    expect(state.inventory.get(line('tea').productId)?.value.stock).toBe(5);
  });

  it('cannot be cancelled by the buyer once shipped', () => {
    const { id, s } = accepted();
    const s1 = run(s, [seller('order.ship', { orderId: id, carrier: 'SF', tracking: 'SF1' }, T0 + HOUR)], T0 + HOUR).state;
    const c = intent('order.cancel', ann, T0 + 2 * HOUR, { orderId: id, reason: '' });
    expect(run(s1, [c], T0 + 2 * HOUR).decisions[0]?.reason).toBe('invalid-state');
  });

  it("refuses another buyer's cancel", () => {
    const { id, s } = accepted();
    const c = intent('order.cancel', bo, T0 + 2000, { orderId: id, reason: '' });
    expect(run(s, [c], T0 + 3000).decisions[0]?.reason).toBe('not-your-order');
  });

  it('ships, then releases escrow to revenue when the buyer confirms', () => {
    const { id, s } = accepted();
    const s1 = run(s, [seller('order.ship', { orderId: id, carrier: 'SF', tracking: 'SF1' }, T0 + HOUR)], T0 + HOUR).state;
    expect(orderOf(s1, id)?.tracking).toBe('SF1');
    const { state } = run(s1, [intent('order.confirm-receipt', ann, T0 + DAY, { orderId: id })], T0 + DAY);
    expect(orderOf(state, id)?.status).toBe('received');
    expect(balance(state, 'escrow:ann')).toBe(0);
    expect(balance(state, 'revenue')).toBe(1800);
  });

  it("confirms receipt by itself after the shop's days, and finishes after the refund window", () => {
    const { id, s } = accepted();
    const s1 = run(s, [seller('order.ship', { orderId: id, carrier: 'SF', tracking: 'SF1' }, T0 + HOUR)], T0 + HOUR).state;
    const nine = run(s1, [], T0 + HOUR + 9 * DAY).state;
    expect(orderOf(nine, id)?.status).toBe('shipped');
    const { state, decisions } = run(nine, [], T0 + HOUR + 10 * DAY);
    expect(decisions.map((d) => d.kind)).toEqual(['order.received']);
    expect(orderOf(state, id)?.receivedAt).toBe(T0 + HOUR + 10 * DAY);
    expect(balance(state, 'revenue')).toBe(1800);
    const later = run(state, [], T0 + HOUR + 17 * DAY).state;
    expect(orderOf(later, id)?.status).toBe('finished');
  });

  it('hands a pay-on-pickup order over and takes the cash as revenue; the clock never confirms it', () => {
    const s0 = openShop([{ product: product('tea'), stock: 5 }]);
    const o = order(ann, T0 + 1, [line('tea')], 1000, { payment: 'on-pickup' });
    const id = o.id as string as OrderId;
    let s = run(s0, [o, seller('order.ready', { orderId: id }, T0 + HOUR)], T0 + HOUR).state;
    expect(orderOf(s, id)?.status).toBe('ready-for-pickup');
    s = run(s, [], T0 + 30 * DAY).state;
    expect(orderOf(s, id)?.status).toBe('ready-for-pickup');
    const buyerTry = run(s, [intent('order.confirm-receipt', ann, T0 + 30 * DAY, { orderId: id })], T0 + 30 * DAY);
    expect(buyerTry.decisions[0]?.reason).toBe('invalid-state');
    s = run(s, [seller('order.hand-over', { orderId: id }, T0 + 30 * DAY)], T0 + 30 * DAY).state;
    expect(orderOf(s, id)?.status).toBe('received');
    expect(balance(s, 'revenue')).toBe(1000);
    expect(balance(s, 'cash')).toBe(-1000);
  });

  it('refuses to ship a pickup order or make a shipping order ready', () => {
    const pick = accepted({ kind: 'pickup', pointId: 'p1' as never });
    expect(run(pick.s, [seller('order.ship', { orderId: pick.id, carrier: 'SF', tracking: '1' })], T0 + HOUR).decisions[0]?.reason).toBe('invalid-state');
    const ship = accepted();
    expect(run(ship.s, [seller('order.ready', { orderId: ship.id })], T0 + HOUR).decisions[0]?.reason).toBe('invalid-state');
  });

  it('keeps a timeline of every step', () => {
    const { id, s } = accepted();
    const s1 = run(s, [seller('order.ship', { orderId: id, carrier: 'SF', tracking: 'SF1' }, T0 + HOUR)], T0 + HOUR).state;
    const { state } = run(s1, [intent('order.confirm-receipt', ann, T0 + DAY, { orderId: id })], T0 + DAY);
    expect(orderOf(state, id)?.timeline.map((e) => e.what)).toEqual(['accepted', 'shipped', 'received']);
  });
});

describe('deciding on a working copy the runner owns', () => {
  it('gives the same decisions and state as decide(), batch after batch', async () => {
    const { decideInto, draftOf } = await import('../../src/domain/index.ts');
    const s0 = shopWithTea(3);
    const batches = [
      [order(ann, T0 + 1, [line('tea', 2)], 2000), order(bo, T0 + 2, [line('tea', 2)], 2000)],
      [order(bo, T0 + 3, [line('tea')], 1000), intent('order.cancel', ann, T0 + 4, { orderId: 'nope' as OrderId, reason: '' })],
    ];
    let pure = s0;
    const pureDecisions = [];
    for (const [i, b] of batches.entries()) {
      const r = run(pure, b, T0 + 10 * (i + 1));
      pure = r.state;
      pureDecisions.push(...r.decisions);
    }
    const draft = draftOf(s0);
    const ownDecisions = batches.flatMap((b, i) => decideInto(draft, b, T0 + 10 * (i + 1)));
    expect(ownDecisions).toEqual(pureDecisions);
    expect(draft.balances).toEqual(pure.balances);
    expect(draft.orders).toEqual(pure.orders);
    expect(s0.orders.size).toBe(0); // the state it was copied from is untouched
  });
});
