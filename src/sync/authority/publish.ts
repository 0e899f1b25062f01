/**
 * Publishing the seller device's decisions, from the queue `storeAuthorityRun` fills in the
 * same transaction as the decisions themselves (so a crash loses no copy: the queue is
 * worked through again at the next run).
 *
 * Journal first, always: a batch goes into `<shop>-journal` (the shop's source of truth)
 * and is marked 'copies' before any copy is written, so no buyer ever sees a decision the
 * journal could lose. Then the copies: the decision into its buyer's channel (news for
 * their devices), and the photos its products show into the catalog (the catalog's documents
 * are its current state, written once per run: publish-state.ts). A 409 `conflict` means the id is
 * there already (an earlier run whose answer was lost) and counts as done, except in the
 * journal, where the document there is checked to be this very decision (see below).
 */
import { channelCopy, publicReview, publicTeam, type BuyerId, type Decision, type EventId } from '../../domain/index.ts';
import { markPublished, toPublish, type ShopDb } from '../../storage/index.ts';
import { CouchError, type BulkResult, type CouchClient } from '../couch-client.ts';
import { catalogCopyId, channelDb, journalDb } from '../names.ts';
import { uploadPhotos } from './photos.ts';
import { pool } from './pool.ts';

/** Decisions per journal write (and per round of copies). */
export const PUBLISH_BATCH = 100;
const COPY_CONCURRENCY = 8;

/** What a catalog copy may set: the shop's public face, never money, orders or withdrawals. */
const PUBLIC_KEYS = ['shop', 'products', 'inventory', 'promotions', 'teams', 'reviews'] as const;

export interface PublishOptions {
  batch?: number;
  signal?: AbortSignal;
  /**
   * Called before each batch goes to the journal: throws if this device no longer holds the
   * lease without a break, so a run that outlived its lease writes nothing more there.
   */
  keepLease?: () => Promise<void>;
  /** Makes a buyer's channel that does not exist yet (setup-shop's adoptChannel); the copy is then retried once. */
  openChannel: (buyer: BuyerId) => Promise<unknown>;
  /** Channels written at once. Default 8. */
  concurrency?: number;
}

export interface PublishReport {
  journal: number;
  copies: number;
  /** Decisions whose buyer's channel could not be written this time (see PublishRow 'parked'). */
  parked?: number;
}

/**
 * The journal holds a different document under one of this device's decision ids: another
 * device decided the same intent while this one's decision was unpublished (a lease that ran
 * out during a crash). This device's copy of the shop has diverged from the journal and must
 * be rebuilt from it; nothing more is published or decided from it.
 */
export class JournalDivergedError extends Error {
  constructor(readonly ids: readonly string[]) {
    super(`The shop's journal already holds other decisions under ${ids.slice(0, 3).join(', ')}: this device must be rebuilt from the journal.`);
    this.name = 'JournalDivergedError';
  }
}

export async function publishQueued(local: ShopDb, client: CouchClient, shop: string, options: PublishOptions): Promise<PublishReport> {
  const report: PublishReport = { journal: 0, copies: 0 };
  const batch = options.batch ?? PUBLISH_BATCH;
  for (;;) {
    const rows = await toPublish(local, batch);
    if (rows.length === 0) return report;
    const toJournal = rows.filter((r) => r.row.stage === 'journal').map((r) => r.decision);
    if (toJournal.length > 0) {
      await options.keepLease?.();
      await writeJournal(client, shop, toJournal, options.signal);
      await markPublished(local, toJournal.map((d) => d.id), 'copies');
      report.journal += toJournal.length;
    }
    const decisions = rows.map((r) => r.decision);
    const copied = await writeCopies(client, shop, decisions, { ...options, local });
    report.copies += copied.written;
    const parked = new Set<string>(copied.parked);
    report.parked = (report.parked ?? 0) + parked.size;
    await markPublished(local, decisions.filter((d) => !parked.has(d.id)).map((d) => d.id), 'done');
    if (parked.size > 0) await markPublished(local, [...parked] as EventId[], 'parked');
  }
}

async function writeJournal(client: CouchClient, shop: string, decisions: readonly Decision[], signal?: AbortSignal): Promise<void> {
  const db = journalDb(shop);
  const results = await client.bulkDocs(db, decisions.map((d) => ({ ...d, _id: d.id })), signal);
  const conflicts = check(results);
  if (conflicts.length === 0) return;
  // A conflict is usually our own earlier write whose answer was lost; make sure it is.
  const res = await client.request<{ rows: { key: string; doc?: Record<string, unknown> | null }[] }>(
    'POST', `${encodeURIComponent(db)}/_all_docs?include_docs=true`, { keys: conflicts }, { signal },
  );
  const mine = new Map(decisions.map((d) => [d.id as string, d]));
  const diverged = res.rows.filter((row) => !row.doc || !sameDecision(row.doc, mine.get(row.key)!)).map((r) => r.key);
  if (diverged.length > 0) throw new JournalDivergedError(diverged);
}

