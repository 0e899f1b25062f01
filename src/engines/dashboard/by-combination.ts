/**
 * A product's sales by combination (issue 13, "revenue by product, and by combination on
 * request"): the same sales as the Money tab's by-product figures (sales.ts: the orders the shop
 * took, each order's total shared among its lines by what each charged), grouped by the
 * combination each line bought, so a product's combinations add up to its figure exactly.
 * Pure: the orders are given (those of the period).
 */
import type { CombinationId, ProductId } from '../../domain/index.ts';
import { isSale, lineShares, type SaleOrder } from './sales.ts';

export interface CombinationRevenue {
  /** Absent: the product's implicit one (lines bought before it had options). */
  combination?: CombinationId;
  /** The combination in words as the latest order bought it ("250 g, Bag"); empty for the implicit one. */
  name: string;
  revenue: number;
  units: number;
}

/** The products whose sold lines name a combination: those a seller may open by combination. */
export function productsWithCombinations(orders: Iterable<SaleOrder>): Set<ProductId> {
  const found = new Set<ProductId>();
  for (const o of orders) if (isSale(o)) for (const l of o.lines) if (l.combination !== undefined) found.add(l.productId);
  return found;
}

/** One product's sales by combination, most first (ties by name). */
export function salesByCombination(orders: Iterable<SaleOrder>, productId: ProductId): CombinationRevenue[] {
  const rows = new Map<string, CombinationRevenue & { at: number }>();
  for (const o of orders) {
    if (!isSale(o) || !o.lines.some((l) => l.productId === productId)) continue;
    const parts = lineShares(o);
    o.lines.forEach((l, i) => {
      if (l.productId !== productId) return;
      const key = l.combination ?? '';
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { ...(l.combination !== undefined && { combination: l.combination }), name: '', revenue: 0, units: 0, at: -Infinity }));
      row.revenue += parts[i]!;
      row.units += l.qty;
      // The words of the latest order: a value renamed since shows as it is called now.
      if (o.placedAt >= row.at) [row.name, row.at] = [l.variant ?? '', o.placedAt];
    });
  }
  const out: CombinationRevenue[] = [...rows.values()].map((row) => {
    const { combination, name, revenue, units } = row;
    return { ...(combination !== undefined && { combination }), name, revenue, units };
  });
  return out.sort((a, b) => b.revenue - a.revenue || a.name.localeCompare(b.name));
}
