/**
 * One poison item never stalls the shop: an intent whose deciding throws is refused with the
 * reason (and takes back whatever it did half way), and everything else is decided as if it
 * were not there; a decision that cannot be folded is set aside and the rest folded.
 */
import { describe, expect, it } from 'vitest';
import {
  apply, decide, decideInto, draftOf, emptyState, type AccountKey, type Decision, type EventId, type Intent, type Money,
} from '../../src/domain/index.ts';
import { validateDecision } from '../../src/domain/validate/index.ts';
import { balance, buyer, decisionFor, fund, intent, line, m, openShop, order, orderOf, product, seller, T0 } from './fixtures/shop.ts';

const ann = buyer('ann');
const bo = buyer('bo');

function shop() {
  return fund(openShop([{ product: product('tea', { price: m(1000) }), stock: 10 }]), { ann: 5000, bo: 5000 });
}

describe('an intent whose deciding throws', () => {
  it("is refused with the reason when a buyer's balance is damaged, and the other buyers' orders are decided", () => {
    // A damaged balance, as a runner that read it from a damaged row would hold it.
    const draft = draftOf(shop());
    draft.balances.set('available:ann' as AccountKey, 'x' as unknown as Money);
    const annOrder = order(ann, T0 + 10, [line('tea')], 1000);
    const boOrder = order(bo, T0 + 20, [line('tea', 2)], 2000);
    const decisions = decideInto(draft, [annOrder, boOrder], T0 + 30);
    const refused = decisionFor(decisions, annOrder.id)!;
    expect(refused).toMatchObject({ kind: 'order.rejected', reason: 'malformed', buyer: 'ann', postings: [] });
    expect(refused.message).toMatch(/^The shop could not decide this request: .*safe integer/);
    // The buyer sees it as their order, refused, in a decision every device's validators take.
    expect(refused.set.orders?.[0]).toMatchObject({ id: annOrder.id, status: 'rejected', total: 0 });
    expect(validateDecision(refused).ok).toBe(true);
    expect(decisionFor(decisions, boOrder.id)?.kind).toBe('order.accepted');
    // Nothing of ann's half-made order is left: no stock taken, no escrow, no order but the refusal.
    expect(draft.inventory.get(line('tea').productId)?.value.stock).toBe(8);
    expect(draft.balances.get('escrow:ann' as AccountKey)).toBeUndefined();
    expect(decisions.map((d) => d.n)).toEqual([draft.n - 1, draft.n]);
  });

  it('takes back every decision the intent made before it threw, and the journal stays numbered one by one', () => {
    const duck = product('duck', { price: m(3000), team: { price: m(2000), size: 2, windowHours: 24 } });
    const s = fund(openShop([{ product: duck, stock: 10 }]), { ann: 5000, bo: 5000 });
    const lead = order(ann, T0 + 10, [line('duck', 1, 'team')], 2000, { team: { action: 'start' } });
    const started = decide(s, [lead], T0 + 10).state;
    const draft = draftOf(started);
    // The leader's order is damaged: the join is accepted, the team succeeds, and only then
    // does moving the leader's order on throw. All three decisions must go.
    const leader = draft.orders.get(lead.id as never)!;
    draft.orders.set(lead.id as never, { ...leader, value: { ...leader.value, timeline: null as never } });
    const join = order(bo, T0 + 20, [line('duck', 1, 'team')], 2000, { team: { action: 'join', teamId: lead.id as never } });
    const fine = seller('wallet.credit', { buyer: bo, amount: m(700), method: 'cash', note: '' }, T0 + 30);
    const decisions = decideInto(draft, [join, fine], T0 + 40);
    expect(decisions.map((d) => [d.intentId, d.kind, d.reason])).toEqual([
      [join.id, 'order.rejected', 'malformed'],
      [fine.id, 'wallet.credited', undefined],
    ]);
    expect(decisions.map((d) => d.n)).toEqual([started.n + 1, started.n + 2]);
    expect(draft.teams.get(lead.id as never)?.value).toEqual(started.teams.get(lead.id as never)?.value);
    expect(draft.inventory.get(duck.id)?.value.stock).toBe(9);
    expect(draft.balances.get('escrow:bo' as AccountKey)).toBeUndefined();
    expect(draft.balances.get('available:bo' as AccountKey)).toBe(5700);
  });

  it('takes back the postings it made before one could not be added', () => {
    const draft = draftOf(shop());
    // Escrow so full that the order's second posting overflows; its first (out of available) was made.
    draft.balances.set('escrow:ann' as AccountKey, (Number.MAX_SAFE_INTEGER - 5) as Money);
    draft.balances.set('cash' as AccountKey, (-10_000 - Number.MAX_SAFE_INTEGER + 5) as Money);
    const annOrder = order(ann, T0 + 10, [line('tea')], 1000);
    const decisions = decideInto(draft, [annOrder], T0 + 20);
    expect(decisions.map((d) => d.reason)).toEqual(['malformed']);
    expect(draft.balances.get('available:ann' as AccountKey)).toBe(5000);
    expect(draft.inventory.get(line('tea').productId)?.value.stock).toBe(10);
  });

  it('refuses a malformed intent and an unknown kind instead of leaving them waiting, and decides the rest', () => {
    const s = shop();
    const broken = { ...order(ann, T0 + 10, [line('tea')], 1000), lines: null } as unknown as Intent;
    const unknown = { ...intent('order.cancel', bo, T0 + 11, { orderId: 'x' as never, reason: '' }), kind: 'order.teleport' } as unknown as Intent;
    const noId = { ...order(bo, T0 + 12, [line('tea')], 1000), id: undefined } as unknown as Intent;
    const good = order(bo, T0 + 13, [line('tea')], 1000);
    const { decisions, state } = decide(s, [broken, unknown, noId, good], T0 + 20);
    expect(decisionFor(decisions, broken.id)).toMatchObject({ reason: 'malformed' });
    expect(decisionFor(decisions, unknown.id)).toMatchObject({ kind: 'intent.rejected', reason: 'malformed', message: expect.stringContaining('order.teleport') });
    expect(decisionFor(decisions, good.id)?.kind).toBe('order.accepted');
    expect(orderOf(state, good.id)?.status).toBe('accepted');
    expect(decisions).toHaveLength(3); // the one with no id cannot be answered, and stops nothing
  });

  it('lets the clock go on past a timer whose deciding throws', () => {
    const s = shop();
    const ship = order(ann, T0 + 10, [line('tea')], 1000 + 800, { delivery: { kind: 'ship', optionId: 'std' as never, address: 'a', recipient: 'r', phone: '1' } });
    const placed = decide(s, [ship], T0 + 10).state;
    const shipped = decide(placed, [seller('order.ship', { orderId: ship.id as never, carrier: 'SF', tracking: '1' }, T0 + 20)], T0 + 20).state;
    const draft = draftOf(shipped);
    // The escrow the auto-confirmation releases is damaged: that timer cannot be decided.
    draft.balances.set('escrow:ann' as AccountKey, 'x' as unknown as Money);
    const credit = seller('wallet.credit', { buyer: bo, amount: m(100), method: 'cash', note: '' }, T0 + 30 * 86_400_000);
    const decisions = decideInto(draft, [credit], T0 + 31 * 86_400_000);
    expect(decisions.map((d) => d.kind)).toEqual(['wallet.credited']);
    expect(draft.orders.get(ship.id as never)?.value.status).toBe('shipped');
  });
});

