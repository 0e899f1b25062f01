import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, tablesAt, VERSIONS } from '../../src/storage/index.ts';
import { freshDb } from './helpers.ts';

/**
 * The versions already released, exactly as they shipped. Append to this list when a version
 * is released; never change what is here (a phone may still be on any of them).
 */
const RELEASED: readonly { name: string; stores: Record<string, string | null> }[] = [
  {
    name: 'initial',
    stores: {
      events: '&id, type, kind, intentId, n',
      outbox: '&id, status, queuedAt',
      shop: '&key',
      products: '&id, category, price, *words, hidden',
      inventory: '&productId',
      promotions: '&id',
      teams: '&id, productId, status',
      orders: '&id, buyer, status, placedAt',
      reviews: '&id, *productIds, orderId',
      withdrawals: '&id, buyer, status',
      balances: '&account',
      cart: '&key',
    },
  },
];

describe('schema versions', () => {
  it('are numbered in strictly increasing order, with unique names', () => {
    const numbers = VERSIONS.map((v) => v.version);
    numbers.forEach((n, i) => {
      expect(Number.isInteger(n) && n > 0).toBe(true);
      if (i > 0) expect(n).toBeGreaterThan(numbers[i - 1]!);
    });
    const names = VERSIONS.map((v) => v.name);
    expect(new Set(names).size).toBe(names.length);
    expect(SCHEMA_VERSION).toBe(numbers[numbers.length - 1]);
  });

  it('still start with every released version, unchanged (a deleted or edited version fails here)', () => {
    expect(VERSIONS.map((v) => v.name).slice(0, RELEASED.length)).toEqual(RELEASED.map((r) => r.name));
    RELEASED.forEach((r, i) => expect(VERSIONS[i]?.stores).toEqual(r.stores));
  });

  it('open as a database with every table of the newest version', async () => {
    const db = freshDb();
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(tablesAt());
    expect(db.products.schema.indexes.find((i) => i.name === 'words')?.multi).toBe(true);
    db.close();
  });
});
