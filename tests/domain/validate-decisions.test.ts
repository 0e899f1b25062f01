import { describe, expect, it } from 'vitest';
import { validateDecision } from '../../src/domain/validate/index.ts';
import * as fx from './fixtures/events-fixture.ts';

type Doc = Record<string, unknown>;
const copy = <T>(x: T): Doc => JSON.parse(JSON.stringify(x)) as Doc;
const decision = (kind: keyof ReturnType<typeof fx.decisions>, patch: Doc = {}): Doc => ({ ...copy(fx.decisions()[kind]), ...patch });

function expectRefused(doc: unknown, ...expected: string[]): string[] {
  const result = validateDecision(doc);
  if (result.ok) return expect.fail('expected the decision to be refused');
  for (const e of expected) expect(result.errors, result.errors.join('\n')).toContain(e);
  return result.errors;
}

const MAX = Number.MAX_SAFE_INTEGER;

describe('postings', () => {
  it('must sum to exactly zero', () => {
    const postings = [
      { account: 'available', buyer: 'alice', amount: -100 },
      { account: 'escrow', buyer: 'alice', amount: 99 },
    ];
    expectRefused(decision('order.accepted', { postings }), 'postings: must sum to zero, but sum to -1');
  });

  it('are summed exactly, where adding floats would round the difference away', () => {
    // In floating point MAX + 2 rounds down to MAX + 1, so this list would seem to balance.
    const postings = [
      { account: 'cash', amount: MAX },
      { account: 'revenue', amount: 2 },
      { account: 'compensation', amount: -MAX },
      { account: 'available', buyer: 'alice', amount: -1 },
    ];
    expect(postings.reduce((s, p) => s + p.amount, 0)).toBe(0);
    expectRefused(decision('wallet.credited', { postings }), 'postings: must sum to zero, but sum to 1');
  });

  it('may be negative but must be safe integers', () => {
    expectRefused(decision('wallet.credited', { postings: [{ account: 'cash', amount: -0.5 }, { account: 'revenue', amount: 0.5 }] }), 'postings[0].amount: must be a whole number of minor units, got -0.5');
    expectRefused(decision('wallet.credited', { postings: [{ account: 'cash', amount: -1e300 }, { account: 'revenue', amount: 1e300 }] }), 'postings[1].amount: must be a whole number of minor units, got 1e+300');
  });

  it('buyer accounts need a buyer; shop accounts have none', () => {
    expectRefused(decision('wallet.credited', { postings: [{ account: 'cash', amount: -5 }, { account: 'available', amount: 5 }] }), 'postings[1].buyer: is required');
    expectRefused(decision('wallet.credited', { postings: [{ account: 'cash', buyer: 'alice', amount: -5 }, { account: 'available', buyer: 'alice', amount: 5 }] }), 'postings[0]: unknown field "buyer"');
    expectRefused(decision('wallet.credited', { postings: [{ account: 'available', buyer: '../admin', amount: 0 }] }), 'postings[0].buyer: must be an id (letters, digits, ".", "_", ":" or "-", starting with a letter or digit, not too long), got text "../admin"');
    expectRefused(decision('wallet.credited', { postings: [{ account: 'bank', amount: 0 }] }), 'postings[0].account: must be one of "available", "escrow", "revenue", "cash", "compensation", got text "bank"');
  });

  it('are at most 64', () => {
    const pair = [{ account: 'cash', amount: -1 }, { account: 'revenue', amount: 1 }];
    expect(validateDecision(decision('wallet.credited', { postings: Array.from({ length: 32 }, () => pair).flat() })).ok).toBe(true);
    expectRefused(decision('wallet.credited', { postings: Array.from({ length: 33 }, () => pair).flat() }), 'postings: must have at most 64 items, got 66');
  });
});

describe('the decision itself', () => {
  it('n is a positive safe integer', () => {
    for (const n of [0, -1, 1.5, 2 ** 53]) expectRefused(decision('order.shipped', { n }), `n: must be a whole number 1 or more, got ${n}`);
    expectRefused(decision('order.shipped', { n: '7' }), 'n: must be a number, got text "7"');
  });

  it('reason is a known reject reason; ids are ids; message is bounded', () => {
    expectRefused(decision('intent.rejected', { reason: 'because' }), 'reason: must be a known reject reason, got text "because"');
    expectRefused(decision('intent.rejected', { intentId: 'has space' }));
    expectRefused(decision('intent.rejected', { message: 'm'.repeat(2001) }), 'message: must be at most 2000 characters, got 2001');
    const missing = decision('order.shipped');
    delete missing.postings;
    delete missing.set;
    expectRefused(missing, 'postings: is required', 'set: is required');
  });

  it('refuses unknown snapshot kinds and CouchDB fields inside', () => {
    expectRefused(decision('order.shipped', { set: { orders: [], balances: {} } }), 'set: unknown field "balances"');
  });
});

