// The rules the app and the UI need to know in advance each have one owner in the domain, and
// the authority decides by the same function: each test checks the function itself, then that
// the authority's decision agrees with it case by case.
import { describe, expect, it } from 'vitest';
import {
  canRequestRefund, holdsAllowance, isTeamOpen, joinProblem, paymentProblem, refundWindowClosed, refundWindowEnd,
  type Order, type OrderId, type OrderStatus, type Team, type TeamId,
} from '../../src/domain/index.ts';
import {
  buyer, DAY, decisionFor, fund, HOUR, intent, line, m, openShop, order, orderOf, PICKUP, product, run, seller, SHIP, SHOP, T0,
} from './fixtures/shop.ts';

const ann = buyer('ann');
const bo = buyer('bo');
const cy = buyer('cy');

describe('paymentProblem (pay on pickup needs a pickup point)', () => {
  it('refuses pay on pickup with shipping, and nothing else', () => {
    expect(paymentProblem('on-pickup', SHIP)).toBe('Pay on pickup needs a pickup point.');
    expect(paymentProblem('on-pickup', PICKUP)).toBeUndefined();
    expect(paymentProblem('wallet', SHIP)).toBeUndefined();
    expect(paymentProblem('wallet', PICKUP)).toBeUndefined();
  });

  it('is what the authority refuses an order for, in its words', () => {
    const s = fund(openShop([{ product: product('vase'), stock: 5 }]), { ann: 10_000 });
    for (const [payment, delivery] of [['on-pickup', SHIP], ['on-pickup', PICKUP], ['wallet', SHIP]] as const) {
      const o = order(ann, T0 + 1000, [line('vase')], delivery.kind === 'ship' ? 1800 : 1000, { payment, delivery });
      const d = decisionFor(run(s, [o], T0 + 1000).decisions, o.id)!;
      const problem = paymentProblem(payment, delivery);
      expect(d.kind).toBe(problem === undefined ? 'order.accepted' : 'order.rejected');
      if (problem !== undefined) expect([d.reason, d.message]).toEqual(['delivery-invalid', problem]);
    }
  });
});

describe('joinProblem (who may join a team buy)', () => {
  const team = (over: Partial<Team> = {}): Team => ({
    id: 'team-1' as TeamId, productId: product('dumpling').id, price: m(500), size: 3, leader: ann,
    members: [{ orderId: 'o-1' as OrderId, buyer: ann }], openedAt: T0, deadline: T0 + DAY, status: 'forming', ...over,
  });

  it('names why not: closed (ended or past its deadline), full, or already a member; in that order', () => {
    expect(joinProblem(team(), bo, T0 + HOUR)).toBeUndefined();
    expect(joinProblem(team(), ann, T0 + HOUR)).toBe('team-member');
    expect(joinProblem(team({ status: 'succeeded' }), bo, T0 + HOUR)).toBe('team-closed');
    expect(joinProblem(team(), bo, T0 + DAY)).toBe('team-closed');
    const full = team({ size: 1 });
    expect(joinProblem(full, bo, T0 + HOUR)).toBe('team-full');
    expect(joinProblem(full, ann, T0 + HOUR)).toBe('team-full');
    expect(joinProblem(team({ status: 'failed' }), ann, T0 + HOUR)).toBe('team-closed');
  });

  it('calls a team open while it forms and before its deadline, as the screens show it', () => {
    expect(isTeamOpen(team(), T0 + HOUR)).toBe(true);
    expect(isTeamOpen(team(), T0 + DAY)).toBe(false);
    expect(isTeamOpen(team({ status: 'succeeded' }), T0 + HOUR)).toBe(false);
    for (const at of [T0 + HOUR, T0 + DAY]) expect(isTeamOpen(team(), at)).toBe(joinProblem(team(), bo, at) !== 'team-closed');
  });

  it('is the authority\'s reason for refusing each join', () => {
    const offer = { price: m(500), size: 2, windowHours: 24 };
    let s = fund(openShop([{ product: product('dumpling', { team: offer }), stock: 50 }]), { ann: 10_000, bo: 10_000, cy: 10_000 });
    const start = order(ann, T0 + 1000, [line('dumpling', 1, 'team')], 500, { team: { action: 'start' } });
    s = run(s, [start], T0 + 1000).state;
    const teamId = start.id as string as TeamId;
    const join = (who: typeof ann, at: number) => order(who, at, [line('dumpling', 1, 'team')], 500, { team: { action: 'join', teamId } });
    const check = (who: typeof ann, at: number) => {
      const t = s.teams.get(teamId)!.value;
      const o = join(who, at);
      const result = run(s, [o], at);
      const d = decisionFor(result.decisions, o.id)!;
      const problem = joinProblem(t, who, at);
      expect(d.kind, `${who} at ${at - T0}`).toBe(problem === undefined ? 'order.accepted' : 'order.rejected');
      if (problem !== undefined) expect(d.reason).toBe(problem);
      return result.state;
    };
    check(ann, T0 + 2000); // a member
    check(cy, T0 + DAY + 1000); // past the deadline
    s = check(bo, T0 + 3000); // joins: the team is full and succeeds
    check(cy, T0 + 4000); // closed
  });
});

