/**
 * What the sync engine writes: pulled decisions with their checkpoint (one transaction, so a
 * page is applied and its checkpoint advanced together, or neither), documents set aside,
 * and starting over when the server has lost data.
 */
import type { Decision, EventId, MessageEvent, Millis, ProductId } from '../domain/index.ts';
import type { SoldRow } from './rows.ts';
import type { ShopDb } from './db.ts';
import { guardQuota } from './errors.ts';
import { decisionTables, storeDecisions } from './store-decisions.ts';
import { messageTables, putMessages } from './message-store.ts';
import type { CheckpointRow, PublishRow, SetAsideRow } from './sync-rows.ts';

export function getCheckpoint(db: ShopDb, name: string): Promise<CheckpointRow | undefined> {
  return db.checkpoints.get(name);
}

export interface PulledPage {
  /** Decisions that passed validation. */
  decisions: readonly Decision[];
  /** Messages and read receipts that passed validation (a buyer's channel), stored once each. */
  messages?: readonly MessageEvent[];
  setAside: readonly SetAsideRow[];
  checkpoint: CheckpointRow;
  /** Units sold as the shop's catalog documents say (a catalog page), each as of its journal number. */
  sold?: readonly PublishedSold[];
}

/** A product's units sold as the shop published them, current as of journal number `n`. */
export interface PublishedSold {
  productId: ProductId;
  units: number;
  n: number;
}

/**
 * Stores a page of pulled decisions, the documents set aside, and the new checkpoint, all in
 * one transaction: if the page is closed half way, none of it is kept and the page is read again.
 * Returns the decisions that were new here.
 */
export function applyPulled(db: ShopDb, page: PulledPage): Promise<Decision[]> {
  return guardQuota(() =>
    db.transaction('rw', [...decisionTables(db), ...messageTables(db), db.checkpoints, db.setAside, db.publish], async () => {
      const { stored } = await storeDecisions(db, page.decisions);
      if (page.sold && page.sold.length > 0) await storePublishedSold(db, page.sold);
      if (page.messages && page.messages.length > 0) await putMessages(db, page.messages);
      if (page.setAside.length > 0) await db.setAside.bulkPut([...page.setAside]);
      await db.checkpoints.put(page.checkpoint);
      return stored;
    }),
  );
}

/** Keeps each product's published units sold, the newest by journal number (pages come in any order). */
async function storePublishedSold(db: ShopDb, sold: readonly PublishedSold[]): Promise<void> {
  const newest = new Map<ProductId, PublishedSold>();
  for (const s of sold) {
    const had = newest.get(s.productId);
    if (had === undefined || s.n > had.n) newest.set(s.productId, s);
  }
  const list = [...newest.values()];
  const rows = await db.sold.bulkGet(list.map((s) => s.productId));
  const puts = list.flatMap((s, i): SoldRow[] => {
    const row = rows[i];
    if (row?.publishedN !== undefined && row.publishedN >= s.n) return [];
    return [{ productId: s.productId, counted: row?.counted ?? 0, published: s.units, publishedN: s.n }];
  });
  if (puts.length > 0) await db.sold.bulkPut(puts);
}

/**
 * The server database `name` is not the one this device read before (deleted and made again,
 * or restored from a backup): read it again from the start, and send again every intent not
 * yet decided, since the server may no longer have it.
 */
export function startOver(db: ShopDb, name: string): Promise<void> {
  return guardQuota(() =>
    db.transaction('rw', db.checkpoints, db.outbox, async () => {
      await db.checkpoints.delete(name);
      await db.outbox.where('status').equals('sent').modify((e) => {
        e.status = 'queued';
      });
    }),
  );
}

/** This device's intents sent and not yet decided, oldest first (at most `limit`). */
export async function sentUndecided(db: ShopDb, limit: number): Promise<EventId[]> {
  return (await db.outbox.where('status').equals('sent').limit(limit).toArray()).map((e) => e.id);
}

/** The server does not have these any more (a restore from an old copy): send them again. */
export function requeue(db: ShopDb, ids: readonly EventId[]): Promise<void> {
  if (ids.length === 0) return Promise.resolve();
  return guardQuota(() =>
    db.transaction('rw', db.outbox, async () => {
      await db.outbox.where('id').anyOf([...ids]).and((e) => e.status === 'sent').modify((e) => {
        e.status = 'queued';
      });
    }),
  );
}

/** The documents set aside so far, newest first, for the report. */
export async function listSetAside(db: ShopDb): Promise<SetAsideRow[]> {
  return (await db.setAside.toArray()).sort((a, b) => b.at - a.at);
}

/* ------------------------------------------------------------------ the seller's device */

/** Decisions waiting to be published, in journal order, with their stage. */
export async function toPublish(db: ShopDb, limit: number): Promise<{ row: PublishRow; decision: Decision }[]> {
  const rows = await db.publish.orderBy('n').filter((r) => r.stage !== 'parked').limit(limit).toArray();
  const events = await db.events.bulkGet(rows.map((r) => r.id));
  return rows.flatMap((row, i) => {
    const decision = events[i];
    return decision?.type === 'decision' ? [{ row, decision }] : [];
  });
}

export function markPublished(db: ShopDb, ids: readonly EventId[], stage: 'copies' | 'parked' | 'done'): Promise<void> {
  return guardQuota(() =>
    db.transaction('rw', db.publish, async () => {
      if (stage === 'done') await db.publish.bulkDelete([...ids]);
      else await db.publish.where('id').anyOf([...ids]).modify((r) => { r.stage = stage; });
    }),
  );
}

/** The journal (or a channel) was lost on the server: publish every decision again (a repeat is a 409, harmless). */
export function republishAll(db: ShopDb): Promise<void> {
  return guardQuota(() =>
    db.transaction('rw', db.events, db.publish, async () => {
      const rows: PublishRow[] = [];
      await db.events.where('n').above(-Infinity).each((e) => {
        if (e.type === 'decision') rows.push({ id: e.id, n: e.n, stage: 'journal' });
      });
      await db.publish.bulkPut(rows);
    }),
  );
}

/** The seller's device wrote the catalog's current-state documents as of journal number `n` (kept on the catalog's checkpoint row). */
export function markCatalogState(db: ShopDb, catalog: string, identity: string, n: number, shape?: number): Promise<void> {
  return guardQuota(() =>
    db.transaction('rw', db.checkpoints, async () => {
      const row = await db.checkpoints.get(catalog);
      // The catalog made again meanwhile (another identity, a fresh row): all are written again.
      if (row !== undefined && row.identity === identity) await db.checkpoints.put({ ...row, published: n, ...(shape === undefined ? {} : { shape }) });
    }),
  );
}

/** A checkpoint row, with the time of this pull. */
export function checkpointOf(db: string, since: unknown, identity: string, syncedAt: Millis): CheckpointRow {
  return { db, since, identity, syncedAt };
}
