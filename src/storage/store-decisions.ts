/**
 * Stores the shop's decisions and the view rows they make. What each row becomes is the
 * domain's to say (`foldBatch`, src/domain/fold-batch.ts, the one fold every device runs), so
 * that a device's views equal `apply(emptyState(), decisions)` whatever order and however often
 * decisions arrive. Storage only reads the rows a batch touches and writes what the fold returns:
 *
 * - A decision whose id is already in `events` is skipped entirely: a repeat changes nothing.
 * - The rows the new decisions touch are read (one bulkGet per table), folded by the domain,
 *   and the rows that changed written back (one bulkPut per table).
 * - The outbox entry of each decided intent is deleted: the shop has it. Most decisions answer
 *   other devices' intents, so only the ids the outbox has are deleted (see deleteDecidedIntents).
 *
 * All of it happens in one read-write transaction over every table it touches. IndexedDB runs
 * read-write transactions with overlapping tables one after the other, and the check for
 * stored ids is made inside the transaction, so two overlapping calls at once still store
 * (and add the postings of) each decision exactly once.
 */
import {
  accountKey, batchDraft, foldBatch, isMoney, money, searchTags, skuKeyOf, touchedBy, type Inventory, type AccountKey, type Decision, type Draft, type EventId,
  type ViewRows,
} from '../domain/index.ts';
import { tablesOf, type ShopDb } from './db.ts';
import { guardQuota } from './errors.ts';
import { SHOP_KEY, type InventoryRow, type ProductRow, type SoldRow } from './rows.ts';
import type { SetAsideRow } from './sync-rows.ts';
import type { Store } from './store.ts';
import { indexWords } from './words.ts';

export interface Stored {
  /** The decisions that were new, in the order given. */
  stored: Decision[];
}

/** The tables storing decisions writes: a caller's own transaction around it must hold them all. */
export function decisionTables(db: ShopDb) {
  return [
    db.events, db.outbox, db.shop, db.products, db.skus, db.promotions, db.teams, db.orders, db.reviews,
    db.withdrawals, db.balances, db.sold,
  ];
}

