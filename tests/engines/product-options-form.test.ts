/** The options part of the seller's product form: groups, the combinations they make, reading them (issue 13). */
import { describe, expect, it } from 'vitest';
import { demoProducts, OPTIONS_PRODUCT } from '../../src/app/demo/demo-catalog.ts';
import { emptyProductForm, productFormValues, type MoneyReader } from '../../src/engines/forms/product-form.ts';
import {
  addGroup, addValue, combinationCount, moveValue, NO_OPTIONS, optionsFormValues, parseOptionsForm, parseProductWithOptions,
  removeGroup, removeValue, renameGroup, renameValue, rowLabel, setRow, type NewId, type OptionsFormValues,
} from '../../src/engines/forms/product-options-form.ts';
import { parseMoney } from '../../src/ui/format.ts';

const CNY: MoneyReader = { money: (text) => parseMoney(text, 'CNY', 'en'), moneyText: (amount) => (amount / 100).toFixed(2) };
const NOW = new Date(2026, 10, 11, 9, 30).getTime();

/** Ids as a device would make them: never the same twice. */
function ids(): NewId {
  let n = 0;
  return (kind) => `${kind}-${++n}`;
}

/** Colour (red, blue) × Size (S, M), as a seller types them. */
function colourBySize(newId: NewId): OptionsFormValues {
  let v = addGroup(NO_OPTIONS, newId, '10');
  v = renameGroup(v, 0, 'Colour');
  v = renameValue(v, 0, 0, 'red');
  v = addValue(v, 0, newId, '10');
  v = renameValue(v, 0, 1, 'blue');
  v = addGroup(v, newId, '10');
  v = renameGroup(v, 1, 'Size');
  v = renameValue(v, 1, 0, 'S');
  v = addValue(v, 1, newId, '10');
  return renameValue(v, 1, 1, 'M');
}

const labels = (v: OptionsFormValues) => v.rows.map((r) => rowLabel(v, r));

describe('the combinations the groups make', () => {
  it('makes each value with each of the others, in the groups’ order, new ones sold with no stock', () => {
    const v = colourBySize(ids());
    expect(labels(v)).toEqual(['red, S', 'red, M', 'blue, S', 'blue, M']);
    expect(v.rows.every((r) => r.sold && r.stock === '0' && r.price === '10')).toBe(true);
    expect(new Set(v.rows.map((r) => r.id)).size).toBe(4);
  });

  it('keeps ids, prices and stock through a rename and a reorder', () => {
    const newId = ids();
    let v = colourBySize(newId);
    v = setRow(v, 1, { price: '12.50', stock: '7' });
    const redM = v.rows[1]!.id;
    v = renameValue(v, 0, 0, 'crimson');
    v = moveValue(v, 0, 1, -1, newId);
    expect(labels(v)).toEqual(['blue, S', 'blue, M', 'crimson, S', 'crimson, M']);
    const row = v.rows.find((r) => r.id === redM)!;
    expect(rowLabel(v, row)).toBe('crimson, M');
    expect(row).toMatchObject({ price: '12.50', stock: '7' });
  });

  it('removing a value keeps the combinations of the others; removing a group keeps one of each', () => {
    const newId = ids();
    let v = colourBySize(newId);
    v = setRow(v, 2, { stock: '3', sold: false });
    const blueS = v.rows[2]!.id;
    v = removeValue(v, 1, 1, newId); // no more M
    expect(labels(v)).toEqual(['red, S', 'blue, S']);
    expect(v.rows[1]).toMatchObject({ id: blueS, stock: '3', sold: false });
    v = removeGroup(v, 1, newId); // no more sizes
    expect(labels(v)).toEqual(['red', 'blue']);
    expect(v.rows[1]!.id).toBe(blueS);
  });

  it('a new value’s combinations take the price of their closest neighbour, never its stock', () => {
    const newId = ids();
    let v = colourBySize(newId);
    v = setRow(v, 2, { price: '20', stock: '5' }); // blue, S
    v = addValue(v, 1, newId, '10');
    v = renameValue(v, 1, 2, 'L');
    const blueL = v.rows.find((r) => rowLabel(v, r) === 'blue, L')!;
    expect(blueL).toMatchObject({ price: '20', stock: '0', sold: true });
    expect(v.rows.map((r) => r.id)).not.toContain(undefined);
  });

  it('adding a group keeps each combination’s id on its first new value', () => {
    const newId = ids();
    let v = addGroup(NO_OPTIONS, newId, '5');
    v = renameValue(renameGroup(v, 0, 'Weight'), 0, 0, '250 g');
    const first = v.rows[0]!.id;
    v = addGroup(v, newId, '5');
    v = addValue(renameValue(renameGroup(v, 1, 'Pack'), 1, 0, 'bag'), 1, newId, '5');
    expect(v.rows.map((r) => r.id)[0]).toBe(first);
    expect(v.rows).toHaveLength(2);
  });

  it('past 100 combinations the rows stay as they were and the form says so', () => {
    const newId = ids();
    let v = addGroup(NO_OPTIONS, newId, '1');
    for (let i = 1; i < 11; i++) v = addValue(v, 0, newId, '1');
    v = addGroup(v, newId, '1');
    for (let i = 1; i < 10; i++) v = addValue(v, 1, newId, '1');
    expect(combinationCount(v.groups)).toBe(110);
    expect(v.rows).toHaveLength(99); // what 11 × 9 made, kept
    v = { ...v, groups: v.groups.map((g, i) => ({ name: `G${i}`, values: g.values.map((x, j) => ({ ...x, name: `v${j}` })) })) };
    const read = parseOptionsForm(v, CNY);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.errors.combinations).toEqual({ code: 'too-many', max: 100 });
  });

  it('at most 3 groups', () => {
    const newId = ids();
    let v = NO_OPTIONS;
    for (let i = 0; i < 5; i++) v = addGroup(v, newId);
    expect(v.groups).toHaveLength(3);
  });
});

