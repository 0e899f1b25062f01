/**
 * A product's "sold" figure, the number a shop app shows on a card ("1.2k sold"). The fold
 * counts the units of the orders a device holds (`Usage.sold`, `countsAsSold`); only the seller's
 * device and the demo hold every order. The seller's device publishes its count on the product's
 * catalog document, which a buyer's device keeps beside its own count.
 */

/**
 * What is read of an order here, said in place rather than imported from orders.ts: orders.ts
 * asks `countsAsSold` which moves change a product's figure (`soldMayChange`), and the layer
 * check allows no import circle, of types either.
 */
interface Sold {
  status: string;
  lines: readonly { productId: string; qty: number }[];
}

/**
 * Whether an order's units count in its products' "sold" figure: the shop took it and the buyer
 * kept it. Not while a team is still forming (it may fail), nor once rejected, cancelled or
 * refunded. A claim or a compensation keeps it counted: the goods were sold, and a claim's outcome
 * is money, not a return. (Kept apart from orders.ts, whose tables the first screen need not load.)
 */
export function countsAsSold(order: Pick<Sold, 'status'>): boolean {
  const s = order.status;
  return s !== 'team-forming' && s !== 'refunded' && s !== 'rejected' && s !== 'cancelled';
}

/**
 * What a device shows: the larger of what it counted and what the shop last published. A
 * buyer's own order is in their count before the next publication; the shop's count is the
 * rest of the world's. Never below what this device knows was sold.
 */
export function soldShown(counted: number, published: number | undefined): number {
  return Math.max(counted, published ?? 0, 0);
}

/** Units sold of each product among `orders`, counted as the fold counts them (a fresh start: a schema step, a restore). */
export function soldOfOrders(orders: Iterable<Sold>): Map<string, number> {
  const sold = new Map<string, number>();
  for (const o of orders) {
    if (!countsAsSold(o)) continue;
    for (const line of o.lines) sold.set(line.productId, (sold.get(line.productId) ?? 0) + line.qty);
  }
  return sold;
}
