import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOUR, type Product, type Promotion } from '../../src/domain/catalog.ts';
import type { TeamId } from '../../src/domain/ids.ts';
import type { CartLine, LineMode, TeamChoice } from '../../src/domain/orders.ts';
import { quote } from '../../src/domain/pricing/quote.ts';
import {
  CATALOG,
  T0,
  amountOff,
  coupon,
  input,
  line,
  m,
  percentOff,
  pickup,
  ship,
  team,
  threshold,
  type Scenario,
} from './fixtures/pricing-fixture.ts';

/** Usually `often`, one time in five `rarely`: keeps the interesting cases common enough to matter. */
const mostly = <T,>(often: fc.Arbitrary<T>, rarely: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary: often }, { weight: 1, arbitrary: rarely });
const sometimes = <T,>(arb: fc.Arbitrary<T>) => mostly(fc.constant(undefined), arb);
const between = (min: number, max: number) => fc.integer({ min, max });

/** Shop-sized prices, now and then a large one to push the sums. */
const price = mostly(between(0, 20_000), between(0, 1_000_000));
/** Mostly inside the mug's flash hour, sometimes either side of it. */
const when = mostly(between(T0, T0 + HOUR - 1), between(T0 - 2 * HOUR, T0 + 2 * HOUR));

/** The fixture catalog with every price (list, flash, team) drawn afresh. */
const catalog = fc
  .array(fc.tuple(price, price), { minLength: CATALOG.length, maxLength: CATALOG.length })
  .map((prices) =>
    CATALOG.map((p, i): Product => {
      const [list, special] = prices[i] ?? [0, 0];
      return {
        ...p,
        price: m(list),
        ...(p.flash && { flash: { ...p.flash, price: m(special) } }),
        ...(p.team && { team: { ...p.team, price: m(special) } }),
      };
    }),
  );

/** Mostly good quantities; sometimes one a buyer should not be able to send. */
const qty = mostly(between(1, 2), fc.oneof(between(1, 999), fc.constantFrom(0, -1, 1.5, 1000, Number.NaN)));

/** A line as the cart would make it (the product's own mode), or now and then anything at all. */
const cartLine = fc
  .record({
    usual: fc.constantFrom<[string, LineMode]>(
      ['tea', 'regular'],
      ['pen', 'regular'],
      ['mug', 'flash'],
      ['mug', 'regular'],
      ['odd', 'flash'],
      ['dumplings', 'regular'],
    ),
    odd: sometimes(fc.tuple(fc.constantFrom('ghost', 'nope', 'tea', 'mug'), fc.constantFrom<LineMode>('regular', 'team', 'flash'))),
    qty,
  })
  .map(({ usual: [id, mode], odd, qty }) => (odd === undefined ? line(id, qty, mode) : line(odd[0], qty, odd[1])));

const teamChoice = fc.constantFrom<TeamChoice>(
  { action: 'start' },
  { action: 'join', teamId: 't1' as TeamId },
  { action: 'join', teamId: 'gone' as TeamId },
);
const teamLine = fc.tuple(fc.constantFrom('dumplings', 'dumplings', 'odd', 'tea'), qty).map(([id, n]) => line(id, n, 'team'));

/** Mostly an ordinary cart; sometimes a team order, usually of one team line. */
const cart = mostly<{ lines: CartLine[]; team: TeamChoice | undefined }>(
  fc.record({ lines: fc.array(cartLine, { minLength: 1, maxLength: 5 }), team: fc.constant(undefined) }),
  fc.record({ lines: mostly(teamLine.map((l) => [l]), fc.array(cartLine, { maxLength: 3 })), team: teamChoice }),
);

const thresholds = fc.array(
  fc.record({ spend: between(0, 30_000), save: between(0, 5_000), repeat: fc.boolean(), active: fc.boolean() }),
  { maxLength: 4 },
);

