import { describe, expect, it } from 'vitest';
import { canMove, isFinal, type OrderId, type OrderStatus } from '../../src/domain/index.ts';
import { withStatus } from '../../src/domain/orders.ts';
import { apply, buyer, emptyState, fund, HOUR, intent, line, m, openShop, order, product, run, seller, SHIP, T0 } from './fixtures/shop.ts';

describe('the order state machine', () => {
  const all: OrderStatus[] = ['team-forming', 'accepted', 'shipped', 'ready-for-pickup', 'received', 'finished', 'rejected', 'cancelled', 'refund-requested', 'refunded', 'claim-filed', 'compensated'];

  it('follows Taobao: no way back from a final state, no skipping to received', () => {
    for (const s of ['rejected', 'cancelled', 'refunded', 'compensated'] as const) {
      expect(isFinal(s)).toBe(true);
      for (const to of all) expect(canMove(s, to)).toBe(false);
    }
    expect(canMove('accepted', 'received')).toBe(false);
    expect(canMove('shipped', 'cancelled')).toBe(false);
    expect(canMove('accepted', 'shipped')).toBe(true);
    expect(canMove('received', 'claim-filed')).toBe(true);
  });

  it('throws on a move the rules do not allow, naming it', () => {
    const o = { id: 'o1' as OrderId, status: 'accepted', timeline: [] } as never;
    expect(() => withStatus(o, 'finished', 0)).toThrow(/accepted to finished/);
  });
});

describe('the fold', () => {
  function history() {
    const ann = buyer('ann');
    let s = fund(openShop([{ product: product('cup', { price: m(500) }), stock: 9 }]), { ann: 5000 });
    const o = order(ann, T0 + 1, [line('cup', 2)], 1800, { delivery: SHIP });
    const r1 = run(s, [o], T0 + 1);
    s = r1.state;
    const id = o.id as string as OrderId;
    const r2 = run(s, [seller('order.ship', { orderId: id, carrier: 'SF', tracking: '9' }, T0 + HOUR)], T0 + HOUR);
    const r3 = run(r2.state, [intent('order.confirm-receipt', ann, T0 + 2 * HOUR, { orderId: id })], T0 + 2 * HOUR);
    return { decisions: [...r1.decisions, ...r2.decisions, ...r3.decisions], after: r3.state };
  }

  it('gives the same state from decisions delivered in any order, with repeats', () => {
    const { decisions, after } = history();
    const base = emptyState();
    const inOrder = apply(base, decisions);
    const shuffled = apply(base, [decisions[2]!, decisions[0]!, decisions[2]!, decisions[1]!, decisions[0]!]);
    expect(shuffled.orders).toEqual(inOrder.orders);
    expect(shuffled.balances).toEqual(inOrder.balances);
    expect(shuffled.inventory).toEqual(inOrder.inventory);
    expect([...after.orders.values()]).toEqual([...inOrder.orders.values()]);
  });

  it('ignores intents (only decisions change the shop) and returns the same object when nothing is new', () => {
    const { decisions, after } = history();
    expect(apply(after, decisions)).toBe(after);
    const o = order(buyer('bo'), T0, [line('cup')], 500);
    expect(apply(after, [o])).toBe(after);
  });
});