describe('a decision that cannot be folded', () => {
  it('is set aside with the reason, and every other decision is folded', () => {
    const s = shop();
    const good = decide(s, [seller('wallet.credit', { buyer: bo, amount: m(100), method: 'cash', note: '' }, T0 + 5)], T0 + 5).decisions;
    const overflow: Decision = {
      ...good[0]!, id: 'd.bad' as EventId, intentId: 'bad' as EventId, n: s.n + 2,
      postings: [{ account: 'cash', amount: (-Number.MAX_SAFE_INTEGER) as Money }, { account: 'available', buyer: ann, amount: Number.MAX_SAFE_INTEGER as Money }],
    };
    const garbage = { type: 'decision', id: 'd.junk', n: s.n + 3, postings: [{ account: 'cash', amount: 'x' }] } as unknown as Decision;
    const state = apply(s, [overflow, garbage, good[0]!, null as unknown as Decision]);
    expect([...state.setAside.keys()]).toEqual(['d.bad', 'd.junk']);
    expect(state.setAside.get('d.bad' as EventId)).toMatch(/safe integer/);
    expect(balance(state, 'available:ann')).toBe(5000);
    expect(balance(state, 'available:bo')).toBe(5100);
    expect([...state.balances.values()].reduce((a, b) => a + b, 0)).toBe(0);
    // Counted, so that its intent is not decided again nor its number given twice.
    expect(state.decided.has('bad' as EventId)).toBe(true);
    expect(state.n).toBe(s.n + 3);
    expect(emptyState().setAside.size).toBe(0);
  });
});
