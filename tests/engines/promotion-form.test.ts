import { describe, expect, it } from 'vitest';
import type { Money, Promotion, PromotionId } from '../../src/domain/index.ts';
import type { MoneyReader } from '../../src/engines/forms/product-form.ts';
import { emptyPromotionForm, parsePromotionForm, promotionFormValues, type PromotionFormValues } from '../../src/engines/forms/promotion-form.ts';
import { parseMoney } from '../../src/ui/format.ts';

const CNY: MoneyReader = { money: (text) => parseMoney(text, 'CNY', 'en'), moneyText: (amount) => (amount / 100).toFixed(2) };
const NOW = new Date(2026, 10, 1, 8, 0).getTime();
const at = (text: string) => new Date(text).getTime(); // "2026-11-11T00:00" is local time

const threshold = (over: Partial<PromotionFormValues> = {}) =>
  ({ ...emptyPromotionForm('spend-200', 'threshold', NOW), label: 'Spend 200, save 30', spend: '200', save: '30', ...over });
const coupon = (over: Partial<PromotionFormValues> = {}) =>
  ({ ...emptyPromotionForm('c-1', 'coupon', NOW), label: '10% off', code: ' double11 ', saveKind: 'percent' as const, percent: '10',
    startsAt: '2026-11-11T00:00', endsAt: '2026-11-12T00:00', ...over });

function errorsOf(v: PromotionFormValues, otherCodes: string[] = []) {
  const r = parsePromotionForm(v, CNY, { otherCodes });
  if (r.ok) throw new Error('expected the form to be refused');
  return r.errors;
}

describe('the threshold promotion form', () => {
  it('reads spend X save Y, with no dates or with both', () => {
    expect(parsePromotionForm(threshold({ repeat: true }), CNY)).toEqual({
      ok: true,
      value: { id: 'spend-200', kind: 'threshold', label: 'Spend 200, save 30', spend: 20000, save: 3000, repeat: true, active: true },
    });
    const dated = parsePromotionForm(threshold({ startsAt: '2026-11-11T00:00', endsAt: '2026-11-12T00:00' }), CNY);
    expect(dated.ok && [dated.value.startsAt, dated.value.endsAt]).toEqual([at('2026-11-11T00:00'), at('2026-11-12T00:00')]);
  });

  it('refuses saving more than the spend, a zero spend, an unreadable amount and an end before the start', () => {
    expect(errorsOf(threshold({ save: '300' }))).toEqual({ save: { code: 'save-over-spend' } });
    expect(errorsOf(threshold({ spend: '0', save: 'abc', label: '' }))).toEqual({
      spend: { code: 'too-small', min: 1 }, save: { code: 'not-a-number' }, label: { code: 'required' },
    });
    expect(errorsOf(threshold({ startsAt: '2026-11-12T00:00', endsAt: '2026-11-11T00:00' }))).toEqual({ endsAt: { code: 'ends-before-start' } });
    // Rules between two fields are said even while another field is wrong.
    expect(errorsOf(threshold({ label: ' ', save: '300', startsAt: '2026-11-12T00:00', endsAt: '2026-11-11T00:00' }))).toEqual({
      label: { code: 'required' }, save: { code: 'save-over-spend' }, endsAt: { code: 'ends-before-start' },
    });
  });
});

describe('the coupon form', () => {
  it('reads a percent-off coupon, upper-casing its code; empty limits are no limits', () => {
    expect(parsePromotionForm(coupon({ perBuyerLimit: '' }), CNY)).toEqual({
      ok: true,
      value: {
        id: 'c-1', kind: 'coupon', code: 'DOUBLE11', label: '10% off', save: { kind: 'percent', percent: 10 }, minSpend: 0,
        startsAt: at('2026-11-11T00:00'), endsAt: at('2026-11-12T00:00'), active: true,
      },
    });
  });

  it('reads an amount-off coupon with a minimum spend and limits', () => {
    const r = parsePromotionForm(coupon({ saveKind: 'amount', amount: '10', minSpend: '50', limit: '100', perBuyerLimit: '1' }), CNY);
    expect(r.ok && r.value).toMatchObject({ save: { kind: 'amount', amount: 1000 }, minSpend: 5000, limit: 100, perBuyerLimit: 1 });
  });

  it('refuses 0 or 101 percent, and a zero amount', () => {
    expect(errorsOf(coupon({ percent: '0' }))).toEqual({ percent: { code: 'too-small', min: 1 } });
    expect(errorsOf(coupon({ percent: '101' }))).toEqual({ percent: { code: 'too-large', max: 100 } });
    expect(errorsOf(coupon({ percent: '12.5' }))).toEqual({ percent: { code: 'not-whole' } });
    expect(errorsOf(coupon({ saveKind: 'amount', amount: '0' }))).toEqual({ amount: { code: 'too-small', min: 1 } });
  });

  it('needs a code, a label, a start and an end after it; limits of at least one', () => {
    expect(errorsOf(coupon({ code: ' ', label: '', startsAt: '', endsAt: '', limit: '0', perBuyerLimit: 'x' }))).toEqual({
      code: { code: 'required' }, label: { code: 'required' }, startsAt: { code: 'required' }, endsAt: { code: 'required' },
      limit: { code: 'too-small', min: 1 }, perBuyerLimit: { code: 'not-a-number' },
    });
    expect(errorsOf(coupon({ endsAt: '2026-11-10T00:00' }))).toEqual({ endsAt: { code: 'ends-before-start' } });
    expect(errorsOf(coupon({ code: '', endsAt: '2026-11-10T00:00' }))).toEqual({ code: { code: 'required' }, endsAt: { code: 'ends-before-start' } });
    expect(errorsOf(coupon({ minSpend: '-1' }))).toEqual({ minSpend: { code: 'too-small', min: 0 } });
  });

  it('refuses a code another coupon has, however it was typed', () => {
    expect(errorsOf(coupon(), ['welcome10', 'Double11'])).toEqual({ code: { code: 'duplicate' } });
  });

  it('fills the form from a coupon and reads it back exactly, odd times included', () => {
    const welcome: Promotion = {
      id: 'welcome-10' as PromotionId, kind: 'coupon', code: 'WELCOME10', label: '¥10 off', save: { kind: 'amount', amount: 1000 as Money },
      minSpend: 5000 as Money, startsAt: NOW - 3_600_123, endsAt: NOW + 30 * 86_400_000 + 7, perBuyerLimit: 1, active: true,
    };
    const v = promotionFormValues(welcome, CNY);
    expect(v).toMatchObject({ code: 'WELCOME10', saveKind: 'amount', amount: '10.00', minSpend: '50.00', limit: '', perBuyerLimit: '1' });
    expect(parsePromotionForm(v, CNY, { original: welcome })).toEqual({ ok: true, value: welcome });
  });
});
