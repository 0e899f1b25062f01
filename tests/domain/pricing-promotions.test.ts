import { describe, expect, it } from 'vitest';
import { HOUR, type CouponPromotion } from '../../src/domain/catalog.ts';
import type { TeamId } from '../../src/domain/ids.ts';
import { quote } from '../../src/domain/pricing/quote.ts';
import type { Quote } from '../../src/domain/pricing/types.ts';
import {
  T0,
  amountOff,
  coupon,
  input,
  line,
  m,
  percentOff,
  team,
  threshold,
  type Scenario,
} from './fixtures/pricing-fixture.ts';

const codes = (q: Quote) => q.problems.map((p) => p.code);
const kinds = (q: Quote) => q.discounts.map((d) => d.kind);
const saving = (q: Quote, kind: string) => q.discounts.find((d) => d.kind === kind)?.amount;
const priced = (s: Scenario) => {
  const q = quote(input(s));
  expect(q.total).toBe(q.subtotal - q.discountTotal + q.shipping);
  return q;
};

describe('thresholds (满减)', () => {
  const once = threshold('once', 5000, 500);

  it('saves once the regular spend reaches the threshold, not before', () => {
    expect(saving(priced({ lines: [line('tea', 5)], promotions: [once] }), 'threshold')).toBe(500);
    expect(kinds(priced({ lines: [line('tea', 4), line('pen', 3)], promotions: [once] }))).toEqual([]); // 4999
  });

  it('applies once even far above the threshold, unless it repeats', () => {
    expect(saving(priced({ lines: [line('tea', 12)], promotions: [once] }), 'threshold')).toBe(500);
    const each = threshold('each', 3000, 300, { repeat: true, label: 'Save 300 for every 3000' });
    const q = priced({ lines: [line('tea', 10)], promotions: [each] }); // 10000 → 3 × 300
    expect(q.discounts).toEqual([
      { kind: 'threshold', label: 'Save 300 for every 3000 (× 3)', amount: 900, promotionId: 'each' },
    ]);
  });

  it('applies only the single best of several tiers', () => {
    const tiers = [threshold('a', 2000, 150), threshold('b', 5000, 600), threshold('c', 8000, 1000)];
    const q = priced({ lines: [line('tea', 6)], promotions: tiers });
    expect(q.discounts).toEqual([expect.objectContaining({ kind: 'threshold', amount: 600, promotionId: 'b' })]);
  });

  it('prefers the larger saving, repeat or not, and breaks ties by the lowest id', () => {
    const repeatWins = [threshold('big', 5000, 700), threshold('rep', 2000, 300, { repeat: true })];
    expect(priced({ lines: [line('tea', 5)], promotions: repeatWins }).discounts[0]?.promotionId).toBe('big'); // 700 > 2 × 300
    expect(priced({ lines: [line('tea', 8)], promotions: repeatWins }).discounts[0]?.promotionId).toBe('rep'); // 4 × 300
    const tie = [threshold('z', 1000, 100), threshold('m', 1000, 100)];
    expect(priced({ lines: [line('tea', 2)], promotions: tie }).discounts[0]?.promotionId).toBe('m');
  });

  it('ignores flash and team lines, whose prices are already the deal', () => {
    const q = priced({ lines: [line('tea', 2), line('mug', 2, 'flash')], promotions: [threshold('t', 3000, 300)] });
    expect(q.subtotal).toBe(7000);
    expect(kinds(q)).toEqual(['flash']);
    const teamOnly = priced({
      lines: [line('dumplings', 5, 'team')],
      team: { action: 'start' },
      promotions: [threshold('t', 1000, 100)],
    });
    expect(kinds(teamOnly)).toEqual(['team']);
  });

  it('applies only while live: active, from startsAt, before endsAt', () => {
    const cart = { lines: [line('tea', 2)] };
    const t = (extra: object) => [threshold('t', 1000, 100, extra)];
    expect(kinds(priced({ ...cart, promotions: t({ active: false }) }))).toEqual([]);
    expect(kinds(priced({ ...cart, promotions: t({ startsAt: T0 + 1 }) }))).toEqual([]);
    expect(kinds(priced({ ...cart, promotions: t({ startsAt: T0 }) }))).toEqual(['threshold']);
    expect(kinds(priced({ ...cart, promotions: t({ endsAt: T0 }) }))).toEqual([]);
    expect(kinds(priced({ ...cart, promotions: t({ endsAt: T0 + 1 }) }))).toEqual(['threshold']);
  });

  it('never saves more than the eligible amount, and skips a zero threshold', () => {
    const silly = priced({ lines: [line('tea', 1), line('mug', 1, 'flash')], promotions: [threshold('t', 500, 9999)] });
    expect(saving(silly, 'threshold')).toBe(1000);
    expect(kinds(priced({ lines: [line('tea', 1)], promotions: [threshold('z', 0, 100, { repeat: true })] }))).toEqual([]);
  });
});

