/** The catalog CSV with products with options: one row per combination, all or nothing. */
import { describe, expect, it } from 'vitest';
import { catalogLookup, csvToProducts, productsToCsv, type CatalogItem } from '../../src/engines/csv/catalog-csv.ts';
import { cid, m, optionTea, stocks } from '../domain/fixtures/shop.ts';

const HEADER = 'id,name,category,price,stock,option1,option2,sku,sku_sold';

describe('the products CSV with options', () => {
  it('reads one row per combination into one product, its groups and values in the order given, each combination with its price and stock', () => {
    const text = `${HEADER}
shirt,Shirt,Clothing,59.00,4,Colour: red,Size: M,shirt-red-m,
shirt,Shirt,Clothing,59.00,0,Colour: red,Size: XL,,
shirt,Shirt,Clothing,65.00,7,Colour: blue,Size: XL,,false
cup,Cup,Home,12.00,3,,,,
`;
    const { rows, errors } = csvToProducts(text, 'CNY');
    expect(errors).toEqual([]);
    expect(rows.map((r) => r.product.id)).toEqual(['shirt', 'cup']);
    const shirt = rows[0]!;
    expect(shirt.product.options).toEqual([
      { name: 'Colour', values: [{ id: 'red', name: 'red' }, { id: 'blue', name: 'blue' }] },
      { name: 'Size', values: [{ id: 'M', name: 'M' }, { id: 'XL', name: 'XL' }] },
    ]);
    expect(shirt.product.combinations).toEqual([
      { id: 'shirt-red-m', values: ['red', 'M'], price: 5900, sold: true },
      { id: 'red-XL', values: ['red', 'XL'], price: 5900, sold: true },
      { id: 'blue-XL', values: ['blue', 'XL'], price: 6500, sold: false },
    ]);
    // The list price is the lowest sold.
    expect(shirt.product.price).toBe(5900);
    expect(shirt.stocks).toEqual([{ combination: 'shirt-red-m', stock: 4 }, { combination: 'red-XL', stock: 0 }, { combination: 'blue-XL', stock: 7 }]);
    expect(rows[1]!.product.options).toBeUndefined();

    // Written back: the same rows, a combination each.
    const out = productsToCsv(rows, 'CNY');
    expect(out).toContain(',Colour: blue,Size: XL,,blue-XL,,false,,,\r\n');
    expect(csvToProducts(out, 'CNY').rows).toEqual(csvToProducts(out, 'CNY').rows);
    expect(csvToProducts(out, 'CNY').rows.map((r) => r.product)).toEqual(rows.map((r) => r.product));
  });

  it('names a cell without its group, and the same combination twice, and imports nothing', () => {
    const text = `${HEADER}
shirt,Shirt,Clothing,59.00,4,red,Size: M,,
tee,Tee,Clothing,9.00,4,Colour: red,,,
tee,Tee,Clothing,9.00,4,Colour: red,,,
`;
    const { errors } = csvToProducts(text, 'CNY');
    expect(errors[0]).toMatchObject({ line: 2, column: 'option1', code: 'option-cell' });
    expect(errors.some((e) => e.line === 3 && e.code === 'invalid' && /combinations\[1\]/.test(e.message))).toBe(true);
  });

  it("carries a combination's own photo (one not in the product's photos) out and back in sku_photo", () => {
    const blue = 'photo-0190f3a1-2b3c-7d4e-8f90-123456789ab2.webp';
    const text = `id,name,category,price,stock,photos,option1,sku,sku_photo
shirt,Shirt,Clothing,59.00,4,photos/red.svg,Colour: Red,red,
shirt,Shirt,Clothing,65.00,3,photos/red.svg,Colour: Blue,blue,${blue}
`;
    const { rows, errors } = csvToProducts(text, 'CNY');
    expect(errors).toEqual([]);
    expect(rows[0]!.product.photos).toEqual(['photos/red.svg']);
    expect(rows[0]!.product.combinations?.map((c) => c.photo)).toEqual([undefined, blue]);
    const out = productsToCsv(rows, 'CNY');
    expect(out).toContain(`,blue,${blue},`);
    expect(csvToProducts(out, 'CNY').rows.map((r) => r.product)).toEqual(rows.map((r) => r.product));
  });
});

