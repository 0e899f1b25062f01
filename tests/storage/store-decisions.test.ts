import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { apply, emptyState, type Decision, type EventId, type Money, type OrderId } from '../../src/domain/index.ts';
import { setAsideRows } from '../../src/storage/set-aside-queries.ts';
import {
  allDecisions, decisionsAfter, getOrder, listOrders, outboxEntry, queueIntent, storeDecisions, walletOf,
} from '../../src/storage/index.ts';
import { balance, intent, m, T0 } from '../domain/fixtures/shop.ts';
import { ann, bo, busyShop, cy, folded, freshDb, History, shuffled, viewsOf } from './helpers.ts';

describe('storeDecisions', () => {
  const h = busyShop();
  const all = h.decisions;

  it('folds into the same views as the domain’s apply', async () => {
    const db = freshDb();
    const { stored } = await storeDecisions(db, all);
    expect(stored).toEqual(all);
    expect(await viewsOf(db)).toEqual(folded(all));
    // and the pieces the screens show, spelled out
    const state = apply(emptyState(), all);
    expect(await walletOf(db, ann)).toEqual({ available: balance(state, 'available:ann'), escrow: balance(state, 'escrow:ann') });
    for (const o of await listOrders(db, bo)) expect(o.status).toBe(state.orders.get(o.id)?.value.status);
    expect(await allDecisions(db)).toEqual(all);
  });

  it('gives the same views whatever order the decisions arrive in, in whatever batches', async () => {
    for (const seed of [1, 2, 3]) {
      const db = freshDb();
      const mixed = shuffled(all, seed);
      for (let i = 0; i < mixed.length; i += 5) await storeDecisions(db, mixed.slice(i, i + 5));
      expect(await viewsOf(db)).toEqual(folded(all));
      expect(await allDecisions(db)).toEqual(all); // still in journal order
    }
  });

  it('is exactly once: the same batch twice stores nothing the second time', async () => {
    const db = freshDb();
    await storeDecisions(db, all);
    expect((await storeDecisions(db, all)).stored).toEqual([]);
    expect(await db.events.count()).toBe(all.length);
    expect(await viewsOf(db)).toEqual(folded(all));
  });

  it('is exactly once with overlapping batches and repeats inside a batch', async () => {
    const db = freshDb();
    const first = await storeDecisions(db, all.slice(0, 20));
    const second = await storeDecisions(db, [...all.slice(10, 25), all[12]!, ...all.slice(10, 25)]);
    const third = await storeDecisions(db, all);
    expect([...first.stored, ...second.stored, ...third.stored]).toEqual(all);
    expect(await viewsOf(db)).toEqual(folded(all));
  });

  it('is exactly once when called concurrently with overlapping batches', async () => {
    const db = freshDb();
    const batches = [all, shuffled(all, 7), all.slice(5, 15), shuffled(all, 9).slice(0, 20)];
    const results = await Promise.all(batches.map((b) => storeDecisions(db, b)));
    const stored = results.flatMap((r) => r.stored).map((d) => d.id);
    expect(stored.length).toBe(all.length);
    expect(new Set(stored)).toEqual(new Set(all.map((d) => d.id)));
    expect(await viewsOf(db)).toEqual(folded(all));
  });

  it('stores a decision it cannot fold as set aside, with why (listed for the seller), and folds every other one', async () => {
    const db = freshDb();
    const credit = all.find((d) => d.kind === 'wallet.credited')!;
    const overflow: Decision = {
      ...credit, id: 'd.overflow' as EventId, intentId: 'overflow' as EventId, n: all.at(-1)!.n + 1,
      postings: [{ account: 'cash', amount: (-Number.MAX_SAFE_INTEGER) as Money }, { account: 'available', buyer: ann, amount: Number.MAX_SAFE_INTEGER as Money }],
    };
    await storeDecisions(db, [...all.slice(0, 10), overflow, ...all.slice(10)]);
    expect(await viewsOf(db)).toEqual(folded([...all, overflow]));
    const rows = await setAsideRows(db);
    expect(rows.map((r) => [r.docId, r.problems])).toEqual([['d.overflow', [expect.stringMatching(/^could not be folded: .*safe integer/)]]]);
    expect(JSON.parse(rows[0]!.json)).toMatchObject({ id: 'd.overflow' });
    // Stored, so it is not folded (nor listed) again.
    expect((await storeDecisions(db, [overflow])).stored).toEqual([]);
    expect(await setAsideRows(db)).toHaveLength(1);
  });

  it('keeps the newest value of each thing by journal number (last writer by n wins)', async () => {
    const db = freshDb();
    const products = all.filter((d) => d.kind === 'product.saved');
    const last = products[products.length - 1]!; // the tea's price change
    await storeDecisions(db, [last]);
    await storeDecisions(db, products); // older ones of the same product arrive late
    const tea = await db.products.get('tea');
    expect(tea?.n).toBe(last.n);
    expect(tea?.price).toBe(1800);
  });

  it('deletes the outbox entry of each decided intent, and only that', async () => {
    const h2 = new History();
    const seed = busyShop();
    h2.state = seed.state;
    const mine = intent('withdrawal.request', cy, T0 + 40 * 86_400_000, { amount: m(100) });
    const other = intent('withdrawal.request', cy, T0 + 40 * 86_400_000 + 1, { amount: m(100) });
    const db = freshDb();
    await storeDecisions(db, seed.decisions);
    await queueIntent(db, mine, T0);
    await queueIntent(db, other, T0);
    const decided = h2.step([mine], T0 + 41 * 86_400_000);
    expect(decided.map((d) => d.intentId)).toEqual([mine.id]);
    await storeDecisions(db, decided);
    expect(await outboxEntry(db, mine.id)).toBeUndefined();
    expect(await outboxEntry(db, other.id)).toBeDefined();
    expect((await walletOf(db, cy)).escrow).toBe(seed.state.balances.get('escrow:cy')! + 100);
  });

  it('reads back decisions after a journal number, for catching up', async () => {
    const db = freshDb();
    await storeDecisions(db, shuffled(all, 3));
    expect(await decisionsAfter(db, 20)).toEqual(all.filter((d) => d.n > 20));
    expect(await getOrder(db, 'nope' as OrderId)).toBeUndefined();
  });
});
