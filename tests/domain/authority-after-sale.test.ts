import { describe, expect, it } from 'vitest';
import { claimPayout, goodsPaid, type OrderId, type Promotion, type PromotionId, type WithdrawalId } from '../../src/domain/index.ts';
import { balance, buyer, DAY, fund, HOUR, intent, line, m, openShop, order, orderOf, product, run, seller, SHIP, T0 } from './fixtures/shop.ts';

const ann = buyer('ann');

/** Ann's order of one vase (1000 + 800 shipping), shipped at T0 + 1h. */
function shipped() {
  const s0 = fund(openShop([{ product: product('vase', { price: m(1000) }), stock: 5 }]), { ann: 10_000 });
  const o = order(ann, T0 + 1000, [line('vase')], 1800, { delivery: SHIP });
  const id = o.id as string as OrderId;
  const s = run(s0, [o, seller('order.ship', { orderId: id, carrier: 'SF', tracking: 'SF1' }, T0 + HOUR)], T0 + HOUR).state;
  return { id, s };
}

describe('refunds', () => {
  it('pauses auto-confirm while a refund is asked, and resumes it for the time left when declined', () => {
    const { id, s } = shipped();
    const asked = run(s, [intent('refund.request', ann, T0 + HOUR + 2 * DAY, { orderId: id, reason: 'Cracked' })], T0 + HOUR + 2 * DAY).state;
    const paused = run(asked, [], T0 + HOUR + 20 * DAY).state;
    expect(orderOf(paused, id)?.status).toBe('refund-requested');
    const declined = run(paused, [seller('refund.decline', { orderId: id, reason: 'Photos show no crack' }, T0 + HOUR + 20 * DAY)], T0 + HOUR + 20 * DAY).state;
    const back = orderOf(declined, id)!;
    expect(back.status).toBe('shipped');
    // 8 of the 10 days were left when the clock paused on day 2; it resumes on day 20.
    expect(back.autoConfirmAt).toBe(T0 + HOUR + 28 * DAY);
    expect(back.timeline.map((e) => e.what)).toEqual(['accepted', 'shipped', 'refund-requested', 'refund-declined']);
    expect(orderOf(run(declined, [], T0 + HOUR + 28 * DAY - 1).state, id)?.status).toBe('shipped');
    expect(orderOf(run(declined, [], T0 + HOUR + 28 * DAY).state, id)?.status).toBe('received');
  });

  it('refunds from escrow when approved before receipt', () => {
    const { id, s } = shipped();
    const asked = run(s, [intent('refund.request', ann, T0 + DAY, { orderId: id, reason: 'Never came' })], T0 + DAY).state;
    const done = run(asked, [seller('refund.approve', { orderId: id }, T0 + 2 * DAY)], T0 + 2 * DAY).state;
    expect(orderOf(done, id)?.status).toBe('refunded');
    expect(balance(done, 'available:ann')).toBe(10_000);
    expect(balance(done, 'escrow:ann')).toBe(0);
    expect(balance(done, 'revenue')).toBe(0);
  });

  it('refunds from revenue when asked after auto-confirm, within the refund window', () => {
    const { id, s } = shipped();
    const auto = run(s, [], T0 + HOUR + 10 * DAY).state;
    expect(orderOf(auto, id)?.status).toBe('received');
    expect(balance(auto, 'revenue')).toBe(1800);
    const asked = run(auto, [intent('refund.request', ann, T0 + HOUR + 12 * DAY, { orderId: id, reason: 'Wrong colour' })], T0 + HOUR + 12 * DAY).state;
    expect(orderOf(asked, id)?.status).toBe('refund-requested');
    // The refund window must not close the order while the request is open.
    const waited = run(asked, [], T0 + HOUR + 30 * DAY).state;
    expect(orderOf(waited, id)?.status).toBe('refund-requested');
    const done = run(waited, [seller('refund.approve', { orderId: id }, T0 + HOUR + 30 * DAY)], T0 + HOUR + 30 * DAY).state;
    expect(balance(done, 'revenue')).toBe(0);
    expect(balance(done, 'available:ann')).toBe(10_000);
  });

  it('refuses a refund asked after the refund window has closed', () => {
    const { id, s } = shipped();
    const auto = run(s, [], T0 + HOUR + 10 * DAY + 7 * DAY).state;
    expect(orderOf(auto, id)?.status).toBe('finished');
    const late = intent('refund.request', ann, T0 + HOUR + 18 * DAY, { orderId: id, reason: 'Late' });
    expect(run(auto, [late], T0 + HOUR + 18 * DAY).decisions[0]?.reason).toBe('refund-window-closed');
  });

  it('finishes an order whose declined refund came after the window, at once', () => {
    const { id, s } = shipped();
    const got = run(s, [intent('order.confirm-receipt', ann, T0 + DAY, { orderId: id })], T0 + DAY).state;
    const asked = run(got, [intent('refund.request', ann, T0 + 6 * DAY, { orderId: id, reason: 'x' })], T0 + 6 * DAY).state;
    const declined = run(asked, [seller('refund.decline', { orderId: id, reason: 'no' }, T0 + 20 * DAY)], T0 + 20 * DAY).state;
    expect(orderOf(declined, id)?.status).toBe('finished');
  });
});

