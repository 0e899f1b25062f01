import { describe, expect, it } from 'vitest';
import type { Money, Product, ProductId } from '../../src/domain/index.ts';
import {
  classify, emptyProductForm, localTimeText, parseProductForm, productFormValues, readLocalTime, readMoney, readWhole, splitTags,
  type MoneyReader, type ProductFormValues,
} from '../../src/engines/forms/product-form.ts';
import { encodeToBudget, formatOf, photoFileName, targetSize, TARGET_BYTES } from '../../src/app/device/compress-photo.ts';
import { isLocalPhoto } from '../../src/app/queries/photos.ts';
import { parseMoney } from '../../src/ui/format.ts';

/** Yuan as typed in English: what the UI gives the forms. */
const CNY: MoneyReader = {
  money: (text) => parseMoney(text, 'CNY', 'en'),
  moneyText: (amount) => (amount / 100).toFixed(2),
};

const NOW = new Date(2026, 10, 11, 9, 30).getTime();

function form(over: Partial<ProductFormValues> = {}): ProductFormValues {
  return { ...emptyProductForm('p-tea', NOW), name: 'Green tea', category: 'Tea', price: '12.50', stock: '10', ...over };
}

const withTeam = (over: Partial<ProductFormValues> = {}) => form({ team: true, teamPrice: '10', teamSize: '3', teamWindowHours: '24', ...over });
const withFlash = (over: Partial<ProductFormValues> = {}) =>
  form({ flash: true, flashPrice: '9.90', flashStartsAt: '2026-11-11T20:00', flashEndsAt: '2026-11-12T20:00', flashStock: '5', flashPerBuyerLimit: '2', ...over });

function errorsOf(v: ProductFormValues, original?: Product, sold?: number) {
  const r = parseProductForm(v, CNY, original, sold);
  if (r.ok) throw new Error('expected the form to be refused');
  return r.errors;
}

