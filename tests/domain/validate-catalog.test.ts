import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/domain/result.ts';
import { validateProduct, validatePromotion, validateShopProfile } from '../../src/domain/validate/index.ts';
import * as fx from './fixtures/events-fixture.ts';

type Doc = Record<string, unknown>;
const copy = <T>(x: T): Doc => JSON.parse(JSON.stringify(x)) as Doc;

function expectRefused(result: Result<unknown>, ...expected: string[]): void {
  if (result.ok) return expect.fail('expected a refusal');
  for (const e of expected) expect(result.errors, result.errors.join('\n')).toContain(e);
}

// Paths start at the form's own fields, so a form can show each error by its input.
describe('products (the seller form and CSV import)', () => {
  it('names every problem at once, by field', () => {
    const result = validateProduct({ id: 'p-1', name: '', description: 7, category: 'Tea', tags: [''], price: 12.5, photos: [], hidden: 'no' });
    expect(result).toEqual({
      ok: false,
      errors: [
        'name: must not be blank',
        'description: must be text, got 7',
        'tags[0]: must not be blank',
        'price: must be a whole number of minor units from 1 to 10000000000, got 12.5',
        'hidden: must be true or false, got text "no"',
      ],
    });
  });

  it('flash sale and team offer', () => {
    const p = copy(fx.product());
    p.flash = { price: 100, startsAt: fx.T0, endsAt: fx.T0 - 1, stock: 1, perBuyerLimit: 1 };
    expectRefused(validateProduct(p), 'flash.endsAt: must be after startsAt');
    p.flash = { price: 100, startsAt: fx.T0, stock: 1, perBuyerLimit: 1 };
    expectRefused(validateProduct(p), 'flash.endsAt: is required');
    p.flash = undefined;
    p.team = { price: 0, size: 101, windowHours: 0 };
    expectRefused(
      validateProduct(p),
      'team.price: must be a whole number of minor units from 1 to 10000000000, got 0',
      'team.size: must be a whole number from 2 to 100, got 101',
      'team.windowHours: must be a whole number from 1 to 720, got 0',
    );
  });

  it('photos are attachment names or web addresses', () => {
    const p = copy(fx.product());
    p.photos = ['data:image/png;base64,AAAA'];
    expectRefused(validateProduct(p), 'photos[0]: must be an attachment name or an http(s) address, not a "data:" address');
  });
});

describe('shop profile', () => {
  it('policies, currency, delivery options', () => {
    const s = copy(fx.shop());
    s.currency = 'RMB1';
    s.policies = { autoConfirmDaysShipped: -1, autoConfirmDaysPickup: 1.5, refundWindowDays: 7, compensationMultiple: 3 };
    s.shippingOptions = [{ id: 'std', name: 'Post', fee: -100 }];
    expectRefused(
      validateShopProfile(s),
      'currency: must be at most 3 characters, got 4',
      'policies.autoConfirmDaysShipped: must be a whole number from 0 to 365, got -1',
      'policies.autoConfirmDaysPickup: must be a whole number from 0 to 365, got 1.5',
      'policies.demoTopUps: is required',
      'shippingOptions[0].fee: must be a whole number of minor units from 0 to 10000000000, got -100',
    );
  });

  it('ids of pickup points and shipping options are unique', () => {
    const s = copy(fx.shop());
    s.shippingOptions = [
      { id: 'std', name: 'Post', fee: 0 },
      { id: 'std', name: 'Post again', fee: 100 },
    ];
    expectRefused(validateShopProfile(s), 'shippingOptions[1].id: repeats shippingOptions[0].id "std"');
  });
});

describe('promotions', () => {
  it('coupon percent is 1 to 100 whole', () => {
    for (const percent of [0, 101, 12.5]) {
      expectRefused(validatePromotion({ ...copy(fx.couponPromotion()), save: { kind: 'percent', percent } }), `save.percent: must be a whole number from 1 to 100, got ${percent}`);
    }
    expectRefused(validatePromotion({ ...copy(fx.couponPromotion()), save: { kind: 'percent', amount: 5 } }), 'save.percent: is required', 'save: unknown field "amount"');
  });

  it('coupon dates, limits and code', () => {
    const c = copy(fx.couponPromotion());
    expectRefused(validatePromotion({ ...c, endsAt: c.startsAt }), 'endsAt: must be after startsAt');
    expectRefused(validatePromotion({ ...c, limit: 0 }), 'limit: must be a whole number from 1 to 1000000000, got 0');
    expectRefused(validatePromotion({ ...c, code: 'X'.repeat(41) }), 'code: must be at most 40 characters, got 41');
  });

  it('a threshold saves something, never more than the spend, and spend is above zero', () => {
    const t = copy(fx.thresholdPromotion());
    expectRefused(validatePromotion({ ...t, spend: 0 }), 'spend: must be a whole number of minor units from 1 to 10000000000, got 0');
    expectRefused(validatePromotion({ ...t, save: 30001 }), 'save: must not be more than spend');
    expectRefused(validatePromotion({ ...t, endsAt: (t.startsAt as number) - 1 }), 'endsAt: must be after startsAt');
    expectRefused(validatePromotion({ ...t, kind: 'bogo' }), 'kind: must be one of "threshold", "coupon", got text "bogo"');
  });
});