describe('the refund window', () => {
  const received = (status: OrderStatus, over: Partial<Order> = {}) => ({ status, receivedAt: T0, held: 'revenue' as const, ...over });

  it('closes the shop\'s refund days after receipt (none known: at receipt)', () => {
    expect(refundWindowEnd(T0, SHOP.policies)).toBe(T0 + 7 * DAY);
    expect(refundWindowEnd(T0, undefined)).toBe(T0);
    expect(refundWindowClosed(received('received'), SHOP.policies, T0 + 7 * DAY - 1)).toBe(false);
    expect(refundWindowClosed(received('received'), SHOP.policies, T0 + 7 * DAY)).toBe(true);
    expect(refundWindowClosed(received('finished'), SHOP.policies, T0)).toBe(true);
    expect(refundWindowClosed({ status: 'shipped' }, SHOP.policies, T0 + 100 * DAY)).toBe(false);
  });

  it('lets a refund be asked once the goods have left, within the window, if something was paid', () => {
    const at = T0 + DAY;
    expect(canRequestRefund({ status: 'shipped', held: 'escrow' }, SHOP.policies, at)).toBe(true);
    expect(canRequestRefund({ status: 'ready-for-pickup', held: 'escrow' }, SHOP.policies, at)).toBe(true);
    expect(canRequestRefund(received('received'), SHOP.policies, at)).toBe(true);
    expect(canRequestRefund(received('received'), SHOP.policies, T0 + 8 * DAY)).toBe(false);
    expect(canRequestRefund(received('finished'), SHOP.policies, at)).toBe(false);
    expect(canRequestRefund({ status: 'ready-for-pickup', held: 'none' }, SHOP.policies, at)).toBe(false);
    for (const status of ['accepted', 'team-forming', 'refund-requested', 'refunded', 'cancelled'] as const) {
      expect(canRequestRefund({ status, held: 'escrow' }, SHOP.policies, at)).toBe(false);
    }
  });

  it('is what the authority takes a refund request by, and when it finishes an order', () => {
    const s0 = fund(openShop([{ product: product('vase'), stock: 5 }]), { ann: 10_000 });
    const o = order(ann, T0 + 1000, [line('vase')], 1800, { delivery: SHIP });
    const id = o.id as string as OrderId;
    const shipped = run(s0, [o, seller('order.ship', { orderId: id, carrier: 'SF', tracking: 'SF1' }, T0 + HOUR)], T0 + HOUR).state;
    const receivedState = run(shipped, [intent('order.confirm-receipt', ann, T0 + 2 * HOUR, { orderId: id })], T0 + 2 * HOUR).state;
    const receivedAt = orderOf(receivedState, id)!.receivedAt!;
    expect(receivedAt).toBe(T0 + 2 * HOUR);
    const end = refundWindowEnd(receivedAt, SHOP.policies);
    // The order finishes exactly when the window ends.
    expect(orderOf(run(receivedState, [], end - 1).state, id)?.status).toBe('received');
    expect(orderOf(run(receivedState, [], end).state, id)?.status).toBe('finished');
    for (const [state, at] of [[shipped, T0 + DAY], [receivedState, end - 1], [run(receivedState, [], end).state, end]] as const) {
      const ask = intent('refund.request', ann, at, { orderId: id, reason: 'Cracked' });
      const d = decisionFor(run(state, [ask], at).decisions, ask.id)!;
      const current = orderOf(run(state, [], at).state, id)!;
      expect(d.kind, `at ${at - T0}`).toBe(canRequestRefund(current, SHOP.policies, at) ? 'refund.requested' : 'intent.rejected');
    }
  });
});

describe('holdsAllowance (what counts toward coupon and flash-sale limits)', () => {
  it('counts every order but rejected and cancelled ones', () => {
    const all: OrderStatus[] = [
      'team-forming', 'accepted', 'shipped', 'ready-for-pickup', 'received', 'finished', 'rejected', 'cancelled',
      'refund-requested', 'refunded', 'claim-filed', 'compensated',
    ];
    expect(all.filter((status) => !holdsAllowance({ status }))).toEqual(['rejected', 'cancelled']);
  });
});