describe('coupons', () => {
  const SAVE10 = coupon('c10', 'SAVE10', amountOff(1000));
  const withCoupon = (c: CouponPromotion, extra: Partial<Scenario> = {}) =>
    priced({ lines: [line('tea', 3)], promotions: [c], coupon: 'SAVE10', ...extra });

  it('takes a fixed amount off and names the coupon in the quote', () => {
    const q = withCoupon(SAVE10);
    expect(q.discounts).toEqual([
      { kind: 'coupon', label: expect.stringContaining('SAVE10'), amount: 1000, promotionId: 'c10' },
    ]);
    expect(q).toMatchObject({ total: 2000, coupon: 'SAVE10', problems: [] });
  });

  it('takes a percentage off, rounded down', () => {
    const q = priced({ lines: [line('pen', 3)], promotions: [coupon('p', 'TENPC', percentOff(10))], coupon: 'TENPC' });
    expect(saving(q, 'coupon')).toBe(99); // 10% of 999 is 99.9
    expect(q.total).toBe(900);
  });

  it('matches codes loosely, as people type them', () => {
    expect(withCoupon(SAVE10, { coupon: ' save10 ' }).coupon).toBe('SAVE10');
    expect(withCoupon(coupon('lc', ' Save10', amountOff(1000))).coupon).toBe('SAVE10');
  });

  it('ignores a blank code', () => {
    const q = withCoupon(SAVE10, { coupon: '   ' });
    expect(q.problems).toEqual([]);
    expect(q.coupon).toBeUndefined();
  });

  /** A refused coupon leaves the cart priced as if no code had been given. */
  function expectRefused(q: Quote, code: string) {
    expect(codes(q)).toEqual([code]);
    expect(q.coupon).toBeUndefined();
    expect(kinds(q)).not.toContain('coupon');
    expect(q.lines).toHaveLength(1);
    expect(q.total).toBe(3000);
  }

  it('refuses an unknown or inactive code', () => {
    expectRefused(withCoupon(SAVE10, { coupon: 'SAVE11' }), 'coupon-unknown');
    expectRefused(withCoupon({ ...SAVE10, active: false }), 'coupon-unknown');
  });

  it('refuses a coupon before it starts and from the moment it ends', () => {
    const window = { startsAt: T0, endsAt: T0 + HOUR };
    expectRefused(withCoupon({ ...SAVE10, ...window }, { at: T0 - 1 }), 'coupon-not-started');
    expect(withCoupon({ ...SAVE10, ...window }, { at: T0 }).coupon).toBe('SAVE10');
    expect(withCoupon({ ...SAVE10, ...window }, { at: T0 + HOUR - 1 }).coupon).toBe('SAVE10');
    expectRefused(withCoupon({ ...SAVE10, ...window }, { at: T0 + HOUR }), 'coupon-expired');
  });

  it('refuses a coupon used up, even one already past its limit', () => {
    const limited = { ...SAVE10, limit: 100 };
    expect(withCoupon(limited, { uses: { SAVE10: { total: 99, byBuyer: 0 } } }).coupon).toBe('SAVE10');
    expectRefused(withCoupon(limited, { uses: { SAVE10: { total: 100, byBuyer: 0 } } }), 'coupon-used-up');
    expectRefused(withCoupon(limited, { uses: { SAVE10: { total: 130, byBuyer: 0 } } }), 'coupon-used-up');
  });

  it('looks up uses by the normalised code', () => {
    const asked: string[] = [];
    const base = input({ lines: [line('tea', 3)], promotions: [{ ...SAVE10, limit: 5 }], coupon: ' save10' });
    quote({ ...base, couponUses: (code) => (asked.push(code), { total: 0, byBuyer: 0 }) });
    expect(asked).toEqual(['SAVE10']);
  });

  it('refuses a coupon this buyer has used as often as allowed', () => {
    const once = { ...SAVE10, perBuyerLimit: 1 };
    expect(withCoupon(once, { uses: { SAVE10: { total: 50, byBuyer: 0 } } }).coupon).toBe('SAVE10');
    expectRefused(withCoupon(once, { uses: { SAVE10: { total: 50, byBuyer: 1 } } }), 'coupon-buyer-limit');
  });

  it('refuses a coupon below its minimum spend, counted after the threshold', () => {
    const min = { ...SAVE10, minSpend: m(3000) };
    expect(withCoupon(min).coupon).toBe('SAVE10');
    const short = withCoupon(min, { lines: [line('tea', 2), line('pen', 3)] }); // 2999
    expect(codes(short)).toEqual(['coupon-min-spend']);
    expect(short).toMatchObject({ discounts: [], total: 2999 });
    const q = priced({
      lines: [line('tea', 3)],
      promotions: [min, threshold('t', 3000, 100)],
      coupon: 'SAVE10',
    });
    expect(codes(q)).toEqual(['coupon-min-spend']); // 3000 − 100 < 3000
    expect(kinds(q)).toEqual(['threshold']);
  });

  it('counts only regular-priced goods toward the minimum spend', () => {
    const flashOnly = priced({ lines: [line('mug', 2, 'flash')], promotions: [SAVE10], coupon: 'SAVE10' });
    expect(codes(flashOnly)).toEqual(['coupon-min-spend']);
    const team1 = priced({
      lines: [line('dumplings', 1, 'team')],
      team: { action: 'join', teamId: 't' as TeamId },
      teams: [team('t', 'dumplings', 2000)],
      promotions: [SAVE10],
      coupon: 'SAVE10',
    });
    expect(codes(team1)).toEqual(['coupon-min-spend']);
  });

  it('saves on what is left after the threshold, never more than that', () => {
    const tenPc = coupon('p', 'TENPC', percentOff(10));
    const t = threshold('t', 5000, 500);
    const q = priced({ lines: [line('tea', 6)], promotions: [tenPc, t], coupon: 'tenpc' });
    expect(saving(q, 'coupon')).toBe(550); // 10% of (6000 − 500)
    const huge = priced({
      lines: [line('tea', 6), line('mug', 1, 'flash')],
      promotions: [coupon('h', 'HUGE', amountOff(100_000)), t],
      coupon: 'HUGE',
    });
    expect(saving(huge, 'coupon')).toBe(5500);
    expect(huge.total).toBe(1500); // the flash mug is still paid for
  });

  it('caps a percentage above 100 at the eligible amount', () => {
    const q = priced({ lines: [line('tea', 2)], promotions: [coupon('p', 'ALL', percentOff(150))], coupon: 'ALL' });
    expect(saving(q, 'coupon')).toBe(2000);
    expect(q.total).toBe(0);
  });

  it('picks the live one when a code is reused, whatever the storage order', () => {
    const old = coupon('a-old', 'SAVE10', amountOff(100), { endsAt: T0 });
    const current = coupon('b-new', 'SAVE10', amountOff(200));
    for (const promotions of [[old, current], [current, old]]) {
      expect(priced({ lines: [line('tea', 3)], promotions, coupon: 'SAVE10' }).discounts[0]?.promotionId).toBe('b-new');
    }
  });
});
