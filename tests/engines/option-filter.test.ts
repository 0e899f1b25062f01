/** The catalog's filter by an option value within a category (issue 13): the chips, and what a chosen one keeps. */
import { describe, expect, it } from 'vitest';
import type { Combination, CombinationId, Inventory, Money, OptionValueId, Product, ProductId } from '../../src/domain/index.ts';
import { optionChips, productsWithOption, shelfWithOption, type OptionItem } from '../../src/engines/search/option-filter.ts';

/** A product of Colour × Size with the given combinations: [colour, size, stock, sold?]. */
function shirt(id: string, rows: Array<[string, string, number, boolean?]>, extra: Partial<Product> = {}, groups = ['Colour', 'Size']): OptionItem {
  const colours = [...new Set(rows.map((r) => r[0]))];
  const sizes = [...new Set(rows.map((r) => r[1]))];
  const vid = (g: string, name: string) => `${id}-${g}-${name}` as OptionValueId;
  const combinations: Combination[] = rows.map(([c, s, , sold]) => ({
    id: `${id}-${c}-${s}` as CombinationId, values: [vid('c', c), vid('s', s)], price: 1000 as Money, sold: sold ?? true,
  }));
  const product: Product = {
    id: id as ProductId, name: id, description: '', category: 'Clothes', tags: [], price: 1000 as Money, photos: [], hidden: false,
    options: [
      { name: groups[0]!, values: colours.map((c) => ({ id: vid('c', c), name: c })) },
      { name: groups[1]!, values: sizes.map((s) => ({ id: vid('s', s), name: s })) },
    ],
    combinations,
    ...extra,
  };
  const skus = rows.map(([c, s, stock]) => ({ productId: product.id, combination: `${id}-${c}-${s}` as CombinationId, stock }) as Inventory);
  return { product, skus };
}

const plain: OptionItem = {
  product: { id: 'socks' as ProductId, name: 'socks', description: '', category: 'Clothes', tags: ['red'], price: 500 as Money, photos: [], hidden: false },
  skus: [],
};

describe('the chips of a category', () => {
  it('offers each group’s values that some product has in stock and for sale, by name across products', () => {
    const items = [
      shirt('linen', [['red', 'S', 3], ['red', 'M', 0], ['blue', 'S', 0], ['blue', 'M', 2, false]]),
      // Another seller's spelling of the same group and value; its green is sold out.
      shirt('cotton', [['Red ', 'M', 1], ['green', 'L', 0], ['white', 'XL', 4]], {}, ['colour', 'Size']),
      plain,
    ];
    expect(optionChips(items)).toEqual([
      // blue: one combination sold out, the other not for sale; green: sold out.
      { name: 'Colour', values: ['red', 'white'] },
      // linen's M is only in red (sold out) and blue (off); cotton's M in red has one.
      { name: 'Size', values: ['S', 'M', 'XL'] },
    ]);
  });

  it('leaves out hidden products and gives no chips without options', () => {
    expect(optionChips([shirt('hidden', [['red', 'S', 3]], { hidden: true }), plain])).toEqual([]);
  });
});

describe('what a chosen value keeps', () => {
  const items = [
    shirt('linen', [['red', 'S', 3], ['blue', 'S', 0], ['blue', 'M', 2, false]]),
    shirt('cotton', [['Red', 'M', 1], ['blue', 'L', 5]]),
    shirt('wool', [['red', 'L', 0], ['grey', 'L', 2]]),
    plain,
  ];
  it('keeps the products with a combination of that value for sale and in stock, whatever its case', () => {
    expect([...productsWithOption(items, { group: 'Colour', value: 'red' })].sort()).toEqual(['cotton', 'linen']);
    expect([...productsWithOption(items, { group: 'colour', value: 'BLUE' })]).toEqual(['cotton']);
    expect([...productsWithOption(items, { group: 'Size', value: 'L' })].sort()).toEqual(['cotton', 'wool']);
  });

  it('keeps none for a value sold out everywhere, or named in another group', () => {
    expect(productsWithOption(items, { group: 'Colour', value: 'M' }).size).toBe(0);
    expect(productsWithOption(items, { group: 'Size', value: 'red' }).size).toBe(0);
  });
});

describe('what a card shows while the catalog is filtered by a value', () => {
  /** The linen shirt with prices by size: S ¥10, M ¥12, L ¥15. */
  const priced = (rows: Array<[string, string, number, boolean?]>): OptionItem => {
    const item = shirt('linen', rows);
    const price: Record<string, number> = { S: 1000, M: 1200, L: 1500 };
    const combinations = item.product.combinations!.map((c) => ({ ...c, price: price[c.id.split('-')[2]!]! as Money }));
    return { ...item, product: { ...item.product, combinations, price: 1000 as Money } };
  };

  it('the lowest price and the stock of the combinations with that value, in stock and for sale', () => {
    const item = priced([['red', 'S', 0], ['red', 'M', 3], ['red', 'L', 2], ['blue', 'S', 9], ['blue', 'M', 4, false]]);
    // Red: S is sold out, so from ¥12, and 3 + 2 left (not the product's ¥10 and 14 left).
    expect(shelfWithOption(item, { group: 'Colour', value: 'red' })).toMatchObject({ price: 1200, stock: 5 });
    // The combinations its offers are judged over: red's for sale, the sold-out S among them.
    expect(shelfWithOption(item, { group: 'Colour', value: 'red' })!.combinations.map((c) => c.id.split('-')[2])).toEqual(['S', 'M', 'L']);
    // Blue: M is not for sale, so only S counts. Names as a person reads them.
    expect(shelfWithOption(item, { group: ' colour', value: 'BLUE' })).toMatchObject({ price: 1000, stock: 9 });
    // M: red's 3 (blue M is off).
    expect(shelfWithOption(item, { group: 'Size', value: 'M' })).toMatchObject({ price: 1200, stock: 3 });
  });

  it('all sold out: the lowest price of them, no stock; a value or group it lacks: nothing', () => {
    const item = priced([['red', 'S', 0], ['red', 'L', 0], ['blue', 'S', 1]]);
    expect(shelfWithOption(item, { group: 'Colour', value: 'red' })).toMatchObject({ price: 1000, stock: 0 });
    expect(shelfWithOption(item, { group: 'Colour', value: 'green' })).toBeUndefined();
    expect(shelfWithOption(item, { group: 'Material', value: 'red' })).toBeUndefined();
    expect(shelfWithOption(plain, { group: 'Colour', value: 'red' })).toBeUndefined();
  });
});
