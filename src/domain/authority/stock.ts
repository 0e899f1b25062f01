import type { Inventory, Millis } from '../catalog.ts';
import type { Draft } from '../fold.ts';
import type { BuyerId, CombinationId, ProductId } from '../ids.ts';
import { lineName, type Order, type PricedLine } from '../orders.ts';
import { skuKey, skuKeyOf, type SkuKey } from '../options.ts';
import { saleKey, skuSaleKey, usageKey } from '../state.ts';

/** A combination's stock (the product's implicit one's without `combination`): none if never counted. */
export function inventoryOf(d: Draft, productId: ProductId, combination?: CombinationId): Inventory {
  return d.inventory.get(skuKey(productId, combination))?.value ?? { productId, ...(combination !== undefined && { combination }), stock: 0, flashSold: 0 };
}

/** Units of a combination sold so far in the sale that starts at `sale` (derived from live orders, so always exact). */
export function soldInSale(d: Draft, productId: ProductId, combination: CombinationId | undefined, sale: Millis | undefined): number {
  return sale === undefined ? 0 : (d.usage.flashSoldBySku.get(skuSaleKey(skuKey(productId, combination), sale)) ?? 0);
}

const currentSale = (d: Draft, productId: ProductId): Millis | undefined => d.products.get(productId)?.value.flash?.startsAt;

/**
 * A combination's stock row as it is published: the shelf, and its part (`sold`) of the
 * product's current flash sale, the one starting at `sale`, which a combination's row names.
 */
export function stockRow(productId: ProductId, combination: CombinationId | undefined, stock: number, sold: number, sale: Millis | undefined): Inventory {
  if (combination === undefined) return { productId, stock, flashSold: sold };
  return sale === undefined ? { productId, combination, stock, flashSold: 0 } : { productId, combination, stock, flashSold: sold, sale };
}

/**
 * The inventory after taking (sign +1) or returning (sign −1) an order's lines. Every line, at
 * any price, moves the one shelf of its combination; a flash line also moves that combination's
 * part of the sale it was sold in, which its row shows while that sale is the product's current one.
 */
export function moveStock(d: Draft, lines: readonly PricedLine[], sign: 1 | -1): Inventory[] {
  const next = new Map<SkuKey, { stock: number; sold: number; line: PricedLine }>();
  for (const line of lines) {
    const key = skuKeyOf(line);
    const current = currentSale(d, line.productId);
    const had = next.get(key) ?? {
      stock: inventoryOf(d, line.productId, line.combination).stock,
      sold: soldInSale(d, line.productId, line.combination, current),
      line,
    };
    const sold = line.mode === 'flash' && line.sale === current ? had.sold + sign * line.qty : had.sold;
    next.set(key, { stock: had.stock - sign * line.qty, sold, line });
  }
  return [...next.values()].map(({ stock, sold, line }) => stockRow(line.productId, line.combination, stock, sold, currentSale(d, line.productId)));
}

/**
 * Why the lines cannot be had now, or undefined if they can. Flash lines need their sale's
 * units and their buyer's allowance (over all the sale's lines together, whatever their
 * combination); then every combination needs, on its one shelf, the units of all its lines
 * together, at whatever price.
 */
export function stockProblem(d: Draft, order: Pick<Order, 'lines' | 'buyer'>):
  | { reason: 'out-of-stock' | 'flash-sold-out' | 'flash-limit'; message: string }
  | undefined {
  const wanted = new Map<SkuKey, { qty: number; line: PricedLine; flashOnly: boolean }>();
  const inSale = new Map<string, number>();
  for (const line of order.lines) {
    if (line.mode === 'flash') {
      const flash = d.products.get(line.productId)?.value.flash;
      const sale = flash && saleKey(line.productId, flash.startsAt);
      const asked = (sale !== undefined ? (inSale.get(sale) ?? 0) : 0) + line.qty;
      if (!flash || !sale || (d.usage.flashSold.get(sale) ?? 0) + asked > flash.stock) {
        return { reason: 'flash-sold-out', message: `The flash sale of ${line.name} is sold out.` };
      }
      if (boughtInSale(d, sale, order.buyer) + asked > flash.perBuyerLimit) {
        return { reason: 'flash-limit', message: `The flash sale allows ${flash.perBuyerLimit} of ${line.name} per buyer.` };
      }
      inSale.set(sale, asked);
    }
    const key = skuKeyOf(line);
    const had = wanted.get(key);
    wanted.set(key, { qty: (had?.qty ?? 0) + line.qty, line, flashOnly: (had?.flashOnly ?? true) && line.mode === 'flash' });
  }
  for (const [key, { qty, line, flashOnly }] of wanted) {
    const stock = d.inventory.get(key)?.value.stock ?? 0;
    if (stock >= qty) continue;
    // The sale's own count had units left, but the shelf they come from is empty.
    if (flashOnly) return { reason: 'flash-sold-out', message: `The flash sale of ${lineName(line)} is sold out.` };
    return { reason: 'out-of-stock', message: `Only ${Math.max(stock, 0)} of ${lineName(line)} left.` };
  }
  return undefined;
}

function boughtInSale(d: Draft, sale: string, buyer: BuyerId): number {
  return d.usage.flashByBuyer.get(usageKey(sale, buyer)) ?? 0;
}
