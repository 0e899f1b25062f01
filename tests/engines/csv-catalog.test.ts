import { describe, expect, it } from 'vitest';
import type { Money, Product, ProductId } from '../../src/domain/index.ts';
import { catalogLookup, csvToProducts, PRODUCT_COLUMNS, productsToCsv, type CatalogItem } from '../../src/engines/csv/catalog-csv.ts';
import { describeProblem } from '../../src/engines/csv/problems.ts';

const HEADER = PRODUCT_COLUMNS.join(',');
const T0 = Date.UTC(2026, 10, 11, 12);

function product(id: string, over: Partial<Product> = {}): Product {
  return { id: id as ProductId, name: `Product ${id}`, description: '', category: 'Misc', tags: [], price: 1290 as Money, photos: [], hidden: false, ...over };
}

/** Everything a cell can make hard: quotes, commas, line breaks, Chinese, formulas, lists, offers. */
const TRICKY: CatalogItem[] = [
  { product: product('plain'), stock: 0 },
  {
    product: product('red-apple', {
      name: 'Fuji apples 富士苹果 (1 kg), "the best"',
      description: 'Crisp, sweet.\nFrom Yantai — 烟台.\n\tIndented "quote", comma',
      category: '水果 Fruit',
      tags: ['fresh', 'a|b', 'back\\slash', '中文'],
      photos: ['photo-0190f.webp', 'https://example.com/a.jpg?x=1,2'],
    }),
    stock: 40,
  },
  { product: product('formula', { name: '=HYPERLINK("http://evil","x")', description: '-- a note', category: '@home', tags: ['+1', '-sale'] }), stock: 3 },
  { product: product('apostrophe', { name: "'=already quoted", description: "'" }), stock: 1 },
  { product: product('hidden-one', { hidden: true, price: 1 as Money }), stock: 1_000_000_000 },
  { product: product('dumpling', { price: 3600 as Money, team: { price: 2800 as Money, size: 3, windowHours: 24 } }), stock: 40 },
  {
    product: product('mobile-phone', {
      price: 99900 as Money,
      flash: { price: 79900 as Money, startsAt: T0, endsAt: T0 + 3_600_000 + 1, stock: 5, perBuyerLimit: 1 },
      team: { price: 95000 as Money, size: 2, windowHours: 720 },
    }),
    stock: 20,
  },
];

const withRows = (...rows: string[]) => `${HEADER}\n${rows.join('\n')}\n`;
const row = (over: Partial<Record<(typeof PRODUCT_COLUMNS)[number], string>> = {}) => {
  const base: Record<string, string> = { id: 'p1', name: 'Thing', price: '12.90', stock: '5', hidden: 'false' };
  const cells = { ...base, ...over };
  return PRODUCT_COLUMNS.map((c) => cells[c] ?? '').join(',');
};

/** The shop as it is: the demo's dumplings (with a photo and a team buy) and two teapots of one name. */
const SHOP: CatalogItem[] = [
  { product: product('dumpling', { name: 'Frozen dumplings', price: 3600 as Money, photos: ['photos/dumpling.svg'], tags: ['frozen'], team: { price: 2600 as Money, size: 3, windowHours: 24 } }), stock: 40 },
  { product: product('pot-1', { name: 'Teapot' }), stock: 1 },
  { product: product('pot-2', { name: 'Teapot' }), stock: 2 },
  { product: product('cup', { name: 'Tea cup', description: 'White.' }), stock: 9 },
  // A flash sale of 5 running, 2 of them sold (off the shelf already): 3 left on the shelf.
  {
    product: product('phone', { price: 99900 as Money, flash: { price: 79900 as Money, startsAt: T0, endsAt: T0 + 3_600_000, stock: 5, perBuyerLimit: 1 } }),
    stock: 3, flashSold: 2,
  },
];
const existing = catalogLookup(SHOP);
let made = 0;
const partial = (text: string) => csvToProducts(text, 'CNY', { existing, newId: () => `p-new-${++made}` });

