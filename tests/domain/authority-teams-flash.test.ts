import { describe, expect, it } from 'vitest';
import { flashBeyondStock, flashUnitsLeft, type OrderId, type TeamId } from '../../src/domain/index.ts';
import { balance, buyer, decisionFor, fund, HOUR, intent, line, m, openShop, order, orderOf, product, run, seller, T0 } from './fixtures/shop.ts';

const names = ['ann', 'bo', 'cy', 'di'] as const;
const [ann, bo, cy, di] = names.map(buyer) as [ReturnType<typeof buyer>, ReturnType<typeof buyer>, ReturnType<typeof buyer>, ReturnType<typeof buyer>];

function teamShop() {
  const duck = product('duck', { price: m(3000), team: { price: m(2000), size: 3, windowHours: 24 } });
  return fund(openShop([{ product: duck, stock: 10 }]), { ann: 10_000, bo: 10_000, cy: 10_000, di: 10_000 });
}
const start = (who = ann, at = T0 + 1000) => order(who, at, [line('duck', 1, 'team')], 2000, { team: { action: 'start' } });
const join = (who: typeof ann, teamId: string, at: number) => order(who, at, [line('duck', 1, 'team')], 2000, { team: { action: 'join', teamId: teamId as TeamId } });

describe('team buys', () => {
  it('holds money while forming and succeeds when the N-th member is accepted', () => {
    const s0 = teamShop();
    const lead = start();
    const s1 = run(s0, [lead], T0 + 1000).state;
    expect(orderOf(s1, lead.id)?.status).toBe('team-forming');
    expect(balance(s1, 'escrow:ann')).toBe(2000);
    const { decisions, state } = run(s1, [join(bo, lead.id, T0 + 2000), join(cy, lead.id, T0 + 3000)], T0 + 3000);
    expect(decisions.filter((d) => d.kind === 'team.succeeded')).toHaveLength(4); // the team, then each member
    for (const d of decisions.filter((d) => d.kind === 'team.succeeded' && d.buyer)) expect(d.set.teams?.length ?? 0).toBe(0);
    expect([...state.orders.values()].map((o) => o.value.status)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(state.teams.get(lead.id as string as TeamId)?.value.status).toBe('succeeded');
  });

  it('fills one second before the deadline', () => {
    const lead = start();
    const s1 = run(teamShop(), [lead, join(bo, lead.id, T0 + 2000)], T0 + 2000).state;
    const deadline = T0 + 1000 + 24 * HOUR;
    const last = join(cy, lead.id, deadline - 1000);
    const { state } = run(s1, [last], deadline + HOUR); // decided after the deadline, sent before it
    expect(orderOf(state, last.id)?.status).toBe('accepted');
    expect(state.teams.get(lead.id as string as TeamId)?.value.status).toBe('succeeded');
  });

  it('is closed to a join sent at the deadline, and fails with everyone refunded and stock returned', () => {
    const lead = start();
    const s1 = run(teamShop(), [lead, join(bo, lead.id, T0 + 2000)], T0 + 2000).state;
    const deadline = T0 + 1000 + 24 * HOUR;
    const late = join(cy, lead.id, deadline);
    const { state, decisions } = run(s1, [late], deadline + 1);
    expect(decisionFor(decisions, late.id)?.reason).toBe('team-closed');
    expect(state.teams.get(lead.id as string as TeamId)?.value.status).toBe('failed');
    expect(orderOf(state, lead.id)?.status).toBe('cancelled');
    for (const who of ['ann', 'bo', 'cy']) {
      expect(balance(state, `available:${who}`)).toBe(10_000);
      expect(balance(state, `escrow:${who}`)).toBe(0);
    }
    expect(state.inventory.get(line('duck').productId)?.value.stock).toBe(10);
  });

  it('fails at the deadline on the clock alone, with no intent to wake it', () => {
    const lead = start();
    const s1 = run(teamShop(), [lead], T0 + 1000).state;
    expect(orderOf(run(s1, [], T0 + 1000 + 24 * HOUR - 1).state, lead.id)?.status).toBe('team-forming');
    expect(orderOf(run(s1, [], T0 + 1000 + 24 * HOUR).state, lead.id)?.status).toBe('cancelled');
  });

  it('refuses a team that already filled, a second join by the same buyer, and an unknown team', () => {
    const lead = start(ann, T0 + 1);
    const s1 = run(teamShop(), [lead, join(bo, lead.id, T0 + 2), join(cy, lead.id, T0 + 3)], T0 + 3).state;
    const full = join(di, lead.id, T0 + 4);
    expect(run(s1, [full], T0 + 5).decisions[0]?.reason).toBe('team-closed'); // succeeded teams take no one
    const s2 = run(teamShop(), [start(ann, T0 + 1)], T0 + 1).state;
    const twice = join(ann, '' + [...s2.teams.keys()][0], T0 + 2);
    expect(run(s2, [twice], T0 + 3).decisions[0]?.reason).toBe('team-member');
    expect(run(s2, [join(bo, 'no-such-team', T0 + 2)], T0 + 3).decisions[0]?.reason).toBe('team-closed');
  });

  it('lets a member leave before the team fills, and the team goes on without them', () => {
    const lead = start();
    const b = join(bo, lead.id, T0 + 2);
    const s1 = run(teamShop(), [lead, b], T0 + 2).state;
    const { state } = run(s1, [intent('order.cancel', bo, T0 + 3, { orderId: b.id as string as OrderId, reason: '' })], T0 + 3);
    expect(state.teams.get(lead.id as string as TeamId)?.value.members.map((x) => x.buyer)).toEqual(['ann']);
    expect(balance(state, 'available:bo')).toBe(10_000);
  });

  it("joins at the team's locked price even if the seller changed the team price since", () => {
    const lead = start();
    let s = run(teamShop(), [lead], T0 + 1).state;
    s = run(s, [seller('product.save', { product: product('duck', { price: m(3000), team: { price: m(2500), size: 3, windowHours: 24 } }), stock: 10 }, T0 + 2)], T0 + 2).state;
    const b = join(bo, lead.id, T0 + 3);
    expect(orderOf(run(s, [b], T0 + 3).state, b.id)?.total).toBe(2000);
  });
});

describe('flash sales', () => {
  const sale = { price: m(100), startsAt: T0 + HOUR, endsAt: T0 + 2 * HOUR, stock: 3, perBuyerLimit: 2 };
  function flashShop() {
    return fund(openShop([{ product: product('phone', { price: m(5000), flash: sale }), stock: 100 }]), { ann: 10_000, bo: 10_000, cy: 10_000, di: 10_000 });
  }
  const grab = (who: typeof ann, at: number, qty = 1) => order(who, at, [line('phone', qty, 'flash')], 100 * qty);

  it('refuses an intent sent a millisecond before the start, accepts one sent at the start', () => {
    const early = grab(ann, T0 + HOUR - 1);
    const onTime = grab(bo, T0 + HOUR);
    const { decisions } = run(flashShop(), [early, onTime], T0 + HOUR + 5);
    expect(decisionFor(decisions, early.id)?.reason).toBe('flash-not-started');
    expect(decisionFor(decisions, onTime.id)?.kind).toBe('order.accepted');
  });

  it('sells exactly its stock, first come first served, and refuses the rest with the reason', () => {
    const intents = [grab(di, T0 + HOUR + 4), grab(ann, T0 + HOUR + 1, 2), grab(cy, T0 + HOUR + 3), grab(bo, T0 + HOUR + 2)];
    const { decisions, state } = run(flashShop(), intents, T0 + HOUR + 10);
    const accepted = decisions.filter((d) => d.kind === 'order.accepted').map((d) => d.buyer);
    expect(accepted).toEqual(['ann', 'bo']);
    expect(decisions.filter((d) => d.reason === 'flash-sold-out').map((d) => d.buyer)).toEqual(['cy', 'di']);
    expect(state.inventory.get(line('phone').productId)?.value.flashSold).toBe(3);
    expect(balance(state, 'available:cy')).toBe(10_000);
    expect(state.inventory.get(line('phone').productId)?.value.stock).toBe(97); // the sale's units came off the one shelf
  });

  it('holds each buyer to the per-buyer limit across orders', () => {
    const a1 = grab(ann, T0 + HOUR + 1);
    const a2 = grab(ann, T0 + HOUR + 2);
    const a3 = grab(ann, T0 + HOUR + 3);
    const { decisions } = run(flashShop(), [a1, a2, a3], T0 + HOUR + 10);
    expect(decisions.map((d) => d.reason ?? d.kind)).toEqual(['order.accepted', 'order.accepted', 'flash-limit']);
  });

  it('gives back the allowance and the unit when an order is cancelled', () => {
    const a1 = grab(ann, T0 + HOUR + 1, 2);
    const s1 = run(flashShop(), [a1], T0 + HOUR + 1).state;
    const s2 = run(s1, [intent('order.cancel', ann, T0 + HOUR + 2, { orderId: a1.id as string as OrderId, reason: '' })], T0 + HOUR + 2).state;
    expect(s2.inventory.get(line('phone').productId)?.value.flashSold).toBe(0);
    expect(orderOf(run(s2, [grab(ann, T0 + HOUR + 3, 2)], T0 + HOUR + 3).state, a1.id)?.status).toBe('cancelled');
    expect(run(s2, [grab(ann, T0 + HOUR + 3, 2)], T0 + HOUR + 3).decisions[0]?.kind).toBe('order.accepted');
  });

  it('refuses intents sent after the end', () => {
    const late = grab(ann, T0 + 2 * HOUR);
    expect(run(flashShop(), [late], T0 + 3 * HOUR).decisions[0]?.reason).toBe('flash-ended');
  });
});

describe('a flash sale from the shelf', () => {
  const sale = { price: m(100), startsAt: T0 + HOUR, endsAt: T0 + 2 * HOUR, stock: 3, perBuyerLimit: 3 };
  function shelfShop(shelf: number, flash = sale) {
    return fund(openShop([{ product: product('phone', { price: m(5000), flash }), stock: shelf }]), { ann: 1_000_000, bo: 1_000_000, cy: 1_000_000, di: 1_000_000 });
  }
  const phone = line('phone').productId;

  it('sells 20 in all, not 20 plus the sale of 3: units sold at the flash price come off the one stock', () => {
    const flashBuys = [order(ann, T0 + HOUR + 1, [line('phone', 3, 'flash')], 300)];
    const s1 = run(shelfShop(20), flashBuys, T0 + HOUR + 1).state;
    expect(s1.inventory.get(phone)?.value).toMatchObject({ stock: 17, flashSold: 3 });
    const tooMany = order(bo, T0 + HOUR + 2, [line('phone', 18)], 18 * 5000);
    const rest = order(cy, T0 + HOUR + 3, [line('phone', 17)], 17 * 5000);
    const { decisions, state } = run(s1, [tooMany, rest], T0 + HOUR + 3);
    expect(decisionFor(decisions, tooMany.id)).toMatchObject({ reason: 'out-of-stock', message: 'Only 17 of phone left.' });
    expect(decisionFor(decisions, rest.id)?.kind).toBe('order.accepted');
    expect(state.inventory.get(phone)?.value.stock).toBe(0);
  });

  it('sells no more at the flash price than the shelf holds, even with units left in the sale', () => {
    const buys = [ann, bo, cy].map((who, i) => order(who, T0 + HOUR + i, [line('phone', 1, 'flash')], 100));
    const { decisions, state } = run(shelfShop(2), buys, T0 + HOUR + 5);
    expect(decisions.map((d) => d.reason ?? d.kind)).toEqual(['order.accepted', 'order.accepted', 'flash-sold-out']);
    expect(state.inventory.get(phone)?.value).toMatchObject({ stock: 0, flashSold: 2 });
  });

  it('counts a regular and a flash line of one product against the one shelf together', () => {
    const both = order(ann, T0 + HOUR + 1, [line('phone', 2), line('phone', 2, 'flash')], 2 * 5000 + 200);
    expect(decisionFor(run(shelfShop(3), [both], T0 + HOUR + 1).decisions, both.id)).toMatchObject({ reason: 'out-of-stock' });
    expect(decisionFor(run(shelfShop(4), [both], T0 + HOUR + 1).decisions, both.id)?.kind).toBe('order.accepted');
  });

  it('puts a cancelled flash unit back on the shelf and in the sale', () => {
    const buy = order(ann, T0 + HOUR + 1, [line('phone', 2, 'flash')], 200);
    const s1 = run(shelfShop(5), [buy], T0 + HOUR + 1).state;
    const s2 = run(s1, [intent('order.cancel', ann, T0 + HOUR + 2, { orderId: buy.id as string as OrderId, reason: '' })], T0 + HOUR + 2).state;
    expect(s2.inventory.get(phone)?.value).toMatchObject({ stock: 5, flashSold: 0 });
  });

  it('tells how many units a sale can still sell, never more than the shelf', () => {
    expect(flashUnitsLeft(sale, { stock: 20, flashSold: 1 })).toBe(2);
    expect(flashUnitsLeft(sale, { stock: 1, flashSold: 0 })).toBe(1);
    expect(flashUnitsLeft(sale, { stock: 0, flashSold: 0 })).toBe(0);
    expect(flashUnitsLeft(sale, undefined)).toBe(3);
    expect(flashBeyondStock(sale, 2)).toBe(1);
    expect(flashBeyondStock(sale, 1, 2)).toBe(0); // two sold already: one left, one on the shelf
    expect(flashBeyondStock(sale, 20)).toBe(0);
  });
});
