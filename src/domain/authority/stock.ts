import type { Inventory } from '../catalog.ts';
import type { Draft } from '../fold.ts';
import type { ProductId } from '../ids.ts';
import type { Order, PricedLine } from '../orders.ts';

export function inventoryOf(d: Draft, productId: ProductId): Inventory {
  return d.inventory.get(productId)?.value ?? { productId, stock: 0, flashSold: 0 };
}

/**
 * The inventory after taking (sign +1) or returning (sign −1) an order's lines. Flash lines
 * draw on the flash sale's own allotment; regular and team lines on the shelf stock.
 */
export function moveStock(d: Draft, lines: readonly PricedLine[], sign: 1 | -1): Inventory[] {
  const next = new Map<ProductId, Inventory>();
  for (const line of lines) {
    const inv = next.get(line.productId) ?? inventoryOf(d, line.productId);
    next.set(
      line.productId,
      line.mode === 'flash'
        ? { ...inv, flashSold: inv.flashSold + sign * line.qty }
        : { ...inv, stock: inv.stock - sign * line.qty },
    );
  }
  return [...next.values()];
}

/** Why the lines cannot be had now, or undefined if they can. */
export function stockProblem(d: Draft, order: Pick<Order, 'lines' | 'buyer'>, flashBought: (productId: ProductId) => number):
  | { reason: 'out-of-stock' | 'flash-sold-out' | 'flash-limit'; message: string }
  | undefined {
  for (const line of order.lines) {
    const inv = inventoryOf(d, line.productId);
    const product = d.products.get(line.productId)?.value;
    if (line.mode === 'flash') {
      const flash = product?.flash;
      if (!flash || inv.flashSold + line.qty > flash.stock) {
        return { reason: 'flash-sold-out', message: `The flash sale of ${line.name} is sold out.` };
      }
      if (flashBought(line.productId) + line.qty > flash.perBuyerLimit) {
        return { reason: 'flash-limit', message: `The flash sale allows ${flash.perBuyerLimit} of ${line.name} per buyer.` };
      }
    } else if (inv.stock < line.qty) {
      return { reason: 'out-of-stock', message: `Only ${Math.max(inv.stock, 0)} of ${line.name} left.` };
    }
  }
  return undefined;
}
