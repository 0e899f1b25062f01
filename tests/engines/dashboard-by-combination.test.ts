/**
 * A product's sales by combination (src/engines/dashboard/by-combination.ts), on request in the
 * Money tab: the combinations of a product add up to the product's figure, exactly, whatever the
 * orders, because they share each order's total the same way (sales.ts's lineShares).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CombinationId, Money, OrderStatus, PricedLine, ProductId } from '../../src/domain/index.ts';
import { productsWithCombinations, salesByCombination } from '../../src/engines/dashboard/by-combination.ts';
import { salesByDay, type SaleOrder } from '../../src/engines/dashboard/sales.ts';
import { summarize } from '../../src/engines/dashboard/summary.ts';
import { namedZone } from '../../src/engines/dashboard/zone.ts';

const ZONE = namedZone('Asia/Shanghai');
const T0 = ZONE.startOf('2026-11-15');

function pl(productId: string, combination: string | undefined, qty: number, unitPrice: number, variant = combination ?? ''): PricedLine {
  return {
    productId: productId as ProductId, ...(combination !== undefined && { combination: combination as CombinationId, variant }),
    name: productId, qty, mode: 'regular', listPrice: unitPrice as Money, unitPrice: unitPrice as Money, amount: (unitPrice * qty) as Money,
  };
}
const sale = (lines: PricedLine[], total: number, placedAt = T0, status: OrderStatus = 'accepted'): SaleOrder =>
  ({ status, total: total as Money, held: 'escrow', placedAt, lines });

describe('a product’s sales by combination', () => {
  it('shares each order as the by-product figure does, grouped by combination, most first', () => {
    const orders = [
      sale([pl('tea', '250g-bag', 2, 8800), pl('cup', undefined, 1, 1000)], 18_600 + 800), // shipping shared too: tea's part 19,400 × 17,600 / 18,600 = 18,356.99 → 18,357
      sale([pl('tea', '100g-bag', 1, 3800)], 3800, T0 + 1),
      sale([pl('tea', '250g-bag', 1, 8800, '250 g, Bag (renamed)')], 8800, T0 + 2),
      sale([pl('tea', '100g-bag', 5, 3800)], 19_000, T0 + 3, 'rejected'), // not a sale
    ];
    const rows = salesByCombination(orders, 'tea' as ProductId);
    expect(rows).toEqual([
      { combination: '250g-bag', name: '250 g, Bag (renamed)', revenue: 18_357 + 8800, units: 3 },
      { combination: '100g-bag', name: '100g-bag', revenue: 3800, units: 1 },
    ]);
    const byProduct = summarize(salesByDay(orders, ZONE), '7d', '2026-11-15').products.find((p) => p.productId === 'tea')!;
    expect(rows.reduce((s, r) => s + r.revenue, 0)).toBe(byProduct.revenue);
    expect([...productsWithCombinations(orders)]).toEqual(['tea']);
  });

  it('keeps lines bought before the product had options apart, as its implicit one', () => {
    const rows = salesByCombination([sale([pl('tea', undefined, 1, 500)], 500), sale([pl('tea', 'c1', 1, 700)], 700)], 'tea' as ProductId);
    expect(rows).toEqual([{ combination: 'c1', name: 'c1', revenue: 700, units: 1 }, { name: '', revenue: 500, units: 1 }]);
  });

  it('adds up to the product’s figure exactly, over random orders (sum of combinations = product)', () => {
    const line = fc.record({
      product: fc.constantFrom('tea', 'cup', 'pot'),
      combination: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined }),
      qty: fc.integer({ min: 1, max: 5 }),
      price: fc.integer({ min: 1, max: 100_000 }),
    });
    const anOrder = fc.record({
      lines: fc.array(line, { minLength: 1, maxLength: 6 }),
      // What the buyer paid: more (shipping) or less (savings) than the lines charged.
      adjust: fc.integer({ min: -50_000, max: 50_000 }),
      status: fc.constantFrom<OrderStatus>('accepted', 'received', 'refunded', 'rejected', 'cancelled', 'team-forming'),
      hour: fc.integer({ min: 0, max: 24 * 6 }),
    });
    fc.assert(fc.property(fc.array(anOrder, { maxLength: 30 }), (specs) => {
      const orders = specs.map((o) => {
        const lines = o.lines.map((l) => pl(l.product, l.combination, l.qty, l.price));
        const charged = lines.reduce((s, l) => s + l.unitPrice * l.qty, 0);
        return sale(lines, Math.max(0, charged + o.adjust), T0 + o.hour * 3_600_000, o.status);
      });
      const products = summarize(salesByDay(orders, ZONE), '30d', '2026-11-21').products;
      for (const p of products) {
        const rows = salesByCombination(orders, p.productId);
        expect(rows.reduce((s, r) => s + r.revenue, 0)).toBe(p.revenue);
        expect(new Set(rows.map((r) => r.combination)).size).toBe(rows.length);
      }
    }), { numRuns: 300 });
  });
});