describe('the products CSV: a sheet of some columns', () => {
  it('takes id,name,price,stock: what it names changes, what it leaves out stays', () => {
    const r = partial('id,name,price,stock\ndumpling,Frozen dumplings 速冻水饺,38.00,50\n');
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([{
      line: 2,
      stock: 50,
      product: { ...SHOP[0]!.product, name: 'Frozen dumplings 速冻水饺', price: 3800 },
    }]);
  });

  it('keeps the photos of an empty photos cell, and the name, price and stock of empty cells', () => {
    const r = partial('id,name,price,stock,photos,description\ndumpling,,,,,\n');
    expect(r.errors).toEqual([]);
    expect(r.rows[0]).toMatchObject({ stock: 40, product: { name: 'Frozen dumplings', price: 3600, photos: ['photos/dumpling.svg'], description: '' } });
  });

  it('finds a product by its exact name when there is no id, and says so when the name is not one product', () => {
    const r = partial('name,price\nTea cup,2.50\n Teapot ,3\n');
    expect(r.rows.map((x) => [x.product.id, x.product.price, x.product.description])).toEqual([['cup', 250, 'White.']]);
    expect(r.errors.map((e) => [e.line, e.code, e.column])).toEqual([[3, 'ambiguous-name', 'name']]);
    expect(r.errors[0]!.params).toMatchObject({ count: 2, ids: 'pot-1, pot-2' });
  });

  it('makes a new product of a row that finds none, which needs a name, a price and a stock', () => {
    const r = partial('id,name,price,stock\n,Green tea,12.50,10\nlychee,Lychee honey,45,\n,,1,1\n');
    expect(r.rows.map((x) => [x.product.id.startsWith('p-new-'), x.product.name, x.stock])).toEqual([[true, 'Green tea', 10]]);
    expect(r.errors.map((e) => [e.line, e.code, e.params.columns])).toEqual([[3, 'new-product', 'stock'], [4, 'no-key', undefined]]);
  });

  it('changes one part of an offer and keeps the rest; all of its columns empty is none', () => {
    const cheaper = partial('id,team_price\ndumpling,25\n');
    expect(cheaper.rows[0]!.product.team).toEqual({ price: 2500, size: 3, windowHours: 24 });
    const none = partial('id,team_price,team_size,team_window_hours\ndumpling,,,\n');
    expect(none.rows[0]!.product.team).toBeUndefined();
  });

  it('refuses a flash sale that promises more units than the stock, counting what the running sale sold', () => {
    expect(partial('id,flash_stock\nphone,5\n').errors).toEqual([]);
    expect(partial('id,stock\nphone,3\n').errors).toEqual([]);
    const r = partial('id,stock\nphone,2\n');
    expect(r.rows).toEqual([]);
    expect(r.errors.map((e) => [e.line, e.column, e.code, e.params])).toEqual([[2, 'flash_stock', 'over-stock', { max: 4 }]]);
    // A new sale (another start) counts nothing sold yet; nor does a new product.
    expect(partial('id,flash_starts_at\nphone,2026-11-11T11:00Z\n').errors.map((e) => [e.code, e.params])).toEqual([['over-stock', { max: 3 }]]);
    const fresh = csvToProducts(withRows(row({ id: 'new', stock: '3', price: '20', flash_price: '10', flash_starts_at: '2026-11-11T10:00Z', flash_ends_at: '2026-11-11T12:00Z', flash_stock: '4', flash_per_buyer_limit: '1' })), 'CNY');
    expect(fresh.errors.map(describeProblem)).toEqual(["Line 2, flash_stock: must be at most 3: the sale's units come out of the stock"]);
  });

  it('refuses a team or flash price at or above the regular price', () => {
    const r = partial('id,price,team_price\ndumpling,10,20\ndumpling-2,26,26\n'.replace('dumpling-2', 'dumpling'));
    expect(r.rows).toEqual([]);
    expect(r.errors.filter((e) => e.code === 'not-below-price').map((e) => [e.line, e.column, e.params.price])).toEqual([[2, 'team_price', '10.00'], [3, 'team_price', '26.00']]);
    expect(partial('id,price,team_price\ndumpling,26,25.99\n').errors).toEqual([]);
  });

  it('names both lines of one product given twice, by id and by name', () => {
    const r = partial('id,name,price\ncup,,1\n,Tea cup,2\n');
    expect(r.errors.map((e) => [e.line, e.code])).toEqual([[2, 'duplicate-id'], [3, 'duplicate-id']]);
  });
});

