import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { EventId } from '../../src/domain/index.ts';
import { outboxCounts, outboxEntry, pendingIntents, queueIntent, markSent, refuseQueued, storeDecisions } from '../../src/storage/index.ts';
import { intent, m, seller, SHOP, T0 } from '../domain/fixtures/shop.ts';
import { ann, freshDb, History } from './helpers.ts';

const topUp = (at = T0) => intent('wallet.demo-top-up', ann, at, { amount: m(1000) });

describe('queueIntent', () => {
  it('stores the event and a queued outbox entry', async () => {
    const db = freshDb();
    const i = topUp();
    expect(await queueIntent(db, i, T0 + 5)).toBe('queued');
    expect(await db.events.get(i.id)).toEqual(i);
    expect(await outboxEntry(db, i.id)).toEqual({ id: i.id, status: 'queued', queuedAt: T0 + 5, attempts: 0 });
    expect(await outboxCounts(db)).toEqual({ queued: 1, sent: 0, refused: 0 });
  });

  it('writes both or neither: a failure in the transaction leaves no event behind', async () => {
    const db = freshDb();
    const i = topUp();
    const spy = vi.spyOn(db.outbox, 'add').mockImplementation(() => {
      throw new Error('disk on fire');
    });
    await expect(queueIntent(db, i, T0)).rejects.toThrow('disk on fire');
    spy.mockRestore();
    expect(await db.events.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('is idempotent on the id: a second call changes nothing', async () => {
    const db = freshDb();
    const i = topUp();
    await queueIntent(db, i, T0);
    await markSent(db, [i.id], T0 + 10);
    expect(await queueIntent(db, { ...i, at: T0 + 99 }, T0 + 20)).toBe('duplicate');
    expect(await db.events.get(i.id)).toEqual({ ...i, sentAt: T0 + 10 }); // stamped when it went out, then never changed
    expect(await outboxEntry(db, i.id)).toMatchObject({ status: 'sent', queuedAt: T0, sentAt: T0 + 10, attempts: 1 });
  });

  it('sends nothing for an intent whose decision is already here', async () => {
    const h = new History();
    const save = seller('shop.save', { shop: SHOP });
    h.step([save], T0);
    const db = freshDb();
    await storeDecisions(db, h.decisions);
    expect(await queueIntent(db, save, T0)).toBe('already-decided');
    expect(await db.events.get(save.id)).toEqual(save);
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps pending intents in queue order, leaves refused ones out, and never revives a decided one', async () => {
    const db = freshDb();
    const [a, b, c] = [topUp(T0 + 1), topUp(T0 + 2), topUp(T0 + 3)];
    await queueIntent(db, b, T0 + 20);
    await queueIntent(db, a, T0 + 10);
    await queueIntent(db, c, T0 + 30);
    await markSent(db, [b.id], T0 + 40);
    await refuseQueued(db, c.id, 'Not allowed');
    const pending = await pendingIntents(db);
    expect(pending.map((p) => [p.intent.id, p.status])).toEqual([[a.id, 'queued'], [b.id, 'sent']]);
    expect(await outboxEntry(db, c.id)).toMatchObject({ status: 'refused', error: 'Not allowed' });
    await markSent(db, ['nope' as EventId], T0);
    expect(await outboxEntry(db, 'nope' as EventId)).toBeUndefined();
  });
});
