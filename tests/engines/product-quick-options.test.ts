/** The quick edit of a product with options in the seller's list (issue 13): the whole form's reading, by row. */
import { describe, expect, it } from 'vitest';
import { demoProducts, OPTIONS_PRODUCT } from '../../src/app/demo/demo-catalog.ts';
import type { CombinationId, Inventory, Money, Product, ProductId } from '../../src/domain/index.ts';
import { parseQuickOptions, quickOptionRows, type QuickRow } from '../../src/engines/forms/product-quick-options.ts';
import type { MoneyReader } from '../../src/engines/forms/product-form.ts';
import { parseMoney } from '../../src/ui/format.ts';

const CNY: MoneyReader = { money: (text) => parseMoney(text, 'CNY', 'en'), moneyText: (amount) => (amount / 100).toFixed(2) };
const NOW = new Date(2026, 10, 11, 9, 30).getTime();

function oolong(): { product: Product; skus: Inventory[] } {
  const demo = demoProducts(NOW).find((p) => p.product.id === OPTIONS_PRODUCT)!;
  const skus = demo.stocks!.map((s) => ({ productId: OPTIONS_PRODUCT as ProductId, combination: s.combination, stock: s.stock }) as Inventory);
  return { product: demo.product, skus };
}

const edit = (rows: QuickRow[], label: string, patch: Partial<QuickRow>) => rows.map((r) => (r.label === label ? { ...r, ...patch } : r));

describe('the quick table of a product with options', () => {
  it('names each combination by its values, with its price and stock as they are', () => {
    const { product, skus } = oolong();
    const rows = quickOptionRows(product, skus, CNY);
    expect(rows.map((r) => [r.label, r.price, r.stock])).toEqual([
      ['100 g, Bag 袋装', '38.00', '30'],
      ['100 g, Gift tin 礼盒', '58.00', '12'],
      ['250 g, Bag 袋装', '88.00', '20'],
      ['250 g, Gift tin 礼盒', '108.00', '0'],
      ['500 g, Bag 袋装', '168.00', '8'],
    ]);
  });

  it('saves each combination’s price and stock as typed, the rest of the product as it was', () => {
    const { product, skus } = oolong();
    let rows = quickOptionRows(product, skus, CNY);
    rows = edit(rows, '250 g, Gift tin 礼盒', { price: '99.50', stock: '6' });
    rows = edit(rows, '100 g, Bag 袋装', { price: '36', stock: '0' });
    const result = parseQuickOptions(product, undefined, skus, rows, CNY, NOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const saved = result.value.product;
    expect(saved.combinations!.find((c) => c.id === '250g-tin')!.price).toBe(9950);
    // The list price is the lowest of those for sale, as the whole form makes it.
    expect(saved.price).toBe(3600);
    expect(saved.options).toEqual(product.options);
    expect({ ...saved, combinations: undefined, price: 0 }).toEqual({ ...product, combinations: undefined, price: 0 });
    expect(result.value.stocks).toEqual([
      { combination: '100g-bag', stock: 0 },
      { combination: '100g-tin', stock: 12 },
      { combination: '250g-bag', stock: 20 },
      { combination: '250g-tin', stock: 6 },
      { combination: '500g-bag', stock: 8 },
    ]);
  });

  it('refuses a negative stock and a price that is not an amount, at their rows', () => {
    const { product, skus } = oolong();
    let rows = quickOptionRows(product, skus, CNY);
    rows = edit(rows, '100 g, Gift tin 礼盒', { stock: '-3' });
    rows = edit(rows, '500 g, Bag 袋装', { price: 'abc' });
    const result = parseQuickOptions(product, undefined, skus, rows, CNY, NOW);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      'combinations[1].stock': { code: 'too-small', min: 0 },
      'combinations[4].price': { code: 'not-a-number' },
    });
  });

  it('says a team price no longer below the lowest at the price changed, naming the offer', () => {
    const { product, skus } = oolong();
    const teamed: Product = { ...product, team: { price: 3500 as Money, size: 2, windowHours: 24 } };
    const rows = edit(quickOptionRows(teamed, skus, CNY), '100 g, Bag 袋装', { price: '34' });
    const result = parseQuickOptions(teamed, undefined, skus, rows, CNY, NOW);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({ 'combinations[0].price': { code: 'not-below-price', price: 3400 } });
    expect(result.offers).toEqual({ 'combinations[0].price': 'team' });
    // At 35.01 the team price (35.00) is below again: saved.
    const fixed = edit(rows, '100 g, Bag 袋装', { price: '35.01' });
    expect(parseQuickOptions(teamed, undefined, skus, fixed, CNY, NOW).ok).toBe(true);
  });

  it('keeps a combination not in the table as it was', () => {
    const { product, skus } = oolong();
    const rows = quickOptionRows(product, skus, CNY).filter((r) => r.id !== ('100g-tin' as CombinationId));
    const result = parseQuickOptions(product, undefined, skus, rows, CNY, NOW);
    expect(result.ok && result.value.stocks!.find((s) => s.combination === '100g-tin')!.stock).toBe(12);
  });
});