describe('reading the options', () => {
  it('reads groups, combinations and stocks', () => {
    let v = colourBySize(ids());
    v = setRow(v, 0, { price: '12', stock: '4' });
    v = setRow(v, 3, { sold: false });
    v = setRow(v, 1, { photo: 'photo-red-m.webp' });
    const read = parseOptionsForm(v, CNY);
    expect(read.ok).toBe(true);
    if (!read.ok || !read.value) return;
    expect(read.value.options.map((g) => g.name)).toEqual(['Colour', 'Size']);
    expect(read.value.combinations[0]).toMatchObject({ price: 1200, sold: true });
    expect(read.value.combinations[3]!.sold).toBe(false);
    expect(read.value.combinations[1]!.photo).toBe('photo-red-m.webp');
    expect(read.value.combinations[0]).not.toHaveProperty('photo');
    expect(read.value.stocks[0]).toEqual({ combination: v.rows[0]!.id, stock: 4 });
  });

  it('says what is wrong by field, and keeps what was typed', () => {
    let v = colourBySize(ids());
    v = renameGroup(v, 1, ' ');
    v = renameValue(v, 0, 1, ' Red');
    v = setRow(v, 0, { price: 'abc' });
    v = setRow(v, 1, { price: '0' });
    v = setRow(v, 2, { stock: '-1' });
    v = setRow(v, 3, { stock: '1.5' });
    const before = JSON.stringify(v);
    const read = parseOptionsForm(v, CNY);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors).toMatchObject({
      'options[1].name': { code: 'required' },
      'options[0].values[1].name': { code: 'duplicate' },
      'combinations[0].price': { code: 'not-a-number' },
      'combinations[1].price': { code: 'too-small' },
      'combinations[2].stock': { code: 'too-small', min: 0 },
      'combinations[3].stock': { code: 'not-whole' },
    });
    expect(JSON.stringify(v)).toBe(before);
  });

  it('a blank value name is required', () => {
    const v = addValue(colourBySize(ids()), 0, ids(), '1');
    const read = parseOptionsForm(v, CNY);
    expect(!read.ok && read.errors['options[0].values[2].name']).toEqual({ code: 'required' });
  });
});

describe('the whole product form with options', () => {
  const form = () => ({ ...emptyProductForm('p-1', NOW), name: 'Shirt', price: '', stock: '' });

  it('saves a new product with its options: the list price is the lowest sold, stock by combination', () => {
    let v = colourBySize(ids());
    v = setRow(v, 0, { price: '8', stock: '2', sold: false });
    v = setRow(v, 1, { price: '9', stock: '3' });
    const read = parseProductWithOptions(form(), v, CNY);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.product.price).toBe(900);
    expect(read.value.product.combinations).toHaveLength(4);
    expect(read.value.stock).toBe(0);
    expect(read.value.stocks?.map((s) => s.stock)).toEqual([2, 3, 0, 0]);
  });

  it('a flash sale may not promise more than the combinations hold together', () => {
    let v = colourBySize(ids());
    v = setRow(v, 0, { stock: '2' });
    const f = { ...form(), flash: true, flashPrice: '5', flashStock: '3', flashStartsAt: '2026-11-11T10:00', flashEndsAt: '2026-11-11T12:00' };
    const read = parseProductWithOptions(f, v, CNY);
    expect(!read.ok && read.errors['flash.stock']).toEqual({ code: 'over-stock', max: 2 });
  });

  it('edits the demo’s oolong: a renamed value keeps its id; removing all groups takes options away', () => {
    const oolong = demoProducts(NOW).find((p) => p.product.id === OPTIONS_PRODUCT)!.product;
    const values = productFormValues(oolong, undefined, CNY, NOW);
    let o = optionsFormValues(oolong, [], CNY);
    expect(o.rows).toHaveLength(oolong.combinations!.length);
    o = renameValue(o, 0, 0, 'Small');
    const read = parseProductWithOptions(values, o, CNY, oolong);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.product.options![0]!.values[0]).toEqual({ id: oolong.options![0]!.values[0]!.id, name: 'Small' });
    expect(read.value.product.combinations!.map((c) => c.id)).toEqual(oolong.combinations!.map((c) => c.id));
    const none = parseProductWithOptions({ ...values, stock: '5' }, NO_OPTIONS, CNY, oolong);
    expect(none.ok && none.value.product.options).toBeUndefined();
    expect(none.ok && none.value.stocks).toBeUndefined();
  });

  it('a wrong row stops the save, said at the row, not at the hidden price', () => {
    const v = setRow(colourBySize(ids()), 2, { price: '' });
    const read = parseProductWithOptions(form(), v, CNY);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors).toEqual({ 'combinations[2].price': { code: 'required' } });
  });
});
