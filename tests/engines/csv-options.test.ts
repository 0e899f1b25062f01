/** The catalog CSV with products with options: one row per combination, all or nothing. */
import { describe, expect, it } from 'vitest';
import { csvToProducts, productsToCsv } from '../../src/engines/csv/catalog-csv.ts';

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
    expect(out).toContain(',Colour: blue,Size: XL,,blue-XL,,false\r\n');
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
