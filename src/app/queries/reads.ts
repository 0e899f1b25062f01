import type { BuyerId, EventId, Money, Order, OrderId, OrderStatus, PlaceOrder, ShopEvent } from '../domain/index.ts';
import type { ShopDb } from '../storage/db.ts';
import { pendingIntents } from '../storage/queries.ts';
import type { OutboxStatus } from '../storage/rows.ts';

/*
 * The UI reads the database only through the app: these are the storage queries it may use.
 * Imported file by file, not from storage's index, because the first screen loads this
 * module: the index would bring every storage module (writes, backups) into its bundle.
 */
export {
  getShop, listProducts, getProduct, listCategories, listTeams, reviewsOf, getOrder, walletOf, postingsOf,
  outboxCounts, listCart,
  type ProductItem, type ProductPage, type ProductQuery, type CategoryCount, type Wallet, type WalletEntry,
} from '../storage/queries.ts';
export { getSetting, setSetting } from '../storage/settings.ts';
export { StorageFullError } from '../storage/errors.ts';
export type { CartRow } from '../storage/rows.ts';

/** Where an order is in its life, seen from this device: first the outbox, then the shop's word. */
export type OrderStage = 'queued' | 'sent' | 'refused' | OrderStatus;

export interface OrderView {
  id: OrderId;
  stage: OrderStage;
  /** The shop's order, once it has decided. */
  order?: Order;
  /** The buyer's own request, while the shop has not decided it. */
  intent?: PlaceOrder;
  total: Money;
  placedAt: number;
  /** Why the server refused to take it (sync), if it did. */
  error?: string;
}

/** A buyer's orders, newest first, including those still waiting in this device's outbox. */
export async function listMyOrders(db: ShopDb, buyer: BuyerId): Promise<OrderView[]> {
  const [decided, pending] = await Promise.all([db.orders.where('buyer').equals(buyer).toArray(), pendingIntents(db)]);
  const views: OrderView[] = decided.map(({ value }) => ({ id: value.id, stage: value.status, order: value, total: value.total, placedAt: value.placedAt }));
  for (const p of pending) {
    if (p.intent.kind !== 'order.place' || p.intent.buyer !== buyer) continue;
    views.push(pendingView(p.intent, p.status, p.entry.error));
  }
  return views.sort((a, b) => b.placedAt - a.placedAt || (a.id < b.id ? 1 : -1));
}

/** One order as `listMyOrders` shows it, and the buyer's requests about it still waiting to be decided. */
export async function getMyOrder(db: ShopDb, id: OrderId): Promise<{ view: OrderView; waiting: PendingRequest[] } | undefined> {
  const [row, pending] = await Promise.all([db.orders.get(id), pendingIntents(db)]);
  const waiting = pending
    .filter((p) => 'orderId' in p.intent && p.intent.orderId === id)
    .map((p) => ({ id: p.intent.id, kind: p.intent.kind, status: p.status }));
  if (row) return { view: { id, stage: row.value.status, order: row.value, total: row.value.total, placedAt: row.value.placedAt }, waiting };
  const own = pending.find((p) => p.intent.id === (id as string as EventId));
  if (own?.intent.kind !== 'order.place') return undefined;
  return { view: pendingView(own.intent, own.status, own.entry.error), waiting };
}

export interface PendingRequest {
  id: EventId;
  kind: ShopEvent['kind'];
  status: OutboxStatus;
}

/** What the shop last said about one of this device's intents, if anything (a refusal's reason). */
export async function decisionOn(db: ShopDb, intentId: EventId) {
  return db.events.where('intentId').equals(intentId).first();
}

function pendingView(intent: PlaceOrder, status: OutboxStatus, error: string | undefined): OrderView {
  return {
    id: intent.id as string as OrderId,
    stage: status,
    intent,
    total: intent.expectedTotal,
    placedAt: intent.at,
    ...(error !== undefined && { error }),
  };
}
