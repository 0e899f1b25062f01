import { describe, expect, it } from 'vitest';
import { DEMO_SHOP } from '../../src/app/demo/demo-catalog.ts';
import { parseShopForm, shopFormValues, type ShopFormValues } from '../../src/engines/forms/shop-form.ts';
import type { MoneyReader } from '../../src/engines/forms/product-form.ts';
import { parseMoney } from '../../src/ui/format.ts';

/** A reader for any currency, as the UI makes them (JPY has no minor digits). */
const readerFor = (currency: string): MoneyReader => {
  const digits = currency === 'JPY' ? 0 : 2;
  return { money: (text) => parseMoney(text, currency, 'en'), moneyText: (amount) => (amount / 10 ** digits).toFixed(digits) };
};

const values = (over: Partial<ShopFormValues> = {}): ShopFormValues => ({ ...shopFormValues(DEMO_SHOP, readerFor('CNY')), ...over });

function errorsOf(v: ShopFormValues) {
  const r = parseShopForm(v, readerFor, 'CNY');
  if (r.ok) throw new Error('expected the form to be refused');
  return r.errors;
}

describe('the shop form', () => {
  it('reads the demo shop back exactly as it was', () => {
    expect(values()).toMatchObject({ name: DEMO_SHOP.name, refundWindowDays: '7', shippingOptions: [{ fee: '8.00' }, { fee: '15.00' }] });
    expect(parseShopForm(values(), readerFor, 'CNY')).toEqual({ ok: true, value: DEMO_SHOP });
  });

  it('tidies the currency code, and reads fees in the currency typed', () => {
    const r = parseShopForm(values({ currency: ' jpy ', shippingOptions: [{ id: 'post', name: 'Post', fee: '800' }] }), readerFor, 'CNY');
    expect(r.ok && r.value.currency).toBe('JPY');
    expect(r.ok && r.value.shippingOptions).toEqual([{ id: 'post', name: 'Post', fee: 800 }]);
  });

  it('takes an empty fee as free delivery, and no pickup points or shipping options at all', () => {
    const r = parseShopForm(values({ pickupPoints: [], shippingOptions: [{ id: 's', name: 'Courier', fee: ' ' }] }), readerFor, 'CNY');
    expect(r.ok && r.value.shippingOptions[0]?.fee).toBe(0);
    expect(r.ok && r.value.pickupPoints).toEqual([]);
  });

  it('refuses a blank name, a bad currency, and policies out of range or not numbers', () => {
    expect(errorsOf(values({
      name: ' ', currency: 'yuan', autoConfirmDaysShipped: '-1', autoConfirmDaysPickup: '366', refundWindowDays: 'a week', compensationMultiple: '11',
    }))).toEqual({
      name: { code: 'required' },
      currency: { code: 'too-long', max: 3 },
      'policies.autoConfirmDaysShipped': { code: 'too-small', min: 0 },
      'policies.autoConfirmDaysPickup': { code: 'too-large', max: 365 },
      'policies.refundWindowDays': { code: 'not-a-number' },
      'policies.compensationMultiple': { code: 'too-large', max: 10 },
    });
    expect(errorsOf(values({ currency: 'C1Y' })).currency).toMatchObject({ code: 'invalid' });
    expect(errorsOf(values({ refundWindowDays: '' }))).toEqual({ 'policies.refundWindowDays': { code: 'required' } });
  });

  it('names the row of a pickup point or shipping option that is wrong', () => {
    expect(errorsOf(values({
      pickupPoints: [{ id: 'a', name: 'Kiosk', address: '1 Road' }, { id: 'b', name: '', address: ' ' }],
      shippingOptions: [{ id: 'c', name: 'Post', fee: '-2' }, { id: 'd', name: 'Van', fee: 'free' }],
    }))).toEqual({
      'pickupPoints[1].name': { code: 'required' },
      'pickupPoints[1].address': { code: 'required' },
      'shippingOptions[0].fee': { code: 'too-small', min: 0 },
      'shippingOptions[1].fee': { code: 'not-a-number' },
    });
  });
});
