/**
 * Withdrawing an order that never left this device: its intent is still in the outbox, queued,
 * and no push of it has begun. Then the shop has never seen it and never will, so the order is
 * simply removed here (the intent document, its outbox entry, and this buyer's other requests
 * about it still queued), in one transaction. Once a push has begun the order may be at the
 * shop, and only the shop can cancel it (the normal cancel request).
 */
import type { BuyerId, EventId, Millis, OrderId } from '../domain/index.ts';
import { tablesOf } from './db.ts';
import { guardQuota } from './errors.ts';
import type { OutboxEntry } from './rows.ts';
import type { Store } from './store.ts';

/**
 * 'cancelled': removed. 'not-found': no order of this buyer's with this id waits here (gone
 * already, or decided). 'left-device': a push of it has begun or it was sent: ask the shop.
 */
export type CancelQueuedResult = 'cancelled' | 'not-found' | 'left-device';

export function cancelQueuedOrder(store: Store, buyer: BuyerId, orderId: OrderId): Promise<CancelQueuedResult> {
  const db = tablesOf(store);
  const id = orderId as string as EventId;
  return guardQuota(() =>
    db.transaction('rw', [db.events, db.outbox], async (): Promise<CancelQueuedResult> => {
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
      return 'cancelled';
    }),
  );
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
