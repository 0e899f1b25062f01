import type { Inventory } from '../catalog.ts';
import type { Draft } from '../fold.ts';
import type { BuyerId, ProductId } from '../ids.ts';
import type { Order, PricedLine } from '../orders.ts';
import { saleKey, usageKey } from '../state.ts';

export function inventoryOf(d: Draft, productId: ProductId): Inventory {
  return d.inventory.get(productId)?.value ?? { productId, stock: 0, flashSold: 0 };
}

/** Units sold so far in the product's current flash sale (derived from live orders, so always exact). */
export function soldInCurrentSale(d: Draft, productId: ProductId): number {
  const flash = d.products.get(productId)?.value.flash;
  return flash ? (d.usage.flashSold.get(saleKey(productId, flash.startsAt)) ?? 0) : 0;
}

/**
 * The inventory after taking (sign +1) or returning (sign −1) an order's lines. Every line, at
 * any price, moves the one shelf stock; a flash line also moves the count of the sale it was
 * sold in, which the published `flashSold` shows while that sale is the product's current one.
 */
export function moveStock(d: Draft, lines: readonly PricedLine[], sign: 1 | -1): Inventory[] {
  const next = new Map<ProductId, Inventory>();
  for (const line of lines) {
    const inv = next.get(line.productId) ?? { ...inventoryOf(d, line.productId), flashSold: soldInCurrentSale(d, line.productId) };
    const stock = inv.stock - sign * line.qty;
    const current = line.mode === 'flash' ? d.products.get(line.productId)?.value.flash?.startsAt : undefined;
    const flashSold = line.mode === 'flash' && line.sale === current ? inv.flashSold + sign * line.qty : inv.flashSold;
    next.set(line.productId, { ...inv, stock, flashSold });
  }
  return [...next.values()];
}

/**
 * Why the lines cannot be had now, or undefined if they can. A flash line needs its sale's
 * units and its buyer's allowance; then every product needs, on its one shelf, the units of
 * all its lines together, at whatever price.
 */
export function stockProblem(d: Draft, order: Pick<Order, 'lines' | 'buyer'>):
  | { reason: 'out-of-stock' | 'flash-sold-out' | 'flash-limit'; message: string }
  | undefined {
  const wanted = new Map<ProductId, { qty: number; name: string; flashOnly: boolean }>();
  for (const line of order.lines) {
    if (line.mode === 'flash') {
      const flash = d.products.get(line.productId)?.value.flash;
      const sale = flash && saleKey(line.productId, flash.startsAt);
      if (!flash || !sale || (d.usage.flashSold.get(sale) ?? 0) + line.qty > flash.stock) {
        return { reason: 'flash-sold-out', message: `The flash sale of ${line.name} is sold out.` };
      }
      if (boughtInSale(d, sale, order.buyer) + line.qty > flash.perBuyerLimit) {
        return { reason: 'flash-limit', message: `The flash sale allows ${flash.perBuyerLimit} of ${line.name} per buyer.` };
      }
    }
    const had = wanted.get(line.productId);
    wanted.set(line.productId, { qty: (had?.qty ?? 0) + line.qty, name: line.name, flashOnly: (had?.flashOnly ?? true) && line.mode === 'flash' });
  }
  for (const [productId, { qty, name, flashOnly }] of wanted) {
    const { stock } = inventoryOf(d, productId);
    if (stock >= qty) continue;
    // The sale's own count had units left, but the shelf they come from is empty.
    if (flashOnly) return { reason: 'flash-sold-out', message: `The flash sale of ${name} is sold out.` };
    return { reason: 'out-of-stock', message: `Only ${Math.max(stock, 0)} of ${name} left.` };
  }
  return undefined;
}

function boughtInSale(d: Draft, sale: string, buyer: BuyerId): number {
  return d.usage.flashByBuyer.get(usageKey(sale, buyer)) ?? 0;
}
