import { describe, expect, it } from 'vitest';
import type { TeamId } from '../../src/domain/ids.ts';
import { quote } from '../../src/domain/pricing/quote.ts';
import type { Quote } from '../../src/domain/pricing/types.ts';
import {
  DUMPLINGS,
  FLASH_ENDS,
  T0,
  coupon,
  amountOff,
  input,
  line,
  m,
  pickup,
  ship,
  team,
  threshold,
} from './fixtures/pricing-fixture.ts';

const codes = (q: Quote) => q.problems.map((p) => p.code);

/** The promise every quote keeps, checked on every quote these tests make. */
function expectConsistent(q: Quote) {
  expect(q.subtotal).toBe(q.lines.reduce((s, l) => s + l.amount, 0));
  expect(q.discountTotal).toBe(q.discounts.reduce((s, d) => s + d.amount, 0));
  expect(q.total).toBe(q.subtotal - q.discountTotal + q.shipping);
  return q;
}

const priced = (...args: Parameters<typeof input>) => expectConsistent(quote(input(...args)));

describe('a plain cart', () => {
  it('prices regular lines at list price', () => {
    const q = priced({ lines: [line('tea', 2), line('pen', 1)] });
    expect(q.lines).toEqual([
      { productId: 'tea', name: 'Green tea', qty: 2, mode: 'regular', listPrice: 1000, unitPrice: 1000, amount: 2000 },
      { productId: 'pen', name: 'Pen', qty: 1, mode: 'regular', listPrice: 333, unitPrice: 333, amount: 333 },
    ]);
    expect(q).toMatchObject({ subtotal: 2333, discounts: [], discountTotal: 0, shipping: 0, total: 2333, problems: [] });
    expect(q.coupon).toBeUndefined();
  });

  it('says so when the cart is empty', () => {
    const q = priced({ lines: [], delivery: ship(), coupon: 'X' });
    expect(codes(q)).toEqual(['empty-cart']);
    expect(q.total).toBe(0);
  });
});

describe('lines with problems', () => {
  it.each([
    ['unknown-product', line('nope', 1)],
    ['product-hidden', line('ghost', 1)],
    ['bad-quantity', line('tea', 0)],
    ['bad-quantity', line('tea', -1)],
    ['bad-quantity', line('tea', 1.5)],
    ['bad-quantity', line('tea', 1000)],
    ['bad-quantity', line('tea', Number.NaN)],
    ['no-flash-sale', line('tea', 1, 'flash')],
  ])('%s is left out of the totals and explained', (code, bad) => {
    const q = priced({ lines: [line('pen', 1), bad] });
    expect(q.problems).toEqual([expect.objectContaining({ code, productId: bad.productId })]);
    expect(q.lines.map((l) => l.productId)).toEqual(['pen']);
    expect(q.total).toBe(333);
  });

  it('accepts the largest quantity, 999', () => {
    expect(priced({ lines: [line('tea', 999)] }).subtotal).toBe(999_000);
  });

  it('prices the first of a repeated product+mode and flags the repeat', () => {
    const q = priced({ lines: [line('tea', 1), line('tea', 2)] });
    expect(q.lines).toEqual([expect.objectContaining({ productId: 'tea', qty: 1 })]);
    expect(q.problems).toEqual([expect.objectContaining({ code: 'duplicate-line', productId: 'tea' })]);
  });

  it('allows the same product in two different modes', () => {
    const q = priced({ lines: [line('mug', 1), line('mug', 1, 'flash')] });
    expect(q.problems).toEqual([]);
    expect(q.lines.map((l) => l.mode)).toEqual(['regular', 'flash']);
  });

  it('keeps every bad line out of subtotal, discounts and total', () => {
    const q = priced({
      lines: [line('tea', 1), line('nope', 3), line('mug', 5, 'flash'), line('ghost', 1), line('pen', 2)],
      promotions: [threshold('t', 1000, 100)],
    });
    expect(codes(q)).toEqual(['unknown-product', 'flash-limit', 'product-hidden']);
    expect(q.problems.map((p) => p.productId)).toEqual(['nope', 'mug', 'ghost']);
    expect(q.lines.map((l) => l.productId)).toEqual(['tea', 'pen']);
    expect(q).toMatchObject({ subtotal: 1666, discountTotal: 100, total: 1566 });
  });

  it('charges no shipping when nothing could be priced', () => {
    const q = priced({ lines: [line('nope', 1)], delivery: ship() });
    expect(q).toMatchObject({ subtotal: 0, shipping: 0, total: 0 });
  });
});

