/** The product form read alone (as the quick edit does) and a product with options: saving its words keeps its options. */
import { describe, expect, it } from 'vitest';
import { demoProducts, OPTIONS_PRODUCT } from '../../src/app/demo/demo-catalog.ts';
import { parseProductForm, productFormValues, type MoneyReader } from '../../src/engines/forms/product-form.ts';
import { parseMoney } from '../../src/ui/format.ts';

const CNY: MoneyReader = { money: (text) => parseMoney(text, 'CNY', 'en'), moneyText: (amount) => (amount / 100).toFixed(2) };
const NOW = new Date(2026, 10, 11, 9, 30).getTime();

describe('the product form, for a product with options', () => {
  it('keeps its groups and combinations as they are when its name is changed', () => {
    const oolong = demoProducts(NOW).find((p) => p.product.id === OPTIONS_PRODUCT)!.product;
    const values = { ...productFormValues(oolong, undefined, CNY, NOW), name: 'Oolong 乌龙' };
    const result = parseProductForm(values, CNY, oolong);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.product.name).toBe('Oolong 乌龙');
    expect(result.value.product.options).toEqual(oolong.options);
    expect(result.value.product.combinations).toEqual(oolong.combinations);
  });
});
