import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { EventId, OrderId } from '../../src/domain/index.ts';
import {
  cancelQueuedOrder, cartQty, claimForPush, markSent, outboxCounts, pendingIntents, queueIntent, setCartQty, storeDecisions,
} from '../../src/storage/index.ts';
import { cid, cline, intent, line, order, pid, T0 } from '../domain/fixtures/shop.ts';
import { ann, bo, freshDb, History } from './helpers.ts';

const orderIdOf = (id: EventId) => id as string as OrderId;

describe('cancelQueuedOrder', () => {
  it('removes an order still queued here, its outbox entry and its queued requests, leaving the rest', async () => {
    const db = freshDb();
    const mine = order(ann, T0, [line('tea')], 1500);
    const other = order(ann, T0 + 1, [line('cups')], 3000);
    const cancelAsked = intent('order.cancel', ann, T0 + 2, { orderId: orderIdOf(mine.id), reason: 'changed my mind' });
    await queueIntent(db, mine, T0);
    await queueIntent(db, other, T0 + 1);
    await queueIntent(db, cancelAsked, T0 + 2);

    expect(await cancelQueuedOrder(db, ann, orderIdOf(mine.id), T0 + 9)).toBe('back-in-cart');
    expect(await db.events.get(mine.id)).toBeUndefined();
    expect(await db.events.get(cancelAsked.id)).toBeUndefined();
    expect((await pendingIntents(db)).map((p) => p.intent.id)).toEqual([other.id]);
    expect(await outboxCounts(db)).toEqual({ queued: 1, sent: 0, refused: 0 });
    // Nothing left to push of it.
    expect(await claimForPush(db, [mine.id, other.id], T0 + 5)).toEqual([other.id]);
    // Asked again: it is gone.
    expect(await cancelQueuedOrder(db, ann, orderIdOf(mine.id), T0 + 9)).toBe('not-found');
  });

  it('refuses once a push of it has begun, even with no answer yet, and once it was sent', async () => {
    const db = freshDb();
    const pushing = order(ann, T0, [line('tea')], 1500);
    const sent = order(ann, T0 + 1, [line('cups')], 3000);
    await queueIntent(db, pushing, T0);
    await queueIntent(db, sent, T0 + 1);
    expect(await claimForPush(db, [pushing.id], T0 + 5)).toEqual([pushing.id]);
    await markSent(db, [sent.id], T0 + 6);

    expect(await cancelQueuedOrder(db, ann, orderIdOf(pushing.id), T0 + 9)).toBe('left-device');
    expect(await cancelQueuedOrder(db, ann, orderIdOf(sent.id), T0 + 9)).toBe('left-device');
    expect(await outboxCounts(db)).toEqual({ queued: 1, sent: 1, refused: 0 });
    expect(await db.events.get(pushing.id)).toBeDefined();
  });

  it('refuses an order the shop has decided (another device of the buyer sent it), and another buyer’s order', async () => {
    const db = freshDb();
    const h = new History();
    const placed = order(ann, T0, [line('tea')], 1500);
    await queueIntent(db, placed, T0);
    // The shop's decision on it arrives (the same order, sent from ann's other phone).
    await storeDecisions(db, h.step([placed], T0 + 10));
    expect(await cancelQueuedOrder(db, ann, orderIdOf(placed.id), T0 + 9)).toBe('left-device');

    const hers = order(ann, T0 + 20, [line('cups')], 3000);
    await queueIntent(db, hers, T0 + 20);
    expect(await cancelQueuedOrder(db, bo, orderIdOf(hers.id), T0 + 9)).toBe('not-found');
    expect(await db.events.get(hers.id)).toBeDefined();
  });

  it("puts what it bought at the regular or flash price back in the buyer's cart, added to what is there; a team buy's unit not", async () => {
    const db = freshDb();
    await setCartQty(db, ann, pid('tea'), 'regular', 2, T0);
    const mine = order(ann, T0, [line('tea', 3), line('mooncake', 1, 'flash'), cline('oolong', 'w250-bag', 2)], 9000);
    await queueIntent(db, mine, T0);
    expect(await cancelQueuedOrder(db, ann, orderIdOf(mine.id), T0 + 9)).toBe('back-in-cart');
    expect(await cartQty(db, ann, pid('tea'), 'regular')).toBe(5);
    expect(await cartQty(db, ann, pid('mooncake'), 'flash')).toBe(1);
    expect(await cartQty(db, ann, pid('oolong'), 'regular', cid('w250-bag'))).toBe(2);
    expect(await cartQty(db, bo, pid('tea'), 'regular')).toBe(0);

    const team = order(ann, T0 + 1, [line('duck', 1, 'team')], 2600, { team: { action: 'start' } });
    await queueIntent(db, team, T0 + 1);
    expect(await cancelQueuedOrder(db, ann, orderIdOf(team.id), T0 + 9)).toBe('cancelled');
    expect(await cartQty(db, ann, pid('duck'), 'team')).toBe(0);
  });

  it('and a push claims only what is still queued: an order withdrawn first is never sent', async () => {
    const db = freshDb();
    const a = order(ann, T0, [line('tea')], 1500);
    await queueIntent(db, a, T0);
    // The push read the outbox before the withdrawal, and claims after it.
    const read = (await pendingIntents(db)).map((p) => p.intent.id);
    await cancelQueuedOrder(db, ann, orderIdOf(a.id), T0 + 9);
    expect(await claimForPush(db, read, T0 + 3)).toEqual([]);
  });
});