describe('flash sales', () => {
  const flash = (at: number, qty = 1) => priced({ lines: [line('mug', qty, 'flash')], at });

  it('sells at the flash price inside the window, explaining the saving', () => {
    const q = flash(T0 + 60_000, 2);
    expect(q.lines).toEqual([expect.objectContaining({ listPrice: 2500, unitPrice: 1500, amount: 5000 })]);
    expect(q.discounts).toEqual([{ kind: 'flash', label: expect.stringContaining('Mug'), amount: 2000, productId: 'mug' }]);
    expect(q).toMatchObject({ subtotal: 5000, discountTotal: 2000, total: 3000, problems: [] });
  });

  it('starts exactly at startsAt and ends exactly at endsAt', () => {
    expect(codes(flash(T0 - 1))).toEqual(['flash-not-started']);
    expect(codes(flash(T0))).toEqual([]);
    expect(codes(flash(FLASH_ENDS - 1))).toEqual([]);
    expect(codes(flash(FLASH_ENDS))).toEqual(['flash-ended']);
    expect(flash(FLASH_ENDS).lines).toEqual([]);
  });

  it('holds a buyer to the per-buyer limit', () => {
    expect(codes(flash(T0, 2))).toEqual([]);
    const over = flash(T0, 3);
    expect(over.problems).toEqual([expect.objectContaining({ code: 'flash-limit', productId: 'mug' })]);
    expect(over.total).toBe(0);
  });

  it('never charges more than the list price, nor shows a negative saving', () => {
    const q = priced({ lines: [line('odd', 1, 'flash')] });
    expect(q.lines).toEqual([expect.objectContaining({ listPrice: 1000, unitPrice: 1000 })]);
    expect(q.discounts).toEqual([]);
    expect(q.total).toBe(1000);
  });
});

describe('team buys', () => {
  it('starts a team at the current team price', () => {
    const q = priced({ lines: [line('dumplings', 2, 'team')], team: { action: 'start' } });
    expect(q.lines).toEqual([expect.objectContaining({ listPrice: 3000, unitPrice: 2000, amount: 6000 })]);
    expect(q.discounts).toEqual([expect.objectContaining({ kind: 'team', amount: 2000, productId: 'dumplings' })]);
    expect(q).toMatchObject({ total: 4000, problems: [] });
  });

  it('joins at the price locked when the team started, after the seller changed prices', () => {
    const repriced = { ...DUMPLINGS, price: m(3500), team: { price: m(2600), size: 3, windowHours: 24 } };
    const q = priced({
      products: [repriced],
      teams: [team('team-1', 'dumplings', 2000)],
      lines: [line('dumplings', 1, 'team')],
      team: { action: 'join', teamId: 'team-1' as TeamId },
    });
    expect(q.lines).toEqual([expect.objectContaining({ listPrice: 3500, unitPrice: 2000, amount: 3500 })]);
    expect(q.discounts).toEqual([expect.objectContaining({ kind: 'team', amount: 1500 })]);
    expect(q.total).toBe(2000);
  });

  it('refuses a team that does not exist or is for another product', () => {
    const teams = [team('team-tea', 'tea', 500)];
    for (const teamId of ['missing', 'team-tea']) {
      const q = priced({ teams, lines: [line('dumplings', 1, 'team')], team: { action: 'join', teamId: teamId as TeamId } });
      expect(q.problems).toEqual([expect.objectContaining({ code: 'unknown-team', productId: 'dumplings' })]);
      expect(q.total).toBe(0);
    }
  });

  it('refuses a team line on a product with no team offer', () => {
    const q = priced({ lines: [line('tea', 1, 'team')], team: { action: 'start' } });
    expect(codes(q)).toEqual(['no-team-offer']);
  });

  it('needs the team line and the team choice together', () => {
    expect(codes(priced({ lines: [line('dumplings', 1, 'team')] }))).toEqual(['team-mode-mismatch']);
    expect(codes(priced({ lines: [line('dumplings', 1)], team: { action: 'start' } }))).toEqual(['team-mode-mismatch']);
    expect(codes(priced({ lines: [line('mug', 1, 'flash')], team: { action: 'start' } }))).toEqual(['team-mode-mismatch']);
  });

  it('refuses a team order of more than one line, pricing nothing', () => {
    const q = priced({ lines: [line('dumplings', 1, 'team'), line('tea', 1)], team: { action: 'start' } });
    expect(q.problems).toEqual([{ code: 'team-needs-one-line', message: expect.any(String) }]);
    expect(q.lines).toEqual([]);
  });

  it('never charges more than the list price for a team either', () => {
    const q = priced({ lines: [line('odd', 1, 'team')], team: { action: 'start' } });
    expect(q.lines[0]?.unitPrice).toBe(1000);
    expect(q.discounts).toEqual([]);
  });
});