describe('snapshots', () => {
  const withOrder = (patch: Doc) => decision('order.shipped', { set: { orders: [{ ...copy(fx.order()), ...patch }] } });

  it('an order has a known status, held, timeline and lines', () => {
    expectRefused(withOrder({ status: 'lost' }), 'set.orders[0].status: must be a known order status, got text "lost"');
    expectRefused(withOrder({ held: 'pocket' }), 'set.orders[0].held: must be one of "none", "escrow", "revenue", "returned", got text "pocket"');
    expectRefused(withOrder({ timeline: [{ what: 'teleported', at: fx.T0 }] }), 'set.orders[0].timeline[0].what: must be a known order status or event, got text "teleported"');
    expectRefused(withOrder({ before: 'nowhere' }), 'set.orders[0].before: must be a known order status, got text "nowhere"');
    expect(validateDecision(withOrder({ status: 'rejected', lines: [] })).ok).toBe(true); // nothing could be priced
    const line = (copy(fx.order()).lines as unknown[])[0];
    expectRefused(withOrder({ lines: Array.from({ length: 101 }, () => line) }), 'set.orders[0].lines: must have at most 100 items, got 101');
    expectRefused(withOrder({ total: -1 }), 'set.orders[0].total: must be a whole number of minor units 0 or more, got -1');
    expectRefused(withOrder({ reviewed: 'no' }), 'set.orders[0].reviewed: must be true or false, got text "no"');
  });

  it('each thing appears once per snapshot', () => {
    const o = copy(fx.order());
    expectRefused(decision('order.shipped', { set: { orders: [o, o] } }), `set.orders[1].id: repeats set.orders[0].id "${fx.ORDER1}"`);
    const inv = copy(fx.inventory());
    expectRefused(decision('product.saved', { set: { inventory: [inv, inv] } }), 'set.inventory[1].productId: repeats set.inventory[0].productId "p-tea"');
  });

  it('a team is 2 to 100 people, with no more members than its size, closing after it opens', () => {
    const team = copy(fx.team());
    expectRefused(decision('team.succeeded', { set: { teams: [{ ...team, size: 1 }] } }), 'set.teams[0].size: must be a whole number from 2 to 100, got 1');
    expectRefused(decision('team.succeeded', { set: { teams: [{ ...team, size: 2 }] } }), 'set.teams[0].members: must have at most size (2) members, got 3');
    expectRefused(decision('team.succeeded', { set: { teams: [{ ...team, deadline: team.openedAt }] } }), 'set.teams[0].deadline: must be after openedAt');
  });

  it('reviews and withdrawals', () => {
    expectRefused(decision('review.published', { set: { reviews: [{ ...copy(fx.review()), rating: 0 }] } }), 'set.reviews[0].rating: must be a whole number from 1 to 5, got 0');
    expectRefused(decision('withdrawal.held', { set: { withdrawals: [{ ...copy(fx.withdrawal()), amount: 0 }] } }), 'set.withdrawals[0].amount: must be a whole number of minor units from 1 to 10000000000, got 0');
    expectRefused(decision('withdrawal.held', { set: { withdrawals: [{ ...copy(fx.withdrawal()), status: 'lost' }] } }), 'set.withdrawals[0].status: must be one of "pending", "paid", "declined", got text "lost"');
  });

  it('a snapshot of the shop, products and promotions is checked as the seller forms are', () => {
    expectRefused(decision('shop.saved', { set: { shop: { ...copy(fx.shop()), currency: 'yuan' } } }), 'set.shop.currency: must be at most 3 characters, got 4');
    expectRefused(decision('product.saved', { set: { products: [{ ...copy(fx.product()), price: 0 }] } }), 'set.products[0].price: must be a whole number of minor units from 1 to 10000000000, got 0');
    expectRefused(decision('promotion.saved', { set: { promotions: [{ ...copy(fx.couponPromotion()), kind: 'bogus' }] } }), 'set.promotions[0].kind: must be one of "threshold", "coupon", got text "bogus"');
  });
});
