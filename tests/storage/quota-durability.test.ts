import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { createStore, type UseStore } from 'idb-keyval';
import { describe, expect, it, vi } from 'vitest';
import {
  importBackup, exportBackup, isQuotaError, queueIntent, setCartQty, setPersonSetting, setSetting, storeDecisions, StorageFullError,
  STORAGE_FULL_MESSAGE,
} from '../../src/storage/index.ts';
import { intent, m, pid, T0 } from '../domain/fixtures/shop.ts';
import { ann, busyShop, freshDb } from './helpers.ts';

const full = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('a full disk', () => {
  it('turns a quota refusal while storing decisions into StorageFullError, with nothing written', async () => {
    const db = freshDb();
    const { decisions } = busyShop();
    vi.spyOn(db.balances, 'bulkPut').mockImplementation(() => {
      throw full();
    });
    const failed = storeDecisions(db, decisions);
    await expect(failed).rejects.toBeInstanceOf(StorageFullError);
    await expect(failed).rejects.toThrow("The device's storage is full: nothing was saved. Free some space and try again.");
    vi.restoreAllMocks();
    for (const t of db.tables) expect(await t.count(), t.name).toBe(0);
    // and once there is room, everything goes in
    expect((await storeDecisions(db, decisions)).stored).toHaveLength(decisions.length);
  });

  it('leaves neither the event nor its outbox entry when the outbox write is refused', async () => {
    const db = freshDb();
    vi.spyOn(db.outbox, 'add').mockImplementation(() => Promise.reject(full()) as never);
    const error = await queueIntent(db, intent('wallet.demo-top-up', ann, T0, { amount: m(1) }), T0).catch((e: unknown) => e);
    vi.restoreAllMocks();
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as Error).message).toBe(STORAGE_FULL_MESSAGE);
    expect((error as Error).cause).toBeDefined();
    expect(await db.events.count()).toBe(0);
  });

  it('keeps the old data when a restore runs out of room half way', async () => {
    const db = freshDb();
    const store = createStore(`quota-settings-${Math.random()}`, 'settings');
    await storeDecisions(db, busyShop().decisions);
    await setCartQty(db, ann, pid('tea'), 'regular', 1, T0);
    const before = await exportBackup(db, T0, store);
    const other = freshDb();
    const backup = await exportBackup(other, T0, store);
    vi.spyOn(db.table('orders'), 'bulkAdd').mockImplementation(() => Promise.reject(full()) as never);
    await expect(importBackup(db, backup, store)).rejects.toBeInstanceOf(StorageFullError);
    vi.restoreAllMocks();
    expect(await exportBackup(db, T0, store)).toEqual(before);
  });

  it('recognises the quota error however Dexie or the browser wraps it', () => {
    expect(isQuotaError(full())).toBe(true);
    expect(isQuotaError(new Dexie.QuotaExceededError('full'))).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', full()))).toBe(true);
    expect(isQuotaError(new Dexie.BulkError('1 of 2 failed', { 1: full() }))).toBe(true);
    expect(isQuotaError(new Error('wrapped', { cause: full() }))).toBe(true);
    expect(isQuotaError(new DOMException('legacy', 'Error'))).toBe(false);
    expect(isQuotaError(new Dexie.ConstraintError('dup'))).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
  });

  it('also for settings', async () => {
    const refusing: UseStore = () => Promise.reject(full());
    await expect(setSetting('buyerName', 'X', refusing)).rejects.toBeInstanceOf(StorageFullError);
    await expect(setPersonSetting('demo ann', 'coupon', 'X', refusing)).rejects.toBeInstanceOf(StorageFullError);
  });
});

describe('durability', () => {
  it('asks for strict durability on every write transaction (the outbox must survive a crash)', async () => {
    // Dexie binds the connection's transaction() when it opens, so watch the prototype.
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const db = freshDb();
    await queueIntent(db, intent('wallet.demo-top-up', ann, T0, { amount: m(1) }), T0);
    const writes = spy.mock.calls.filter((c) => c[1] === 'readwrite');
    expect(writes.length).toBeGreaterThan(0);
    for (const c of writes) expect(c[2]).toEqual({ durability: 'strict' });
    vi.restoreAllMocks();
  });
});