describe('shipping', () => {
  it('adds the chosen option’s fee', () => {
    expect(priced({ lines: [line('tea', 1)], delivery: ship() })).toMatchObject({ shipping: 800, total: 1800, problems: [] });
  });

  it('costs nothing to pick up at a known point', () => {
    expect(priced({ lines: [line('tea', 1)], delivery: pickup() })).toMatchObject({ shipping: 0, total: 1000, problems: [] });
  });

  it('costs nothing with no delivery chosen yet', () => {
    expect(priced({ lines: [line('tea', 1)] }).shipping).toBe(0);
  });

  it('flags an unknown option or point, and a shop not yet loaded', () => {
    expect(codes(priced({ lines: [line('tea', 1)], delivery: ship('drone') }))).toEqual(['unknown-shipping-option']);
    expect(codes(priced({ lines: [line('tea', 1)], delivery: ship(), shop: undefined }))).toEqual(['unknown-shipping-option']);
    expect(codes(priced({ lines: [line('tea', 1)], delivery: pickup('moon') }))).toEqual(['unknown-pickup-point']);
    expect(codes(priced({ lines: [line('tea', 1)], delivery: pickup(), shop: undefined }))).toEqual(['unknown-pickup-point']);
    expect(priced({ lines: [line('tea', 1)], delivery: ship('drone') }).total).toBe(1000);
  });
});

describe('the whole quote', () => {
  it('explains flash, threshold and coupon savings in a fixed order and adds up', () => {
    const q = priced({
      lines: [line('tea', 6), line('mug', 1, 'flash'), line('pen', 3)],
      promotions: [coupon('c', 'SAVE10', amountOff(1000)), threshold('t', 5000, 500)],
      coupon: 'save10',
      delivery: ship(),
    });
    expect(q.discounts.map((d) => [d.kind, d.amount])).toEqual([
      ['flash', 1000],
      ['threshold', 500],
      ['coupon', 1000],
    ]);
    expect(q).toMatchObject({ subtotal: 6000 + 2500 + 999, discountTotal: 2500, shipping: 800, coupon: 'SAVE10' });
    expect(q.total).toBe(9499 - 2500 + 800);
  });

  it('gives the same quote for the same input', () => {
    const make = () => input({ lines: [line('tea', 3)], promotions: [threshold('t', 1000, 100)], delivery: ship() });
    expect(quote(make())).toEqual(quote(make()));
  });

  it('reads promotions from a one-shot iterable (the state hands over a generator)', () => {
    function* promotions() {
      yield threshold('t', 1000, 100);
      yield coupon('c', 'TEN', amountOff(10));
    }
    const q = priced({ lines: [line('tea', 2)], promotions: promotions(), coupon: 'TEN' });
    expect(q.discounts.map((d) => d.kind)).toEqual(['threshold', 'coupon']);
  });
});