/**
 * The channel and catalog copies of a batch already in the journal: how many were written (or
 * there), and the decisions whose buyer's channel cannot be written now (parked, not blocking).
 */
async function writeCopies(
  client: CouchClient, shop: string, decisions: readonly Decision[], options: PublishOptions & { local: ShopDb },
): Promise<{ written: number; parked: EventId[] }> {
  const byBuyer = new Map<BuyerId, object[]>();
  let public_ = 0;
  for (const d of decisions) {
    if (d.buyer !== undefined) {
      const list = byBuyer.get(d.buyer) ?? [];
      // News about this buyer only (domain/public-copy.ts): a joiner's acceptance carries its team.
      list.push({ ...channelCopy(d), _id: d.id });
      byBuyer.set(d.buyer, list);
    }
    // The catalog itself holds current state, written once per run (publish-state.ts); here
    // only the photos its products show go up, before any document names them.
    if (catalogCopy(d)) public_ += 1;
  }
  let written = 0;
  const parked: EventId[] = [];
  // Each buyer's copies are one request; a flash sale's hundreds of buyers go several at a
  // time, and the catalog's copies beside them.
  const channels = pool([...byBuyer], options.concurrency ?? COPY_CONCURRENCY, async ([buyer, docs]) => {
    try {
      check(await copyToChannel(client, buyer, docs, options));
      written += docs.length;
    } catch (error) {
      // News copies only: the journal has them. A channel this seller cannot write now (gone,
      // not theirs to open, rules of someone else's refusing) must not hold up the others.
      if (!(error instanceof CouchError && [401, 403, 404].includes(error.status))) throw error;
      parked.push(...decisions.filter((d) => d.buyer === buyer).map((d) => d.id));
    }
  });
  const toCatalog = async () => {
    if (public_ === 0) return;
    await uploadPhotos(options.local, client, shop, decisions, options.signal);
  };
  await Promise.all([channels, toCatalog()]);
  return { written, parked };
}

async function copyToChannel(client: CouchClient, buyer: BuyerId, docs: object[], options: PublishOptions): Promise<BulkResult[]> {
  const db = channelDb(buyer);
  try {
    return await client.bulkDocs(db, docs, options.signal);
  } catch (error) {
    // The buyer's channel is not there yet (no couch_peruser on this server): make it, once.
    if (!(error instanceof CouchError && error.status === 404)) throw error;
    const opened = await options.openChannel(buyer);
    if (typeof opened === 'object' && opened !== null && 'refused' in opened) throw new CouchError(403, 'forbidden', String(opened.refused));
    return client.bulkDocs(db, docs, options.signal);
  }
}

/**
 * A decision's public part for the catalog, or undefined if it sets nothing public: under its
 * own id (the decision's id stays the journal's), without money, and without anything that
 * names the buyer or the intent (`readCatalogCopy` refuses those): a team carries its count and
 * members' initials, a review its writer's initials (domain/public-copy.ts; the catalog's rules
 * refuse names and order ids).
 */
export function catalogCopy(d: Decision): Decision | undefined {
  const set: Decision['set'] = {};
  for (const key of PUBLIC_KEYS) if (d.set[key] !== undefined) (set as Record<string, unknown>)[key] = d.set[key];
  if (Object.keys(set).length === 0) return undefined;
  if (set.teams) set.teams = set.teams.map(publicTeam);
  if (set.reviews) set.reviews = set.reviews.map(publicReview);
  const copy: Decision = { ...d, id: catalogCopyId(d.id) as EventId, postings: [], set };
  delete copy.intentId;
  delete copy.intentRev;
  delete copy.buyer;
  delete copy.message;
  delete copy.reason;
  return copy;
}

/** The ids that came back 409; throws on any other failure (the run stops and is tried again later). */
function check(results: readonly BulkResult[]): string[] {
  const conflicts: string[] = [];
  for (const r of results) {
    if (r.ok) continue;
    if (r.error === 'conflict') conflicts.push(r.id);
    else throw new CouchError(r.error === 'forbidden' ? 403 : r.error === 'unauthorized' ? 401 : 500, r.error ?? 'error', r.reason ?? `could not write ${r.id}`);
  }
  return conflicts;
}

/** Whether a server document (with CouchDB's own `_` fields) holds exactly this decision. */
export function sameDecision(doc: Record<string, unknown>, decision: Decision): boolean {
  const body: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) if (!k.startsWith('_')) body[k] = v;
  return canonical(body) === canonical(decision);
}

/** JSON with sorted keys, so that two equal objects written in different key orders compare equal. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
