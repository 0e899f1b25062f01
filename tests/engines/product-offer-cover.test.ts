/** Which combinations a team buy and a flash sale cover, in the seller's product form (issue 13). */
import { describe, expect, it } from 'vitest';
import { validateProduct } from '../../src/domain/validate/index.ts';
import { emptyProductForm, productFormValues, type MoneyReader, type ProductFormValues } from '../../src/engines/forms/product-form.ts';
import {
  addGroup, addValue, NO_OPTIONS, optionsFormValues, parseProductWithOptions, removeValue, renameGroup, renameValue, setRow,
  type NewId, type OptionsFormValues,
} from '../../src/engines/forms/product-options-form.ts';
import { ALL_COMBINATIONS, pickCombination, setPickedPrice } from '../../src/engines/forms/product-offer-cover.ts';
import { parseMoney } from '../../src/ui/format.ts';

const CNY: MoneyReader = { money: (text) => parseMoney(text, 'CNY', 'en'), moneyText: (amount) => (amount / 100).toFixed(2) };
const NOW = new Date(2026, 10, 11, 9, 30).getTime();

function ids(): NewId {
  let n = 0;
  return (kind) => `${kind}-${++n}`;
}

/** Weight (100 g, 250 g) of a tea: ¥10 and ¥20, 5 of each. */
function tea(): OptionsFormValues {
  const newId = ids();
  let v = addGroup(NO_OPTIONS, newId, '10');
  v = renameGroup(v, 0, 'Weight');
  v = renameValue(v, 0, 0, '100 g');
  v = addValue(v, 0, newId, '10');
  v = renameValue(v, 0, 1, '250 g');
  v = setRow(v, 0, { price: '10', stock: '5' });
  return setRow(v, 1, { price: '20', stock: '5' });
}

const base = (): ProductFormValues => ({ ...emptyProductForm('p-1', NOW), name: 'Tea', price: '', stock: '' });
const flash = (over: Partial<ProductFormValues> = {}): ProductFormValues =>
  ({ ...base(), flash: true, flashPrice: '15', flashStock: '3', flashStartsAt: '2026-11-11T10:00', flashEndsAt: '2026-11-11T12:00', ...over });

describe('an offer on every combination (the default)', () => {
  it('lists none, and its price must be below the lowest', () => {
    const o = tea();
    const read = parseProductWithOptions(flash({ flashPrice: '9' }), o, CNY);
    expect(read.ok && read.value.product.flash?.combinations).toBeUndefined();
    const dear = parseProductWithOptions(flash(), o, CNY);
    expect(!dear.ok && dear.errors['flash.price']).toEqual({ code: 'not-below-price', price: 1000 });
  });
});

describe('a flash sale for one combination', () => {
  it('lists it, at the sale’s price, which need be below that combination’s only', () => {
    const o = tea();
    const cover = pickCombination({ all: false, picked: {} }, o.rows[1]!.id, true);
    const read = parseProductWithOptions(flash({ flashCover: cover }), o, CNY);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.product.flash?.combinations).toEqual([{ id: o.rows[1]!.id }]);
    expect(validateProduct(read.value.product).ok).toBe(true);
  });

  it('at a price of its own', () => {
    const o = tea();
    let cover = pickCombination({ all: false, picked: {} }, o.rows[0]!.id, true);
    cover = pickCombination(cover, o.rows[1]!.id, true);
    cover = setPickedPrice(cover, o.rows[1]!.id, '18');
    const read = parseProductWithOptions(flash({ flashPrice: '8', flashCover: cover }), o, CNY);
    expect(read.ok && read.value.product.flash?.combinations).toEqual([{ id: o.rows[0]!.id }, { id: o.rows[1]!.id, price: 1800 }]);
  });

  it('each price below the combination it is for, said at the field it comes from', () => {
    const o = tea();
    let cover = pickCombination({ all: false, picked: {} }, o.rows[0]!.id, true);
    cover = pickCombination(cover, o.rows[1]!.id, true);
    cover = setPickedPrice(cover, o.rows[1]!.id, '20');
    const read = parseProductWithOptions(flash({ flashCover: cover }), o, CNY);
    expect(!read.ok && read.errors).toEqual({
      'flash.price': { code: 'not-below-price', price: 1000 },
      'flash.cover[1]': { code: 'not-below-price', price: 2000 },
    });
    const typo = parseProductWithOptions(flash({ flashCover: setPickedPrice(cover, o.rows[1]!.id, 'abc') }), o, CNY);
    expect(!typo.ok && typo.errors['flash.cover[1]']).toEqual({ code: 'not-a-number' });
  });

  it('picking none is said; its units may not exceed what the picked combinations hold', () => {
    const o = tea();
    const none = parseProductWithOptions(flash({ flashCover: { all: false, picked: {} } }), o, CNY);
    expect(!none.ok && none.errors['flash.cover']).toEqual({ code: 'required' });
    const cover = pickCombination({ all: false, picked: {} }, o.rows[1]!.id, true);
    const over = parseProductWithOptions(flash({ flashCover: cover, flashStock: '6' }), o, CNY);
    expect(!over.ok && over.errors['flash.stock']).toEqual({ code: 'over-stock', max: 5 });
  });

  it('a picked combination that is removed is no longer covered', () => {
    const o = tea();
    const cover = pickCombination(pickCombination({ all: false, picked: {} }, o.rows[0]!.id, true), o.rows[1]!.id, true);
    const fewer = removeValue(o, 0, 0, ids(), '10');
    const read = parseProductWithOptions(flash({ flashCover: cover }), fewer, CNY);
    expect(read.ok && read.value.product.flash?.combinations).toEqual([{ id: o.rows[1]!.id }]);
  });
});

describe('a team buy', () => {
  const team = (over: Partial<ProductFormValues>): ProductFormValues => ({ ...base(), team: true, teamPrice: '9', teamSize: '2', teamWindowHours: '24', ...over });

  it('is for the combination its starter chose unless the seller says any', () => {
    const o = tea();
    const one = parseProductWithOptions(team({}), o, CNY);
    expect(one.ok && one.value.product.team).toEqual({ price: 900, size: 2, windowHours: 24 });
    const any = parseProductWithOptions(team({ teamAny: true }), o, CNY);
    expect(any.ok && any.value.product.team?.anyCombination).toBe(true);
  });

  it('reads back as it was saved', () => {
    const o = tea();
    const cover = setPickedPrice(pickCombination(ALL_COMBINATIONS, o.rows[1]!.id, true), o.rows[1]!.id, '15');
    const read = parseProductWithOptions(team({ teamAny: true, teamCover: { ...cover, all: false } }), o, CNY);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const again = productFormValues(read.value.product, undefined, CNY, NOW);
    expect(again.teamAny).toBe(true);
    expect(again.teamCover).toEqual({ all: false, picked: { [o.rows[1]!.id]: '15.00' } });
    const o2 = optionsFormValues(read.value.product, [], CNY);
    const twice = parseProductWithOptions(again, o2, CNY, read.value.product);
    expect(twice.ok && twice.value.product.team).toEqual(read.value.product.team);
  });
});