describe('the product form', () => {
  it('reads a full product with a team buy, a flash sale, tags and photos', () => {
    const r = parseProductForm(
      withFlash({ team: true, teamPrice: '10', teamSize: '3', teamWindowHours: '24', tags: ' green, 明前，gift、green ', photos: ['photo-1.webp'], description: ' Spring. ' }),
      CNY,
    );
    expect(r).toEqual({
      ok: true,
      value: {
        stock: 10,
        product: {
          id: 'p-tea', name: 'Green tea', description: 'Spring.', category: 'Tea', tags: ['green', '明前', 'gift'], price: 1250,
          photos: ['photo-1.webp'], hidden: false,
          team: { price: 1000, size: 3, windowHours: 24 },
          flash: {
            price: 990, startsAt: new Date(2026, 10, 11, 20, 0).getTime(), endsAt: new Date(2026, 10, 12, 20, 0).getTime(), stock: 5, perBuyerLimit: 2,
          },
        },
      },
    });
  });

  it('refuses a flash sale of more units than the stock it comes from, counting what the sale sold already', () => {
    // The shop: 20 in stock, so a sale of 23 would promise units that are not there.
    expect(errorsOf(withFlash({ stock: '20', flashStock: '23' }))).toEqual({ 'flash.stock': { code: 'over-stock', max: 20 } });
    expect(parseProductForm(withFlash({ stock: '20', flashStock: '20' }), CNY).ok).toBe(true);
    // Editing a running sale: 2 of its 3 are sold (and off the stock), 1 on the shelf: still fine.
    const running = parseProductForm(withFlash({ stock: '20', flashStock: '3' }), CNY);
    if (!running.ok) throw new Error('expected a product');
    const original = running.value.product;
    expect(parseProductForm(withFlash({ stock: '1', flashStock: '3' }), CNY, original, 2).ok).toBe(true);
    expect(errorsOf(withFlash({ stock: '1', flashStock: '4' }), original, 2)).toEqual({ 'flash.stock': { code: 'over-stock', max: 3 } });
    // A new sale (another start) has sold nothing.
    expect(errorsOf(withFlash({ stock: '1', flashStock: '3', flashStartsAt: '2026-11-13T20:00', flashEndsAt: '2026-11-14T20:00' }), original, 2))
      .toEqual({ 'flash.stock': { code: 'over-stock', max: 1 } });
    // Its own problems first: a stock that is not a number is said of the stock alone.
    expect(errorsOf(withFlash({ stock: 'x', flashStock: '3' }))).toEqual({ stock: { code: 'not-a-number' } });
  });

  it('leaves out the team buy and flash sale when they are off, whatever their fields say', () => {
    const r = parseProductForm(form({ teamSize: '1', flashStock: 'lots' }), CNY);
    expect(r.ok && r.value.product).toEqual(expect.not.objectContaining({ team: expect.anything() }));
    expect(r.ok && 'flash' in r.value.product).toBe(false);
  });

  it('refuses a blank name, a price of zero and negative stock, each next to its field', () => {
    expect(errorsOf(form({ name: '   ', price: '0', stock: '-3' }))).toEqual({
      name: { code: 'required' },
      price: { code: 'too-small', min: 1 },
      stock: { code: 'too-small', min: 0 },
    });
  });

  it('says what is not a number, not whole, or missing', () => {
    expect(errorsOf(form({ price: 'twelve', stock: '2.5' }))).toEqual({ price: { code: 'not-a-number' }, stock: { code: 'not-whole' } });
    expect(errorsOf(form({ price: '', stock: '' }))).toEqual({ price: { code: 'required' }, stock: { code: 'required' } });
    expect(errorsOf(form({ price: '1.234' }))).toEqual({ price: { code: 'not-a-number' } });
    expect(errorsOf(form({ price: '-5' }))).toEqual({ price: { code: 'too-small', min: 1 } });
  });

  it('refuses a team of one, a window of no hours and a team price of zero', () => {
    expect(errorsOf(withTeam({ teamSize: '1', teamWindowHours: '0', teamPrice: '0' }))).toEqual({
      'team.size': { code: 'too-small', min: 2 },
      'team.windowHours': { code: 'too-small', min: 1 },
      'team.price': { code: 'too-small', min: 1 },
    });
    expect(errorsOf(withTeam({ teamSize: '101' }))).toEqual({ 'team.size': { code: 'too-large', max: 100 } });
  });

  it('refuses a flash sale that ends before it starts, or when it starts', () => {
    expect(errorsOf(withFlash({ flashEndsAt: '2026-11-11T19:00' }))).toEqual({ 'flash.endsAt': { code: 'ends-before-start' } });
    expect(errorsOf(withFlash({ flashEndsAt: '2026-11-11T20:00' }))).toEqual({ 'flash.endsAt': { code: 'ends-before-start' } });
  });

  it('refuses flash sale fields that are missing, unreadable or out of range', () => {
    expect(errorsOf(withFlash({ flashStartsAt: '', flashEndsAt: 'soon', flashStock: '0', flashPerBuyerLimit: '-1', flashPrice: '' }))).toEqual({
      'flash.startsAt': { code: 'required' },
      'flash.endsAt': { code: 'not-a-time' },
      'flash.stock': { code: 'too-small', min: 1 },
      'flash.perBuyerLimit': { code: 'too-small', min: 1 },
      'flash.price': { code: 'required' },
    });
    // An end before the start is said at once, even while other fields of the sale are wrong…
    expect(errorsOf(withFlash({ flashEndsAt: '2026-11-11T19:00', flashPrice: '', flashStock: '-1' }))).toEqual({
      'flash.price': { code: 'required' },
      'flash.stock': { code: 'too-small', min: 1 },
      'flash.endsAt': { code: 'ends-before-start' },
    });
    // …but not when the start could not be read.
    expect(errorsOf(withFlash({ flashStartsAt: '2026-02-30T10:00' }))).toEqual({ 'flash.startsAt': { code: 'not-a-time' } });
  });

  it('keeps the domain rules for text and lists: too long, too many', () => {
    expect(errorsOf(form({ name: 'x'.repeat(121) }))).toEqual({ name: { code: 'too-long', max: 120 } });
    expect(errorsOf(form({ tags: Array.from({ length: 21 }, (_, i) => `t${i}`).join(',') }))).toEqual({ tags: { code: 'too-many', max: 20 } });
    expect(errorsOf(form({ tags: `ok, ${'y'.repeat(41)}` }))).toEqual({ tags: { code: 'too-long', max: 40 } });
    expect(errorsOf(form({ photos: Array.from({ length: 13 }, (_, i) => `photo-${i}.webp`) }))).toEqual({ photos: { code: 'too-many', max: 12 } });
    expect(errorsOf(form({ photos: ['javascript:alert(1)'] })).photos).toMatchObject({ code: 'invalid' });
  });

  it('fills the form from a product and reads the same product back', () => {
    const product: Product = {
      id: 'phone' as ProductId, name: 'Pocket phone', description: 'Small.', category: 'Electronics', tags: ['phone', 'flash'],
      price: 99900 as Money, photos: ['photos/phone.svg'], hidden: true,
      team: { price: 89900 as Money, size: 2, windowHours: 48 },
      // Not on a whole minute: the sale is known by its exact start, which an unchanged form keeps.
      flash: { price: 49900 as Money, startsAt: NOW + 300_123, endsAt: NOW + 86_400_456, stock: 3, perBuyerLimit: 2 },
    };
    const values = productFormValues(product, { productId: product.id, stock: 20, flashSold: 1 }, CNY, NOW);
    expect(values).toMatchObject({ price: '999.00', stock: '20', tags: 'phone, flash', team: true, teamSize: '2', flash: true, flashStock: '3' });
    expect(parseProductForm(values, CNY, product)).toEqual({ ok: true, value: { product, stock: 20 } });
    // A changed start is read to the minute.
    const moved = parseProductForm({ ...values, flashStartsAt: localTimeText(NOW + 600_000) }, CNY, product);
    expect(moved.ok && moved.value.product.flash?.startsAt).toBe(NOW + 600_000);
  });
});

