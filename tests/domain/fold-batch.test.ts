/**
 * The fold of a batch into stored views (foldBatch): folding a history batch by batch, each
 * time from only the rows the batch touches, leaves the same rows as one `apply` of it all,
 * whatever the order and the batches; a decision that cannot be folded changes no row.
 */
import { describe, expect, it } from 'vitest';
import {
  apply, batchDraft, emptyState, foldBatch, touchedBy, type Decision, type EventId, type Money,
} from '../../src/domain/index.ts';
import { busyShop, shuffled } from '../storage/helpers.ts';
import { balance, m, seller, T0 } from './fixtures/shop.ts';
import { decide } from './fixtures/shop.ts';

/** A store as plain maps, per view: what a device keeps, written only with foldBatch's rows. */
class Rows {
  readonly views = new Map<string, Map<string, unknown>>();
  readonly seen = new Set<string>();

  table(name: string): Map<string, unknown> {
    let t = this.views.get(name);
    if (!t) this.views.set(name, (t = new Map()));
    return t;
  }

  store(batch: readonly Decision[]): void {
    const fresh = batch.filter((d, i) => !this.seen.has(d.id) && batch.findIndex((x) => x.id === d.id) === i);
    const t = touchedBy(fresh);
    const draft = batchDraft();
    // Only the touched rows are read.
    const read = <V>(name: string, keys: Iterable<string>, into: Map<string, V>) => {
      for (const k of keys) if (this.table(name).has(k)) into.set(k, this.table(name).get(k) as V);
    };
    if (t.shop && this.table('shop').has('shop')) draft.shop = this.table('shop').get('shop') as never;
    read('products', t.products, draft.products as Map<string, unknown>);
    read('inventory', t.inventory, draft.inventory as Map<string, unknown>);
    read('promotions', t.promotions, draft.promotions as Map<string, unknown>);
    read('teams', t.teams, draft.teams as Map<string, unknown>);
    read('orders', t.orders, draft.orders as Map<string, unknown>);
    for (const k of t.reviews) if (this.table('reviews').has(k)) draft.reviews.set(k as EventId, (this.table('reviews').get(k) as { value: never }).value);
    read('withdrawals', t.withdrawals, draft.withdrawals as Map<string, unknown>);
    read('balances', t.balances, draft.balances as Map<string, unknown>);
    const rows = foldBatch(draft, fresh);
    for (const d of fresh) this.seen.add(d.id);
    if (rows.shop) this.table('shop').set('shop', rows.shop);
    for (const r of rows.products) this.table('products').set(r.value.id, r);
    for (const r of rows.inventory) this.table('inventory').set(r.value.productId, r);
    for (const r of rows.promotions) this.table('promotions').set(r.value.id, r);
    for (const r of rows.teams) this.table('teams').set(r.value.id, r);
    for (const r of rows.orders) this.table('orders').set(r.value.id, r);
    for (const r of rows.reviews) this.table('reviews').set(r.value.id, r);
    for (const r of rows.withdrawals) this.table('withdrawals').set(r.value.id, r);
    for (const [k, v] of rows.balances) this.table('balances').set(k, v);
  }

  /** Shaped as the domain's state, to compare. */
  plain() {
    const sorted = (name: string, f: (v: unknown) => unknown = (v) => v) =>
      Object.fromEntries([...this.table(name)].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, f(v)]));
    return {
      shop: this.table('shop').get('shop'), products: sorted('products'), inventory: sorted('inventory'), promotions: sorted('promotions'),
      teams: sorted('teams'), orders: sorted('orders'), reviews: sorted('reviews', (v) => (v as { value: unknown }).value),
      withdrawals: sorted('withdrawals'), balances: sorted('balances'),
    };
  }
}

function plainState(decisions: readonly Decision[]) {
  const s = apply(emptyState(), decisions);
  const sorted = <V>(map: ReadonlyMap<string, V>) => Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    shop: s.shop, products: sorted(s.products), inventory: sorted(s.inventory), promotions: sorted(s.promotions), teams: sorted(s.teams),
    orders: sorted(s.orders), reviews: sorted(s.reviews), withdrawals: sorted(s.withdrawals), balances: sorted(s.balances),
  };
}

describe('foldBatch', () => {
  const all = busyShop().decisions;

  it('leaves the rows one apply() of the whole history leaves, batch by batch, whatever the order', () => {
    for (const [seed, size] of [[0, all.length], [1, 1], [2, 3], [3, 7]] as const) {
      const rows = new Rows();
      const mixed = seed === 0 ? all : shuffled(all, seed);
      for (let i = 0; i < mixed.length; i += size) rows.store([...mixed.slice(i, i + size), ...mixed.slice(0, 2)]);
      expect(rows.plain()).toEqual(plainState(all));
    }
  });

  it('returns only the rows a batch changed', () => {
    const rows = new Rows();
    rows.store(all.slice(0, -1));
    const last = all.at(-1)!;
    const t = touchedBy([last]);
    const draft = batchDraft();
    const out = foldBatch(draft, [last]);
    expect(out.orders.every((o) => t.orders.has(o.value.id))).toBe(true);
    expect(out.products).toEqual([]);
    expect(foldBatch(batchDraft(), []).balances).toEqual([]);
  });

  it('sets aside a decision that cannot be folded and changes no row for it', () => {
    const s = decide(emptyState(), [seller('wallet.credit', { buyer: 'ann' as never, amount: m(100), method: 'cash', note: '' }, T0)], T0);
    const good = s.decisions[0]!;
    const overflow: Decision = {
      ...good, id: 'd.bad' as EventId, intentId: 'bad' as EventId, n: good.n + 1,
      postings: [{ account: 'cash', amount: (-Number.MAX_SAFE_INTEGER) as Money }, { account: 'available', buyer: 'ann' as never, amount: Number.MAX_SAFE_INTEGER as Money }],
    };
    const out = foldBatch(batchDraft(), [good, overflow]);
    expect(out.setAside.map(([id]) => id)).toEqual(['d.bad']);
    expect(Object.fromEntries(out.balances)).toEqual({ cash: -100, 'available:ann': 100 });
    expect(balance(apply(emptyState(), [good, overflow]), 'available:ann')).toBe(100);
  });
});
