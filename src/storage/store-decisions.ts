/**
 * Stores the shop's decisions and folds them into the view tables: the Dexie mirror of the
 * domain's `foldDecision` (src/domain/fold.ts), so that a device's views equal
 * `apply(emptyState(), decisions)` whatever order and however often decisions arrive.
 *
 * - A decision whose id is already in `events` is skipped entirely: a repeat changes nothing.
 * - Each thing a decision sets is kept if its journal number `n` is higher than the stored
 *   row's (last writer by `n` wins; on a tie, within one decision, the first one listed, as
 *   the fold does).
 * - Postings are added to `balances`.
 * - The outbox entry of each decided intent is deleted: the shop has it. Most decisions answer
 *   other devices' intents, so only the ids the outbox has are deleted (see deleteDecidedIntents).
 *
 * All of it happens in one read-write transaction over every table it touches. IndexedDB runs
 * read-write transactions with overlapping tables one after the other, and the check for
 * stored ids is made inside the transaction, so two overlapping calls at once still store
 * (and add the postings of) each decision exactly once.
 */
import type { Table } from 'dexie';
import { accountKey, isMoney, money, type AccountKey, type Decision, type EventId } from '../domain/index.ts';
import type { ShopDb } from './db.ts';
import { guardQuota } from './errors.ts';
import {
  SHOP_KEY, type InventoryRow, type OrderRow, type ProductRow, type PromotionRow, type ReviewRow, type ShopRow, type TeamRow,
  type WithdrawalRow,
} from './rows.ts';
import { indexWords } from './words.ts';

export interface Stored {
  /** The decisions that were new, in the order given. */
  stored: Decision[];
}

export function storeDecisions(db: ShopDb, decisions: readonly Decision[]): Promise<Stored> {
  if (decisions.length === 0) return Promise.resolve({ stored: [] });
  const tables = [
    db.events, db.outbox, db.shop, db.products, db.inventory, db.promotions, db.teams, db.orders, db.reviews,
    db.withdrawals, db.balances,
  ];
  return guardQuota(() =>
    db.transaction('rw', tables, async (): Promise<Stored> => {
      const byId = new Map<EventId, Decision>();
      for (const d of decisions) if (!byId.has(d.id)) byId.set(d.id, d);
      const ids = [...byId.keys()];
      const known = await db.events.bulkGet(ids);
      const fresh = ids.flatMap((id, i) => (known[i] === undefined ? [byId.get(id)!] : []));
      if (fresh.length === 0) return { stored: [] };
      await db.events.bulkAdd(fresh);
      await foldViews(db, fresh);
      await addBalances(db, fresh);
      await deleteDecidedIntents(db, fresh);
      return { stored: fresh };
    }),
  );
}

/**
 * Deletes the outbox entries of the intents these decisions answer. The outbox holds only this
 * device's intents still on their way (a handful), while a sync brings the decisions on every
 * device's intents: deleting each decided id costs IndexedDB a lookup per id (with its index
 * entries), about 150 ms per 1,000 ids that are not there. So the outbox's keys are read (in
 * this same transaction, so nothing can come between) and only those decided are deleted.
 */
async function deleteDecidedIntents(db: ShopDb, fresh: readonly Decision[]): Promise<void> {
  const decided = new Set<string>();
  for (const d of fresh) if (d.intentId !== undefined) decided.add(d.intentId);
  if (decided.size === 0) return;
  const queued = await db.outbox.toCollection().primaryKeys();
  const done = queued.filter((id) => decided.has(id));
  if (done.length > 0) await db.outbox.bulkDelete(done);
}

/** Rows by key, keeping for each key the one with the highest `n` (the first on a tie). */
class Newest<R extends { n: number }> {
  readonly rows = new Map<string, R>();

  offer(key: string, row: R): void {
    const had = this.rows.get(key);
    if (had === undefined || row.n > had.n) this.rows.set(key, row);
  }

  /** Writes the rows that are newer than what the table has. */
  async writeTo(table: Table<R, string>): Promise<void> {
    if (this.rows.size === 0) return;
    const keys = [...this.rows.keys()];
    const old = await table.bulkGet(keys);
    const newer = keys.flatMap((key, i) => {
      const row = this.rows.get(key)!;
      const had = old[i];
      return had === undefined || row.n > had.n ? [row] : [];
    });
    if (newer.length > 0) await table.bulkPut(newer);
  }
}