describe('the product form: prices', () => {
  it('refuses a team or flash price at or above the regular price, said of the offer', () => {
    expect(errorsOf(withTeam({ teamPrice: '20', price: '10' }))).toEqual({ 'team.price': { code: 'not-below-price', price: 1000 } });
    expect(errorsOf(withTeam({ teamPrice: '10', price: '10' }))).toEqual({ 'team.price': { code: 'not-below-price', price: 1000 } });
    expect(errorsOf(withFlash({ flashPrice: '12.50' }))).toEqual({ 'flash.price': { code: 'not-below-price', price: 1250 } });
    expect(parseProductForm(withTeam({ teamPrice: '9.99', price: '10' }), CNY).ok).toBe(true);
  });

  it('says an amount past the largest the shop takes is too large, not "not an amount"', () => {
    expect(readMoney('99999999999999', CNY)).toEqual({ error: { code: 'too-large', max: 10_000_000_000 } });
    expect(readMoney('100000000.01', CNY)).toEqual({ value: 10_000_000_001 }); // the domain's rule says this one
    expect(errorsOf(form({ price: '100000000.01' }))).toEqual({ price: { code: 'too-large', max: 10_000_000_000 } });
    expect(readMoney('12.345', CNY)).toEqual({ error: { code: 'not-a-number' } });
    expect(readMoney('abc', CNY)).toEqual({ error: { code: 'not-a-number' } });
    expect(errorsOf(form({ stock: '9999999999' }))).toEqual({ stock: { code: 'too-large', max: 1_000_000_000 } });
  });
});