/** One coupon for each code, each drawn live or not, limited or not. */
const couponFor = (code: string) =>
  fc.record({
    code: fc.constant(code),
    save: fc.oneof(price.map(amountOff), between(0, 150).map(percentOff)),
    minSpend: fc.oneof(fc.constant(0), between(0, 30_000)),
    limit: sometimes(between(0, 5)),
    perBuyerLimit: sometimes(between(0, 2)),
    active: mostly(fc.constant(true), fc.constant(false)),
    startsAt: mostly(between(T0 - 4 * HOUR, T0), between(T0, T0 + 2 * HOUR)),
    hours: between(0, 8),
  });
const coupons = fc.tuple(couponFor('SAVE10'), couponFor('tenpc'), couponFor('ALL'));

const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    products: catalog,
    cart,
    at: when,
    thresholds,
    coupons,
    code: fc.option(fc.constantFrom(' save10 ', 'TENPC', 'all', ' all', 'NOPE', ''), { nil: undefined, freq: 2 }),
    uses: fc.record({ total: fc.nat(4), byBuyer: fc.oneof(fc.constant(0), fc.nat(2)) }),
    delivery: sometimes(fc.constantFrom(ship(), ship(), pickup(), pickup(), ship('drone'), pickup('moon'))),
    teamPrice: price,
  })
  .map((r) => {
    const promotions: Promotion[] = [
      ...r.thresholds.map((t, i) => threshold(`t${i}`, t.spend, t.save, { repeat: t.repeat, active: t.active })),
      ...r.coupons.map(({ code, save, minSpend, hours, ...c }, i) =>
        coupon(`c${i}`, code, save, { ...c, minSpend: m(minSpend), endsAt: c.startsAt + hours * HOUR }),
      ),
    ];
    const uses = Object.fromEntries(['SAVE10', 'TENPC', 'ALL', 'NOPE'].map((code) => [code, r.uses]));
    return {
      products: r.products,
      lines: r.cart.lines,
      at: r.at,
      promotions,
      uses,
      teams: [team('t1', 'dumplings', r.teamPrice)],
      ...(r.code !== undefined && { coupon: r.code }),
      ...(r.delivery && { delivery: r.delivery }),
      ...(r.cart.team && { team: r.cart.team }),
    };
  });

describe('quote, over random carts', () => {
  it('keeps its sums whole, consistent and never negative', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const q = quote(input(s));
        for (const x of [q.subtotal, q.discountTotal, q.shipping, q.total, ...q.discounts.map((d) => d.amount)]) {
          expect(Number.isSafeInteger(x)).toBe(true);
        }
        expect(q.total).toBeGreaterThanOrEqual(0);
        expect(q.discountTotal).toBeLessThanOrEqual(q.subtotal);
        expect(q.total).toBe(q.subtotal - q.discountTotal + q.shipping);
        expect(q.discounts.every((d) => d.amount > 0)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never discounts regular goods by more than they cost', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const q = quote(input(s));
        const regular = q.lines.filter((l) => l.mode === 'regular').reduce((a, l) => a + l.amount, 0);
        const promo = q.discounts.filter((d) => d.kind === 'threshold' || d.kind === 'coupon').reduce((a, d) => a + d.amount, 0);
        expect(promo).toBeLessThanOrEqual(regular);
        expect(q.lines.every((l) => l.unitPrice <= l.listPrice && l.amount === l.listPrice * l.qty)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('prices or explains every line, and names a coupon only when it applies', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const q = quote(input(s));
        const cartLevel = q.problems.some((p) => p.code === 'empty-cart' || p.code === 'team-needs-one-line');
        if (!cartLevel) {
          const lineProblems = q.problems.filter((p) => p.productId !== undefined);
          expect(q.lines.length + lineProblems.length).toBe(s.lines.length);
        }
        if (q.coupon !== undefined) expect(q.problems.some((p) => p.code.startsWith('coupon-'))).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic: the same input twice gives deep-equal quotes', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        expect(quote(input(s))).toEqual(quote(input(s)));
      }),
      { numRuns: 300 },
    );
  });
});