describe('counterfeit claims', () => {
  it("pays the price back plus the shop's multiple of the goods, from compensation", () => {
    const { id, s } = shipped();
    const got = run(s, [intent('order.confirm-receipt', ann, T0 + DAY, { orderId: id })], T0 + DAY).state;
    const filed = run(got, [intent('claim.file', ann, T0 + 2 * DAY, { orderId: id, reason: 'Fake' })], T0 + 2 * DAY).state;
    expect(orderOf(filed, id)?.status).toBe('claim-filed');
    const paid = run(filed, [seller('claim.compensate', { orderId: id }, T0 + 3 * DAY)], T0 + 3 * DAY).state;
    expect(orderOf(paid, id)?.status).toBe('compensated');
    // 1800 back (goods and shipping) and 3 × 1000 for the goods.
    expect(balance(paid, 'available:ann')).toBe(10_000 + 3000);
    expect(balance(paid, 'compensation')).toBe(-3000);
    expect(balance(paid, 'revenue')).toBe(0);
  });

  it('pays on what was paid for the goods, after the coupon and without shipping: the one figure the receipt, the form and the dialog show', () => {
    // The order: ¥51.60 of goods at list price, ¥10 off with a coupon, shipped.
    const coupon: Promotion = {
      id: 'c10' as PromotionId, kind: 'coupon', code: 'TEN', label: '¥10 off', save: { kind: 'amount', amount: m(1000) },
      minSpend: m(0), startsAt: T0, endsAt: T0 + 30 * DAY, active: true,
    };
    const s0 = fund(openShop([{ product: product('tea', { price: m(5160) }), stock: 5 }], [coupon]), { ann: 10_000 });
    const o = order(ann, T0 + 1000, [line('tea')], 5160 - 1000 + 800, { delivery: SHIP, coupon: 'TEN' });
    const id = o.id as string as OrderId;
    let s = run(s0, [o, seller('order.ship', { orderId: id, carrier: 'SF', tracking: 'SF1' }, T0 + HOUR)], T0 + HOUR).state;
    s = run(s, [intent('order.confirm-receipt', ann, T0 + DAY, { orderId: id }), intent('claim.file', ann, T0 + DAY + 1, { orderId: id, reason: 'Fake' })], T0 + DAY + 1).state;
    const placed = orderOf(s, id)!;
    expect([placed.subtotal, placed.total, placed.shipping]).toEqual([5160, 4960, 800]);
    expect(goodsPaid(placed)).toBe(placed.subtotal - placed.discounts.reduce((a, d) => a + d.amount, 0));
    const payout = claimPayout(placed, 3);
    expect(payout).toEqual({ back: 4960, goods: 4160, extra: 12_480 }); // ¥124.80 = 3 × ¥41.60, not 3 × ¥51.60
    const { decisions, state } = run(s, [seller('claim.compensate', { orderId: id }, T0 + 2 * DAY)], T0 + 2 * DAY);
    expect(decisions[0]?.postings).toEqual([
      { account: 'revenue', amount: -payout.back },
      { account: 'available', buyer: ann, amount: payout.back },
      { account: 'compensation', amount: -payout.extra },
      { account: 'available', buyer: ann, amount: payout.extra },
    ]);
    expect(balance(state, 'available:ann')).toBe(10_000 + payout.extra);
    expect(claimPayout({ ...placed, held: 'none' }, 3).back).toBe(0);
  });

  it('cannot be filed before the goods are received; a declined claim returns the order', () => {
    const { id, s } = shipped();
    expect(run(s, [intent('claim.file', ann, T0 + DAY, { orderId: id, reason: 'Fake' })], T0 + DAY).decisions[0]?.reason).toBe('invalid-state');
    const got = run(s, [intent('order.confirm-receipt', ann, T0 + DAY, { orderId: id })], T0 + DAY).state;
    const filed = run(got, [intent('claim.file', ann, T0 + 2 * DAY, { orderId: id, reason: 'Fake' })], T0 + 2 * DAY).state;
    const declined = run(filed, [seller('claim.decline', { orderId: id, reason: 'Genuine, invoice attached' }, T0 + 3 * DAY)], T0 + 3 * DAY).state;
    expect(orderOf(declined, id)?.status).toBe('received');
  });
});