describe('which combinations an offer covers, in the CSV', () => {
  const start = Date.UTC(2026, 11, 1);
  // A flash sale of the 250 g bag only, at ¥20 of its own (the sale's ¥5 is no combination's);
  // a team buy of the 100 g bag only, at the team's ¥8, one team mixing combinations.
  const tea = optionTea({
    flash: { price: m(500), startsAt: start, endsAt: start + 3_600_000, stock: 2, perBuyerLimit: 1, combinations: [{ id: cid('c3'), price: m(2000) }] },
    team: { price: m(800), size: 2, windowHours: 24, combinations: [{ id: cid('c1') }], anyCombination: true },
  });
  const item: CatalogItem = { product: tea, stock: 0, stocks: stocks({ c1: 1, c2: 1, c3: 5, c4: 0 }) };
  const out = productsToCsv([item], 'CNY');
  const lines = out.split('\r\n');

  it('writes each combination\'s cover, true, an amount of its own or false; a new shop reads back the same lists', () => {
    expect(lines[0]).toMatch(/,sku_sold,team_cover,flash_cover,team_any$/);
    expect(lines.slice(1, 5).map((l) => l.split(',').slice(-3).join(','))).toEqual(['true,false,true', 'false,false,true', 'false,20.00,true', 'false,false,true']);
    // Read where the shop has no such product (another phone, a new shop): not widened to all at ¥5.
    const fresh = csvToProducts(out, 'CNY');
    expect(fresh.errors).toEqual([]);
    expect(fresh.rows[0]!.product.flash?.combinations).toEqual([{ id: 'c3', price: 2000 }]);
    expect(fresh.rows[0]!.product.team?.combinations).toEqual([{ id: 'c1' }]);
    // One team may still mix combinations (it became a team of one combination: no column said so).
    expect(fresh.rows[0]!.product.team).toEqual(tea.team);
  });

  it('reads back its own export into the shop that has the product, lists and all (it was refused: "only a product with options can list combinations")', () => {
    const again = csvToProducts(out, 'CNY', { existing: catalogLookup([item]) });
    expect(again.errors).toEqual([]);
    expect(again.rows[0]!.product).toEqual(tea);
  });

  it('keeps the shop\'s lists from a sheet without the cover columns (a sheet of prices): neither widened nor dropped', () => {
    const header = 'id,price,stock,option1,option2,sku,team_price,team_size,team_window_hours';
    const text = `${header}
tea,10.00,1,Weight: 100 g,Pack: bag,c1,7.00,2,24
tea,15.00,1,Weight: 100 g,Pack: tin,c2,7.00,2,24
tea,22.00,5,Weight: 250 g,Pack: bag,c3,7.00,2,24
tea,28.00,0,Weight: 250 g,Pack: tin,c4,7.00,2,24
`;
    const read = csvToProducts(text, 'CNY', { existing: catalogLookup([item]) });
    expect(read.errors).toEqual([]);
    expect(read.rows[0]!.product.team).toEqual({ price: 700, size: 2, windowHours: 24, combinations: [{ id: 'c1' }], anyCombination: true });
    expect(read.rows[0]!.product.flash?.combinations).toEqual([{ id: 'c3', price: 2000 }]);
    // Without the 100 g bag the kept list names a combination no longer there: refused, not dropped.
    const fewer = csvToProducts(text.split('\n').filter((l) => !l.includes(',c1,')).join('\n'), 'CNY', { existing: catalogLookup([item]) });
    expect(fewer.errors.map((e) => e.message)).toEqual(['team.combinations[0].id: "c1" is not a combination of this product']);
  });

  it('refuses a cover that is not true, false or an amount, one of none, a price not below its combination\'s, and covers where they mean nothing', () => {
    const header = 'id,name,price,stock,option1,sku,team_price,team_size,team_window_hours,team_cover';
    const rows = (a: string, b: string) => `${header}\nshirt,Shirt,10.00,1,Size: S,s,8.00,2,24,${a}\nshirt,Shirt,12.00,1,Size: M,m,8.00,2,24,${b}\n`;
    const codes = (text: string) => csvToProducts(text, 'CNY').errors.map((e) => [e.line, e.column, e.code]);
    expect(codes(rows('maybe', 'true'))).toEqual([[2, 'team_cover', 'cover-cell']]);
    expect(codes(rows('false', 'no'))).toEqual([[2, 'team_cover', 'cover-none']]);
    // M at ¥12.00 of its own is not below M's ¥12.00; S at the team's ¥8 is.
    expect(codes(rows('true', '12.00'))).toEqual([[3, 'team_cover', 'not-below-price']]);
    // The team's ¥11 covers S (¥10) only if marked: not marked, fine; all of them (empty), not.
    expect(codes(rows('false', 'true').replace(/8\.00/g, '11.00'))).toEqual([]);
    expect(codes(rows('', '').replace(/8\.00/g, '11.00'))).toEqual([[2, 'team_price', 'not-below-price']]);
    expect(codes(`${header}\ncup,Cup,10.00,1,,,8.00,2,24,true\n`)).toEqual([[2, 'team_cover', 'cover-no-options']]);
    expect(codes(`${header}\nshirt,Shirt,10.00,1,Size: S,s,,,,true\nshirt,Shirt,12.00,1,Size: M,m,,,,false\n`)).toEqual([[2, 'team_cover', 'cover-no-offer']]);
  });

  it('reads team_any: true or false says whether one team may mix combinations; empty keeps the shop\'s; refused where it means nothing', () => {
    const header = 'id,name,price,stock,option1,sku,team_price,team_size,team_window_hours,team_any';
    const shirt = (any: string, team = '8.00,2,24') => `${header}\nshirt,Shirt,10.00,1,Size: S,s,${team},${any}\nshirt,Shirt,12.00,1,Size: M,m,${team},${any}\n`;
    const read = (text: string, existing?: CatalogItem[]) => csvToProducts(text, 'CNY', existing ? { existing: catalogLookup(existing) } : {});
    expect(read(shirt('true')).rows[0]!.product.team?.anyCombination).toBe(true);
    expect(read(shirt('false')).rows[0]!.product.team).not.toHaveProperty('anyCombination');
    expect(read(shirt('')).rows[0]!.product.team).not.toHaveProperty('anyCombination');
    // Empty keeps what the shop has; false turns it off.
    const had = read(shirt('true')).rows[0]!;
    expect(read(shirt(''), [had]).rows[0]!.product.team?.anyCombination).toBe(true);
    expect(read(shirt('no'), [had]).rows[0]!.product.team).not.toHaveProperty('anyCombination');
    // (A refused row also leaves its product's other line alone, named as the same id: not what is tested here.)
    const codes = (text: string) => read(text).errors.filter((e) => e.column === 'team_any').map((e) => [e.line, e.column, e.code]);
    expect(codes(shirt('maybe'))).toEqual([[2, 'team_any', 'bool'], [3, 'team_any', 'bool']]);
    expect(codes(shirt('true', ',,'))).toEqual([[2, 'team_any', 'cover-no-offer'], [3, 'team_any', 'cover-no-offer']]);
    expect(codes(`${header}\ncup,Cup,10.00,1,,,8.00,2,24,true\n`)).toEqual([[2, 'team_any', 'any-no-options']]);
    expect(codes(`${header}\ncup,Cup,10.00,1,,,8.00,2,24,false\n`)).toEqual([]);
  });
});
