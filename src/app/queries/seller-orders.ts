/**
 * The seller's order list beyond what waits: shipped, completed, closed or all orders, newest
 * first, each with its true current state, and the search that every view of the list shares
 * (an order's number, its buyer or recipient, a product's name).
 */
import type { Order, OrderStatus } from '../../domain/index.ts';
import { ordersWithStatus } from '../../storage/order-queries.ts';
import { ordersNewestFirst } from '../../storage/seller-queries.ts';
import type { Store } from '../../storage/store.ts';

export type OrderView = 'shipped' | 'completed' | 'closed' | 'all';

const STATUSES: Record<Exclude<OrderView, 'all'>, readonly OrderStatus[]> = {
  shipped: ['shipped'],
  completed: ['received', 'finished', 'compensated'],
  closed: ['refunded', 'cancelled', 'rejected'],
};

/** The short number an order is shown by ("#1A2B3C"), as the UI writes it. */
export function orderNumberOf(id: string): string {
  return `#${id.replace(/-/g, '').slice(-6).toUpperCase()}`;
}

/**
 * Whether an order matches what the seller typed: every word must be found (in any case) in
 * its number (with or without "#"), its buyer, its recipient or one of its products' names.
 */
export function orderMatches(order: Order, search: string): boolean {
  const words = search.trim().toLowerCase().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return true;
  const text = [
    orderNumberOf(order.id),
    order.id,
    order.buyer,
    order.delivery.kind === 'ship' ? order.delivery.recipient : '',
    ...order.lines.map((l) => l.name),
  ].join('\n').toLowerCase();
  return words.every((w) => text.includes(w));
}

export interface OrderPage {
  orders: Order[];
  /** How many match in all, for "Show more". */
  total: number;
}

/** The orders of a view that match `search`, newest first, the first `limit` of them. */
export async function sellerOrders(store: Store, view: OrderView, search: string, limit: number): Promise<OrderPage> {
  const all = view === 'all'
    ? await ordersNewestFirst(store)
    : (await Promise.all(STATUSES[view].map((s) => ordersWithStatus(store, s)))).flat()
      .sort((a, b) => b.placedAt - a.placedAt || (a.id < b.id ? 1 : -1));
  const found = all.filter((o) => orderMatches(o, search));
  return { orders: found.slice(0, limit), total: found.length };
}