describe('reviews', () => {
  it('publishes one review per received order', () => {
    const { id, s } = shipped();
    expect(run(s, [intent('review.write', ann, T0 + DAY, { orderId: id, rating: 5, text: 'Early!' })], T0 + DAY).decisions[0]?.reason).toBe('invalid-state');
    const got = run(s, [intent('order.confirm-receipt', ann, T0 + DAY, { orderId: id })], T0 + DAY).state;
    const r1 = intent('review.write', ann, T0 + 2 * DAY, { orderId: id, rating: 4, text: 'Lovely vase' });
    const r2 = intent('review.write', ann, T0 + 3 * DAY, { orderId: id, rating: 1, text: 'Again' });
    const { state, decisions } = run(got, [r1, r2], T0 + 3 * DAY);
    expect(decisions.map((d) => d.reason ?? d.kind)).toEqual(['review.published', 'already-reviewed']);
    expect([...state.reviews.values()].map((r) => [r.rating, r.text, r.productIds])).toEqual([[4, 'Lovely vase', ['vase']]]);
  });
});

describe('the wallet', () => {
  it('holds a withdrawal at once, so the money cannot be spent twice, then pays it out as cash', () => {
    const s0 = fund(openShop([{ product: product('vase', { price: m(1000) }), stock: 5 }]), { ann: 1500 });
    const w = intent('withdrawal.request', ann, T0 + 1, { amount: m(1000) });
    const o = order(ann, T0 + 2, [line('vase')], 1000);
    const { state, decisions } = run(s0, [w, o], T0 + 2);
    expect(decisions.map((d) => d.reason ?? d.kind)).toEqual(['withdrawal.held', 'insufficient-balance']);
    expect(balance(state, 'escrow:ann')).toBe(1000);
    const paid = run(state, [seller('withdrawal.pay', { withdrawalId: w.id as string as WithdrawalId, note: 'Alipay transfer' }, T0 + 3)], T0 + 3).state;
    expect(balance(paid, 'escrow:ann')).toBe(0);
    expect(balance(paid, 'available:ann')).toBe(500);
    expect(balance(paid, 'cash')).toBe(-500);
    const twice = seller('withdrawal.pay', { withdrawalId: w.id as string as WithdrawalId, note: 'again' }, T0 + 4);
    expect(run(paid, [twice], T0 + 4).decisions[0]?.reason).toBe('invalid-state');
  });

  it('returns a declined withdrawal to the wallet', () => {
    const s0 = fund(openShop(), { ann: 1500 });
    const w = intent('withdrawal.request', ann, T0 + 1, { amount: m(1500) });
    const s1 = run(s0, [w], T0 + 1).state;
    const s2 = run(s1, [seller('withdrawal.decline', { withdrawalId: w.id as string as WithdrawalId, reason: 'Pay at the counter' }, T0 + 2)], T0 + 2).state;
    expect(balance(s2, 'available:ann')).toBe(1500);
    expect(s2.withdrawals.get(w.id as string as WithdrawalId)?.value.status).toBe('declined');
  });

  it('gives demo money only in a shop that says so', () => {
    const demo = run(openShop(), [intent('wallet.demo-top-up', ann, T0 + 1, { amount: m(50_000) })], T0 + 1);
    expect(balance(demo.state, 'available:ann')).toBe(50_000);
    const real = openShop([], [], { ...openShop().shop!.value, policies: { ...openShop().shop!.value.policies, demoTopUps: false } });
    expect(run(real, [intent('wallet.demo-top-up', ann, T0 + 1, { amount: m(50_000) })], T0 + 1).decisions[0]?.reason).toBe('not-allowed');
  });
});