describe('the form readers', () => {
  it('read whole numbers, tags and local times', () => {
    expect(readWhole(' 12 ')).toEqual({ value: 12 });
    expect(readWhole('-3')).toEqual({ value: -3 });
    expect(readWhole('1,5')).toEqual({ error: { code: 'not-whole' } });
    expect(readWhole('1e3')).toEqual({ error: { code: 'not-a-number' } });
    expect(readWhole('  ')).toEqual({ blank: true });
    expect(splitTags(' , a,,b , a ')).toEqual(['a', 'b']);
    expect(readLocalTime('2026-11-11T20:15')).toEqual({ value: new Date(2026, 10, 11, 20, 15).getTime() });
    expect(readLocalTime('2026-13-01T00:00')).toEqual({ error: { code: 'not-a-time' } });
    expect(localTimeText(new Date(2026, 0, 2, 3, 4).getTime())).toBe('2026-01-02T03:04');
  });

  it('turn the domain messages into kinds of error', () => {
    expect(classify('must be a whole number from 2 to 100, got 1')).toEqual({ code: 'too-small', min: 2 });
    expect(classify('must be a whole number of minor units from 1 to 10000000000, got 10000000001')).toEqual({ code: 'too-large', max: 10000000000 });
    expect(classify('must be after startsAt')).toEqual({ code: 'ends-before-start' });
    expect(classify('must not be more than spend')).toEqual({ code: 'save-over-spend' });
    expect(classify('repeats pickupPoints[0].id "a"')).toEqual({ code: 'duplicate' });
    expect(classify('something new')).toEqual({ code: 'invalid', message: 'something new' });
  });
});

describe('the product photos (the parts that are pure)', () => {
  it('are drawn with the long side at most 1200 px, the shape kept, never enlarged', () => {
    expect(targetSize(4000, 3000)).toEqual({ width: 1200, height: 900 });
    expect(targetSize(3000, 4000)).toEqual({ width: 900, height: 1200 });
    expect(targetSize(4032, 1816)).toEqual({ width: 1200, height: 540 });
    expect(targetSize(800, 600)).toEqual({ width: 800, height: 600 });
    expect(targetSize(12000, 10)).toEqual({ width: 1200, height: 1 });
    expect(targetSize(4000, 3000, 960)).toEqual({ width: 960, height: 720 });
    expect(() => targetSize(0, 10)).toThrow(/nothing to show/);
  });

  it('lower the quality step by step until the photo fits the budget', async () => {
    const tried: number[] = [];
    const encode = async (q: number) => {
      tried.push(q);
      return new Blob([new Uint8Array(Math.round(q * 250_000))]);
    };
    const r = await encodeToBudget(encode);
    expect(TARGET_BYTES).toBe(150_000);
    expect(tried).toEqual([0.82, 0.72, 0.62, 0.52]);
    expect(r).toMatchObject({ quality: 0.52, tries: 4, fits: true });
    expect(r.blob.size).toBeLessThanOrEqual(TARGET_BYTES);
  });

  it('give the smallest try when none fits (the caller then makes the picture smaller)', async () => {
    const r = await encodeToBudget(async (q) => new Blob([new Uint8Array(200_000 + Math.round(q * 1000))]), 150_000, [0.8, 0.5]);
    expect(r).toMatchObject({ quality: 0.5, tries: 2, fits: false });
  });

  it('are WebP where the browser encodes it, else JPEG, named for the product to refer to', () => {
    expect(formatOf('image/webp')).toBe('image/webp');
    expect(formatOf('image/png')).toBe('image/jpeg'); // asked for WebP, got PNG: no WebP encoder
    const name = photoFileName('0190f5a2-7c1e-7abc-8def-0123456789ab', 'image/webp');
    expect(name).toBe('photo-0190f5a2-7c1e-7abc-8def-0123456789ab.webp');
    expect(isLocalPhoto(name)).toBe(true);
    expect(isLocalPhoto(photoFileName('0190f5a2-7c1e-7abc-8def-0123456789ab', 'image/jpeg'))).toBe(true);
    expect(isLocalPhoto('photos/teapot.svg')).toBe(false);
    expect(isLocalPhoto('https://example.com/photo-1.webp')).toBe(false);
    // The product's validator takes the name as an attachment name.
    expect(parseProductForm(form({ photos: [name] }), CNY).ok).toBe(true);
  });
});
