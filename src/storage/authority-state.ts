/**
 * The seller device's authority, storing one run: the decisions it made (into the journal
 * tables and the publish queue), the documents it set aside (forgeries,
 * tampered intents) and the buyers' channels' checkpoints, all in ONE transaction. A channel's
 * checkpoint thus never moves past an intent whose decision is not stored: after a crash the
 * intent is read again, and the stored decisions (the draft's `decided` set) skip it.
 */
import type { Decision } from '../domain/index.ts';
import type { ShopDb } from './db.ts';
import { guardQuota } from './errors.ts';
import { decisionTables, storeDecisions } from './store-decisions.ts';
import type { EventRow } from './rows.ts';
import type { CheckpointRow, PublishRow, SetAsideRow } from './sync-rows.ts';

export interface AuthorityRun {
  decisions: readonly Decision[];
  setAside: readonly SetAsideRow[];
  checkpoints: readonly CheckpointRow[];
}

/** Stores a run of the authority, all or nothing; returns the decisions that were new. */
export function storeAuthorityRun(db: ShopDb, run: AuthorityRun): Promise<Decision[]> {
  if (run.decisions.length === 0 && run.setAside.length === 0 && run.checkpoints.length === 0) return Promise.resolve([]);
  const tables = [...decisionTables(db), db.publish, db.setAside, db.checkpoints];
  return guardQuota(() =>
    db.transaction('rw', tables, async () => {
      // storeDecisions' own transaction joins this one (its tables are a subset).
      const { stored } = await storeDecisions(db, run.decisions);
      if (stored.length > 0) await db.publish.bulkPut(stored.map((d): PublishRow => ({ id: d.id, n: d.n, stage: 'journal' })));
      if (run.setAside.length > 0) await db.setAside.bulkPut([...run.setAside]);
      if (run.checkpoints.length > 0) await db.checkpoints.bulkPut([...run.checkpoints]);
      return stored;
    }),
  );
}

/**
 * A buyer's channel was lost on the server: queue that buyer's decisions to be copied into it
 * again. Those no longer queued were published, so they are in the journal: only the copies.
 */
export function republishBuyer(db: ShopDb, buyer: string): Promise<void> {
  return guardQuota(() =>
    db.transaction('rw', db.events, db.publish, async () => {
      const rows: PublishRow[] = [];
      await db.events.where('type').equals('decision').each((e) => {
        if (e.type === 'decision' && e.buyer === buyer) rows.push({ id: e.id, n: e.n, stage: 'copies' });
      });
      // A row still queued keeps its place and its stage; a parked one is queued again.
      const had = await db.publish.bulkGet(rows.map((r) => r.id));
      const fresh = rows.filter((_, i) => had[i] === undefined || had[i]!.stage === 'parked');
      if (fresh.length > 0) await db.publish.bulkPut(fresh);
    }),
  );
}

/**
 * The shop's catalog was lost on the server (made again: a new identity): queue every decision
 * for its copies again (the catalog's public part; a channel copy already there is a 409, harmless),
 * and record the catalog's new identity, in one transaction.
 */
export function republishCopies(db: ShopDb, catalog: CheckpointRow): Promise<void> {
  return guardQuota(() =>
    db.transaction('rw', db.events, db.publish, db.checkpoints, async () => {
      const rows: PublishRow[] = [];
      await db.events.where('type').equals('decision').each((e) => {
        if (e.type === 'decision') rows.push({ id: e.id, n: e.n, stage: 'copies' });
      });
      const had = await db.publish.bulkGet(rows.map((r) => r.id));
      const fresh = rows.filter((_, i) => had[i] === undefined);
      if (fresh.length > 0) await db.publish.bulkPut(fresh);
      await db.checkpoints.put(catalog);
    }),
  );
}

/** Parked copies are tried again (at each start of the seller's runner): a channel may be writable now. */
export function unparkAll(db: ShopDb): Promise<void> {
  return guardQuota(() =>
    db.transaction('rw', db.publish, async () => {
      await db.publish.filter((r) => r.stage === 'parked').modify((r) => {
        r.stage = 'copies';
      });
    }),
  );
}

/** The seller device's checkpoints of these databases (undefined where there is none), in order. */
export function checkpointsOf(db: ShopDb, names: readonly string[]): Promise<(CheckpointRow | undefined)[]> {
  return db.checkpoints.bulkGet([...names]);
}

/** Stores a first checkpoint for a database the device writes but never reads (the catalog: its identity only). */
export function addCheckpoint(db: ShopDb, row: CheckpointRow): Promise<void> {
  return guardQuota(async () => {
    await db.checkpoints.put(row);
  });
}

/** The events stored under these ids (undefined where there is none), in order: what a channel's copies are checked against. */
export function eventsByIds(db: ShopDb, ids: readonly string[]): Promise<(EventRow | undefined)[]> {
  return db.events.bulkGet([...ids]);
}

/** The decisions stored for these intents: their recorded intent revisions tell an edit after the fact. */
export function decisionsOfIntents(db: ShopDb, intentIds: readonly string[]): Promise<EventRow[]> {
  return db.events.where('intentId').anyOf([...intentIds]).toArray();
}

/** Where this device's decisions not yet in the journal stand among the stored events (journal.ts judges it). */
export interface UnjournaledStanding {
  /** This device's decisions still to go into the journal. */
  mine: string[];
  /** Other decisions numbered among them (another device decided from the same journal). */
  foreign: number;
  /** Decisions numbered after them (made by a device that read them in the journal). */
  later: number;
}

/** Undefined when every decision of this device is in the journal. */
export async function unjournaledStanding(db: ShopDb): Promise<UnjournaledStanding | undefined> {
  const unpublished = (await db.publish.toArray()).filter((r) => r.stage === 'journal');
  if (unpublished.length === 0) return undefined;
  const mine = new Set<string>(unpublished.map((r) => r.id));
  const ns = unpublished.map((r) => r.n);
  const [from, to] = [Math.min(...ns), Math.max(...ns)];
  const foreign = await db.events.where('n').between(from, to, true, true).filter((e) => !mine.has(e.id)).count();
  const later = await db.events.where('n').above(to).count();
  return { mine: [...mine], foreign, later };
}

/** The checkpoints of every database whose name starts with `prefix` (the buyers' channels the device has read). */
export function checkpointsFrom(db: ShopDb, prefix: string): Promise<CheckpointRow[]> {
  return db.checkpoints.where('db').startsWith(prefix).toArray();
}

/**
 * These channels must be adopted again before their intents are trusted (their owner's
 * account changed: CouchDB's couch_peruser then makes them an admin of their channel again).
 */
export function forgetGuards(db: ShopDb, names: readonly string[]): Promise<void> {
  if (names.length === 0) return Promise.resolve();
  return guardQuota(() =>
    db.transaction('rw', db.checkpoints, async () => {
      await db.checkpoints.where('db').anyOf([...names]).modify((row) => {
        delete row.guard;
      });
    }),
  );
}