describe('the products CSV', () => {
  it('round-trips exactly: products → CSV → products', () => {
    const text = productsToCsv(TRICKY, 'CNY');
    const back = csvToProducts(text, 'CNY');
    expect(back.errors).toEqual([]);
    expect(back.rows.map(({ product: p, stock }) => ({ product: p, stock }))).toEqual(TRICKY);
    // And the same file again, byte for byte.
    expect(productsToCsv(back.rows, 'CNY')).toBe(text);
  });

  it('writes what a spreadsheet shows plainly: major units, ISO times, | lists, guarded formulas', () => {
    const text = productsToCsv(TRICKY, 'CNY');
    expect(text.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
    expect(text).toContain('mobile-phone,Product mobile-phone,,Misc,,999.00,20,false,,950.00,2,720,799.00,2026-11-11T12:00:00.000Z,2026-11-11T13:00:00.001Z,5,1,,,,,,,,,\r\n');
    expect(text).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(text).toContain(`fresh|a\\|b|back\\\\slash|中文`);
    expect(text).toContain('hidden-one,Product hidden-one,,Misc,,0.01,1000000000,true,');
  });

  it('uses the currency’s digits: JPY has none', () => {
    const text = productsToCsv([{ product: product('a', { price: 1200 as Money }), stock: 1 }], 'JPY');
    expect(text).toContain('a,Product a,,Misc,,1200,1,false');
    expect(csvToProducts(text, 'JPY').rows[0]?.product.price).toBe(1200);
    const r = csvToProducts(withRows(row({ price: '12.5' })), 'JPY');
    expect(r.errors.map(describeProblem)).toEqual(['Line 2, price: has more decimals than JPY has (0), got "12.5"']);
  });

  it('names unknown and repeated columns, and a header with neither id nor name, on the header line', () => {
    const r = csvToProducts('\n\nid,name,cost,name,price,hidden\nx,y,1,y,2,false\n', 'CNY');
    expect(r.rows).toEqual([]);
    expect(r.errors.map((e) => [e.line, e.code])).toEqual([[3, 'unknown-columns'], [3, 'repeated-columns']]);
    expect(r.errors[0]!.params.columns).toBe('cost');
    expect(r.errors[1]!.params.columns).toBe('name');
    const keyless = csvToProducts('price,stock\n1,2\n', 'CNY');
    expect(keyless.errors.map((e) => [e.line, e.code])).toEqual([[1, 'no-key-column']]);
  });

  it('takes the columns in any order, in any case', () => {
    const cols = [...PRODUCT_COLUMNS].reverse();
    const text = `${cols.map((c) => c.toUpperCase()).join(',')}\n${cols.map((c) => ({ id: 'z', name: 'Zed', price: '1', stock: '2', hidden: 'TRUE' })[c as string] ?? '').join(',')}\n`;
    const r = csvToProducts(text, 'CNY');
    expect(r.errors).toEqual([]);
    expect(r.rows[0]).toMatchObject({ line: 2, stock: 2, product: { id: 'z', name: 'Zed', price: 100, hidden: true } });
  });

  it('says which cells hold bad numbers', () => {
    const r = csvToProducts(withRows(
      row({ id: 'a', price: '12.5.1' }),
      row({ id: 'b', price: 'abc' }),
      row({ id: 'c', price: '1e3' }),
      row({ id: 'd', price: '12.999' }),
      row({ id: 'e', stock: '2.5' }),
      row({ id: 'f', hidden: 'maybe' }),
      row({ id: 'g', price: '0' }),
    ), 'CNY');
    expect(r.rows).toEqual([]);
    expect(r.errors.map(describeProblem)).toEqual([
      'Line 2, price: must be an amount such as 12.90, got "12.5.1"',
      'Line 3, price: must be an amount such as 12.90, got "abc"',
      'Line 4, price: must be an amount such as 12.90, got "1e3"',
      'Line 5, price: has more decimals than CNY has (2), got "12.999"',
      'Line 6, stock: must be a whole number, got "2.5"',
      'Line 7, hidden: must be true or false, got "maybe"',
      'Line 8, price: must be an amount from 0.01 to 100000000.00, got 0.00',
    ]);
  });

  it('refuses negative stock, a missing price, a team of one and a flash sale that ends before it starts', () => {
    const r = csvToProducts(withRows(
      row({ id: 'neg', stock: '-5' }),
      row({ id: 'noprice', price: '' }),
      row({ id: 'team', team_price: '10', team_size: '1', team_window_hours: '24' }),
      row({ id: 'half-team', team_price: '10' }),
      row({ id: 'flash', flash_price: '10', flash_starts_at: '2026-11-11T20:00+08:00', flash_ends_at: '2026-11-11T10:00Z', flash_stock: '5', flash_per_buyer_limit: '1' }),
      row({ id: 'bad id!', name: ' ' }),
    ), 'CNY');
    expect(r.rows).toEqual([]);
    expect(r.errors.map(describeProblem)).toEqual([
      'Line 2, stock: must be a whole number from 0 to 1000000000, got -5',
      'Line 3: finds no product with the id "noprice", and a new one needs price',
      'Line 4, team_size: must be a whole number from 2 to 100, got 1',
      'Line 5, team_size: is required',
      'Line 5, team_window_hours: is required',
      'Line 6, flash_ends_at: must be after flash_starts_at',
      'Line 7: finds no product with the id "bad id!", and a new one needs name',
      expect.stringMatching(/^Line 7, id: must be an id/),
    ]);
    // Codes and parameters, for the UI to say them in the seller's language.
    expect(r.errors.map((e) => [e.code, e.params])).toEqual([
      ['range', { min: '0', max: '1000000000', got: '-5' }],
      ['new-product', { columns: 'price' }],
      ['range', { min: '2', max: '100', got: '1' }],
      ['required', {}],
      ['required', {}],
      ['ends-before-start', {}],
      ['new-product', { columns: 'name' }],
      ['bad-id', {}],
    ]);
  });

  it('names the item of a list, and says amounts in major units', () => {
    const r = csvToProducts(withRows(row({ photos: 'a.webp|javascript:alert(1)', price: '0.00', tags: 'x'.repeat(41) })), 'CNY');
    expect(r.errors.map(describeProblem)).toEqual([
      'Line 2, tags: item 1: must be at most 40 characters, got 41',
      'Line 2, price: must be an amount from 0.01 to 100000000.00, got 0.00',
      'Line 2, photos: item 2: must be an attachment name or an http(s) address, not a "javascript:" address',
    ]);
    expect(r.errors.map((e) => [e.code, e.params])).toEqual([
      ['too-long', { max: '40', got: '41', item: 1 }],
      ['amount-range', { min: '0.01', max: '100000000.00', got: '0.00' }],
      ['photo', { scheme: 'javascript', item: 2 }],
    ]);
  });

  it('names both lines of a repeated id', () => {
    const r = csvToProducts(withRows(row({ id: 'a' }), row({ id: 'b' }), row({ id: 'a' }), row({ id: 'a' })), 'CNY');
    expect(r.errors.map(describeProblem)).toEqual([
      'Line 2, id: the id "a" is also on line 4, 5',
      'Line 4, id: the id "a" is also on line 2, 5',
      'Line 5, id: the id "a" is also on line 2, 4',
    ]);
  });

  it('names a row with too few or too many cells, and skips rows of empty cells', () => {
    const r = csvToProducts(`${HEADER}\nx,y\n${row()},,\n,,,,\n${row({ id: 'q' })},extra\n`, 'CNY');
    expect(r.errors.map((e) => [e.line, e.code])).toEqual([[2, 'field-count'], [5, 'field-count']]);
    expect(r.rows.map((x) => x.line)).toEqual([3]);
  });

  it('says so of an empty file and of a header with no products', () => {
    expect(csvToProducts('', 'CNY').errors.map((e) => e.code)).toEqual(['empty']);
    expect(csvToProducts(`\uFEFF${HEADER}\r\n`, 'CNY').errors.map((e) => e.code)).toEqual(['no-rows']);
  });

  it('passes on an unterminated quote with its line', () => {
    const r = csvToProducts(withRows(row({ id: 'a' }), row({ id: 'b', name: '"Open' })), 'CNY');
    expect(r.errors.map(describeProblem)).toEqual(['Line 3: a quoted cell that begins on line 3 is never closed (a " is missing)']);
  });
});

describe('a 10,000-row file', () => {
  const big: CatalogItem[] = Array.from({ length: 10_000 }, (_, i) => ({
    product: product(`p-${i}`, {
      name: `Product ${i}, "boxed" 商品 ${i}`,
      description: i % 7 === 0 ? 'Two\nlines' : 'One line',
      tags: ['bulk', `t${i % 13}`],
      price: (100 + i) as Money,
      hidden: i % 10 === 0,
      ...(i % 50 === 0 && { team: { price: (90 + i) as Money, size: 3, windowHours: 24 } }),
    }),
    stock: i % 100,
  }));
  const text = productsToCsv(big, 'CNY');

  it('is read whole and exactly', () => {
    const r = csvToProducts(text, 'CNY');
    expect(r.errors).toEqual([]);
    expect(r.rows).toHaveLength(10_000);
    expect(r.rows[9_999]).toEqual({ line: expect.any(Number), ...big[9_999] });
    expect(r.rows.map(({ product: p, stock }) => ({ product: p, stock }))).toEqual(big);
  });

  it('names its one bad row, and nothing else', () => {
    const lines = text.split('\r\n');
    // Row 7,000 (price 71.00): not line 7,001, as descriptions have line breaks; found by its id.
    const at = lines.findIndex((l) => l.startsWith('p-7000,'));
    lines[at] = lines[at]!.replace(',71.00,', ',71.0.0,');
    const r = csvToProducts(lines.join('\r\n'), 'CNY');
    expect(r.errors).toHaveLength(1);
    const [e] = r.errors;
    expect(e).toMatchObject({ column: 'price', code: 'money' });
    expect(csvToProducts(lines.join('\r\n'), 'CNY').rows).toHaveLength(9_999);
    // The line number is the file's: count the physical lines before it.
    expect(e!.line).toBe(text.split('\r\n').slice(0, at).join('\r\n').split(/\r\n|\n/).length + 1);
  });
});