async function foldViews(db: ShopDb, fresh: readonly Decision[]): Promise<void> {
  const shop = new Newest<ShopRow>();
  const products = new Newest<ProductRow>();
  const inventory = new Newest<InventoryRow>();
  const promotions = new Newest<PromotionRow>();
  const teams = new Newest<TeamRow>();
  const orders = new Newest<OrderRow>();
  const reviews = new Newest<ReviewRow>();
  const withdrawals = new Newest<WithdrawalRow>();

  for (const { n, set } of fresh) {
    if (set.shop) shop.offer(SHOP_KEY, { key: SHOP_KEY, n, value: set.shop });
    for (const p of set.products ?? []) {
      products.offer(p.id, {
        id: p.id, n, value: p, category: p.category, price: p.price, hidden: p.hidden ? 1 : 0,
        words: indexWords(p.name, p.category, ...p.tags),
      });
    }
    for (const i of set.inventory ?? []) inventory.offer(i.productId, { productId: i.productId, n, value: i });
    for (const p of set.promotions ?? []) promotions.offer(p.id, { id: p.id, n, value: p });
    for (const t of set.teams ?? []) teams.offer(t.id, { id: t.id, n, productId: t.productId, status: t.status, value: t });
    for (const o of set.orders ?? []) {
      orders.offer(o.id, { id: o.id, n, buyer: o.buyer, status: o.status, placedAt: o.placedAt, value: o });
    }
    // The fold keeps the last review folded; reviews are never edited, so keeping the newest
    // by `n` (order-independent) gives the same result on real histories.
    for (const r of set.reviews ?? []) reviews.offer(r.id, { id: r.id, n, productIds: r.productIds, orderId: r.orderId, value: r });
    for (const w of set.withdrawals ?? []) withdrawals.offer(w.id, { id: w.id, n, buyer: w.buyer, status: w.status, value: w });
  }

  await shop.writeTo(db.shop);
  await products.writeTo(db.products);
  await inventory.writeTo(db.inventory);
  await promotions.writeTo(db.promotions);
  await teams.writeTo(db.teams);
  await orders.writeTo(db.orders);
  await reviews.writeTo(db.reviews);
  await withdrawals.writeTo(db.withdrawals);
}

async function addBalances(db: ShopDb, fresh: readonly Decision[]): Promise<void> {
  const deltas = new Map<AccountKey, number>();
  for (const d of fresh) for (const p of d.postings) deltas.set(accountKey(p), (deltas.get(accountKey(p)) ?? 0) + p.amount);
  if (deltas.size === 0) return;
  const accounts = [...deltas.keys()];
  const old = await db.balances.bulkGet(accounts);
  // A row that is not Money (damaged on the device, say by a backup restored before restores
  // were checked) would make every later decision on that account fail to store, and the shop
  // wait for ever. The balance is the sum of the stored decisions' postings: it is summed again.
  const damaged = accounts.filter((_, i) => old[i] !== undefined && !isMoney(old[i]!.amount));
  const summed = damaged.length > 0 ? await sumPostings(db, new Set(damaged)) : undefined;
  await db.balances.bulkPut(
    accounts.map((account, i) => ({
      account,
      amount: summed?.has(account) ? money(summed.get(account)!) : money((old[i]?.amount ?? 0) + deltas.get(account)!),
    })),
  );
}

/** The balances of `accounts` from every stored decision (`fresh` ones included: they are stored first). */
async function sumPostings(db: ShopDb, accounts: ReadonlySet<AccountKey>): Promise<Map<AccountKey, number>> {
  const sums = new Map<AccountKey, number>([...accounts].map((a) => [a, 0]));
  await db.events.where('type').equals('decision').each((e) => {
    if (e.type !== 'decision') return;
    for (const p of e.postings) {
      const key = accountKey(p);
      if (accounts.has(key)) sums.set(key, sums.get(key)! + p.amount);
    }
  });
  return sums;
}