export function storeDecisions(store: Store, decisions: readonly Decision[]): Promise<Stored> {
  const db = tablesOf(store);
  if (decisions.length === 0) return Promise.resolve({ stored: [] });
  const tables = [...decisionTables(db), db.setAside];
  return guardQuota(() =>
    db.transaction('rw', tables, async (): Promise<Stored> => {
      const byId = new Map<EventId, Decision>();
      for (const d of decisions) if (!byId.has(d.id)) byId.set(d.id, d);
      const ids = [...byId.keys()];
      const known = await db.events.bulkGet(ids);
      const fresh = ids.flatMap((id, i) => (known[i] === undefined ? [byId.get(id)!] : []));
      if (fresh.length === 0) return { stored: [] };
      const { draft } = await readTouched(db, fresh);
      const rows = foldBatch(draft, fresh);
      await db.events.bulkAdd(fresh);
      await writeRows(db, rows);
      if (rows.setAside.length > 0) await db.setAside.bulkPut(setAsideRowsOf(rows.setAside, byId));
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

/**
 * The rows `fresh` touches, as stored, in a draft for the fold: one bulkGet per table. The
 * shelves are kept one per combination (schema version 6), under the fold's own key (`skuKey`).
 */
async function readTouched(db: ShopDb, fresh: readonly Decision[]): Promise<{ draft: Draft }> {
  const t = touchedBy(fresh);
  const draft = batchDraft();
  const [shop, products, inventory, promotions, teams, orders, reviews, withdrawals, balances] = await Promise.all([
    t.shop ? db.shop.get(SHOP_KEY) : undefined,
    db.products.bulkGet([...t.products]),
    db.skus.bulkGet([...t.inventory]),
    db.promotions.bulkGet([...t.promotions]),
    db.teams.bulkGet([...t.teams]),
    db.orders.bulkGet([...t.orders]),
    db.reviews.bulkGet([...t.reviews]),
    db.withdrawals.bulkGet([...t.withdrawals]),
    db.balances.bulkGet([...t.balances]),
  ]);
  if (shop) draft.shop = { n: shop.n, value: shop.value };
  for (const r of products) if (r) draft.products.set(r.id, { n: r.n, value: r.value });
  for (const r of inventory) if (r) draft.inventory.set(r.sku, { n: r.n, value: r.value });
  for (const r of promotions) if (r) draft.promotions.set(r.id, { n: r.n, value: r.value });
  for (const r of teams) if (r) draft.teams.set(r.id, { n: r.n, value: r.value });
  for (const r of orders) if (r) draft.orders.set(r.id, { n: r.n, value: r.value });
  for (const r of reviews) if (r) draft.reviews.set(r.id, r.value);
  for (const r of withdrawals) if (r) draft.withdrawals.set(r.id, { n: r.n, value: r.value });
  const accounts = [...t.balances];
  // A row that is not Money (damaged on the device, say by a backup restored before restores
  // were checked) would make every later decision on that account fail to fold, and the shop
  // wait for ever. The balance is the sum of the stored decisions' postings: it is summed again.
  const damaged = accounts.filter((_, i) => balances[i] !== undefined && !isMoney(balances[i]!.amount));
  const summed = damaged.length > 0 ? await sumPostings(db, new Set(damaged)) : undefined;
  accounts.forEach((account, i) => {
    const row = balances[i];
    if (summed?.has(account)) draft.balances.set(account, money(summed.get(account)!));
    else if (row !== undefined) draft.balances.set(account, row.amount);
  });
  return { draft };
}

/**
 * Decisions the fold could not fold (a posting past what Money holds…): stored with the rest,
 * their effects left out as on every device, and listed with what was set aside from the
 * server (Settings), so the seller learns of them rather than seeing money vanish.
 */
function setAsideRowsOf(aside: ViewRows['setAside'], byId: ReadonlyMap<EventId, Decision>): SetAsideRow[] {
  return aside.map(([id, why]) => {
    const d = byId.get(id);
    const json = JSON.stringify(d) ?? '';
    return { key: `journal ${id}`, db: 'journal', docId: id, rev: String(d?.n ?? ''), problems: [`could not be folded: ${why}`], json: json.slice(0, 8_192), at: d?.at ?? 0 };
  });
}

/** The row a shelf is stored as: under its combination's `skuKey` (schema version 6). */
function skuRow(n: number, value: Inventory): InventoryRow {
  return { sku: skuKeyOf(value), productId: value.productId, n, value };
}

/** Writes what the fold made of each view: one bulkPut per table. */
async function writeRows(db: ShopDb, rows: ViewRows): Promise<void> {
  const puts: Promise<unknown>[] = [];
  if (rows.shop) puts.push(db.shop.put({ key: SHOP_KEY, n: rows.shop.n, value: rows.shop.value }));
  if (rows.products.length > 0) {
    puts.push(db.products.bulkPut(rows.products.map(({ n, value: p }): ProductRow => ({
      id: p.id, n, value: p, category: p.category, price: p.price, hidden: p.hidden ? 1 : 0, words: indexWords(p.name, p.category, ...searchTags(p)),
    }))));
  }
  if (rows.inventory.length > 0) puts.push(db.skus.bulkPut(rows.inventory.map(({ n, value }) => skuRow(n, value))));
  if (rows.promotions.length > 0) puts.push(db.promotions.bulkPut(rows.promotions.map(({ n, value }) => ({ id: value.id, n, value }))));
  if (rows.teams.length > 0) {
    puts.push(db.teams.bulkPut(rows.teams.map(({ n, value }) => ({ id: value.id, n, productId: value.productId, status: value.status, value }))));
  }
  if (rows.orders.length > 0) {
    puts.push(db.orders.bulkPut(rows.orders.map(({ n, value: o }) => ({ id: o.id, n, buyer: o.buyer, status: o.status, placedAt: o.placedAt, value: o }))));
  }
  if (rows.reviews.length > 0) {
    puts.push(db.reviews.bulkPut(rows.reviews.map(({ n, value: r }) => ({ id: r.id, n, productIds: r.productIds, ...(r.orderId === undefined ? {} : { orderId: r.orderId }), value: r }))));
  }
  if (rows.withdrawals.length > 0) {
    puts.push(db.withdrawals.bulkPut(rows.withdrawals.map(({ n, value: w }) => ({ id: w.id, n, buyer: w.buyer, status: w.status, value: w }))));
  }
  if (rows.balances.length > 0) puts.push(db.balances.bulkPut(rows.balances.map(([account, amount]) => ({ account, amount }))));
  if (rows.sold.length > 0) puts.push(addSold(db, rows.sold));
  await Promise.all(puts);
}

/** Adds the batch's change to each product's counted units sold (one bulkGet, one bulkPut). */
async function addSold(db: ShopDb, changes: ViewRows['sold']): Promise<void> {
  const rows = await db.sold.bulkGet(changes.map(([id]) => id));
  await db.sold.bulkPut(changes.map(([productId, by], i): SoldRow => {
    const row = rows[i];
    return { ...row, productId, counted: Math.max(0, (row?.counted ?? 0) + by) };
  }));
}

/** The balances of `accounts` from every stored decision (the batch's own are not stored yet: the fold adds them). */
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
