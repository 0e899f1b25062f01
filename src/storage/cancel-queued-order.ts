/**
 * Withdrawing an order that never left this device: its intent is still in the outbox, queued,
 * and no push of it has begun. Then the shop has never seen it and never will, so the order is
 * simply removed here (the intent document, its outbox entry, and this buyer's other requests
 * about it still queued), in one transaction. Its lines bought at the regular or flash price go
 * back into the buyer's cart in the same transaction (a team buy's do not: it was a single
 * unit bought apart from the cart), so changing one's mind loses no choice. Once a push has
 * begun the order may be at the shop, and only the shop can cancel it (the normal cancel request).
 */
import type { BuyerId, CartLine, EventId, Millis, OrderId } from '../domain/index.ts';
import { MAX_QTY } from '../domain/pricing/lines.ts';
import { tablesOf } from './db.ts';
import { guardQuota } from './errors.ts';
import { cartKey, type CartRow, type OutboxEntry } from './rows.ts';
import type { Store } from './store.ts';

/**
 * 'cancelled': removed; 'back-in-cart': removed, and its lines are in the cart again.
 * 'not-found': no order of this buyer's with this id waits here (gone
 * already, or decided). 'left-device': a push of it has begun or it was sent: ask the shop.
 */
export type CancelQueuedResult = 'cancelled' | 'back-in-cart' | 'not-found' | 'left-device';

export function cancelQueuedOrder(store: Store, buyer: BuyerId, orderId: OrderId, at: Millis): Promise<CancelQueuedResult> {
  const db = tablesOf(store);
  const id = orderId as string as EventId;
  return guardQuota(() =>
    db.transaction('rw', [db.events, db.outbox, db.cart], async (): Promise<CancelQueuedResult> => {
      const [intent, entry] = await Promise.all([db.events.get(id), db.outbox.get(id)]);
      if (intent?.type !== 'intent' || intent.kind !== 'order.place' || intent.buyer !== buyer) return 'not-found';
      // A decision on it is here (from another device of this buyer): it is the shop's now.
      if ((await db.events.where('intentId').equals(id).count()) > 0) return 'left-device';
      if (entry === undefined) return 'not-found';
      if (entry.status !== 'queued' || entry.pushedAt !== undefined) return 'left-device';
      // The buyer's requests about this order still in the outbox (a cancel asked before this): read
      // from the outbox (a few entries), not from every intent.
      const waiting = await db.outbox.where('status').anyOf('queued', 'sent').toArray();
      const events = await db.events.bulkGet(waiting.map((e) => e.id));
      const related = waiting.filter((e, i) => {
        const event = events[i];
        return event?.type === 'intent' && 'orderId' in event && event.orderId === orderId;
      });
      if (related.some((e) => e.status !== 'queued' || e.pushedAt !== undefined)) return 'left-device';
      const gone = [id, ...related.map((e) => e.id)];
      await db.events.bulkDelete(gone);
      await db.outbox.bulkDelete(gone);
      const back = intent.team === undefined ? intent.lines.filter((l) => l.mode !== 'team') : [];
      await backToCart(db, buyer, back, at);
      return back.length > 0 ? 'back-in-cart' : 'cancelled';
    }),
  );
}

/** Adds `lines` to the buyer's cart (to what is there, at most an order line's maximum). */
async function backToCart(db: ReturnType<typeof tablesOf>, buyer: BuyerId, lines: readonly CartLine[], at: Millis): Promise<void> {
  if (lines.length === 0) return;
  const keys = lines.map((l) => cartKey(buyer, l.productId, l.mode, l.combination));
  const had = await db.cart.bulkGet(keys);
  const rows = new Map<string, CartRow>();
  lines.forEach((l, i) => {
    const key = keys[i]!;
    const before = rows.get(key) ?? had[i];
    const row: CartRow = { key, buyer, productId: l.productId, mode: l.mode, qty: Math.min(MAX_QTY, (before?.qty ?? 0) + l.qty), addedAt: before?.addedAt ?? at };
    if (l.combination !== undefined) row.combination = l.combination;
    rows.set(key, row);
  });
  await db.cart.bulkPut([...rows.values()]);
}

/**
 * For a push: claims the entries among `ids` still queued on this device (marks that a push of
 * them begins at `at`) and returns their ids; only those may be sent. In one transaction with
 * `cancelQueuedOrder`'s, so an order is either withdrawn here or pushed, never both.
 */
export function claimForPush(store: Store, ids: readonly EventId[], at: Millis): Promise<EventId[]> {
  const db = tablesOf(store);
  return guardQuota(() =>
    db.transaction('rw', db.outbox, async () => {
      const entries = await db.outbox.bulkGet([...ids]);
      const claimed = entries.filter((e): e is OutboxEntry => e !== undefined && e.status === 'queued');
      await db.outbox.bulkPut(claimed.map((e) => (e.pushedAt === undefined ? { ...e, pushedAt: at } : e)));
      return claimed.map((e) => e.id);
    }),
  );
}
