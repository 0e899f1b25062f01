/**
 * The shop's orders as a spreadsheet, for the seller's books: one order a row, as this device
 * has them. Amounts in decimal major units of the shop's currency, times in ISO 8601 (UTC).
 * Export only: the shop's orders are decided by its authority, never imported. Pure.
 */
import type { Order, ShopProfile } from '../../domain/index.ts';
import { currencyDigits, formatMinor, formatTime } from './values.ts';
import { literal, writeCsv, type Cell } from './write-csv.ts';
import { lineName } from '../../domain/orders.ts';

export const ORDER_COLUMNS = [
  'id', 'buyer', 'status', 'placed_at', 'lines', 'subtotal', 'discounts', 'shipping', 'total', 'payment',
  'delivery', 'delivery_to', 'carrier', 'tracking',
] as const;

/** "Fuji apples × 2; Dumplings × 1 (team)": what was bought, at a glance. */
export function linesSummary(order: Pick<Order, 'lines'>): string {
  return order.lines.map((l) => `${lineName(l)} × ${l.qty}${l.mode === 'regular' ? '' : ` (${l.mode})`}`).join('; ');
}

/** The pickup point's name, or the recipient, phone and address for a parcel. */
function deliveryTo(order: Order, shop: Pick<ShopProfile, 'pickupPoints' | 'shippingOptions'> | undefined): string {
  const d = order.delivery;
  if (d.kind === 'pickup') return shop?.pickupPoints.find((p) => p.id === d.pointId)?.name ?? d.pointId;
  const option = shop?.shippingOptions.find((o) => o.id === d.optionId)?.name ?? d.optionId;
  return `${d.recipient}, ${d.phone}, ${d.address.replace(/\s*\n\s*/g, ', ')} (${option})`;
}

export function ordersToCsv(orders: Iterable<Order>, shop: Pick<ShopProfile, 'currency' | 'pickupPoints' | 'shippingOptions'>): string {
  const digits = currencyDigits(shop.currency);
  const money = (m: number): Cell => literal(formatMinor(m, digits));
  function* rows(): Generator<Cell[]> {
    for (const o of orders) {
      const discounts = o.discounts.reduce((sum, d) => sum + d.amount, 0);
      yield [
        o.id, o.buyer, o.status, literal(formatTime(o.placedAt)), linesSummary(o), money(o.subtotal), money(discounts),
        money(o.shipping), money(o.total), o.payment, o.delivery.kind, deliveryTo(o, shop), o.carrier ?? '', o.tracking ?? '',
      ];
    }
  }
  return writeCsv(ORDER_COLUMNS, rows());
}
