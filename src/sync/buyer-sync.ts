/**
 * A buyer's device against the shop's server: each cycle pushes the outbox into the buyer's
 * channel, then pulls the catalog (public copies of the shop's decisions) and the channel
 * (the shop's decisions about this buyer). Signed out, it pulls the catalog only.
 *
 * Each database's identity is checked (one small GET) before its checkpoint is first trusted,
 * after any failure (a deleted database fails the longpoll that is always waiting on it), and
 * every few minutes: a database made again means starting over and sending again (identity.ts).
 */
import type { BuyerId } from '../domain/index.ts';
import { getCheckpoint, requeue, sentUndecided, type ShopDb } from '../storage/index.ts';
import { CouchError, type CouchClient } from './couch-client.ts';
import { checkIdentity, NotReadyError } from './identity.ts';
import { readChannelNews } from './incoming.ts';
import { catalogDb, channelDb } from './names.ts';
import { pullCatalog } from './pull-catalog.ts';
import { pullDb } from './pull-db.ts';
import { pushOutbox } from './push-outbox.ts';
import { pushMessages } from './push-messages.ts';
import { sleep } from './sync-loop.ts';

export interface BuyerSyncTarget {
  local: ShopDb;
  client: CouchClient;
  shop: string;
  /** The signed-in buyer, or null: the catalog only. */
  buyer: BuyerId | null;
  now(): number;
  /** Identities checked lately, by database: kept by the caller between cycles. */
  checked?: Map<string, { identity: string; at: number }>;
}

/** How long an identity check holds while nothing fails. */
export const IDENTITY_RECHECK_MS = 5 * 60_000;

async function identityOf(t: BuyerSyncTarget, db: string): Promise<string> {
  const seen = t.checked?.get(db);
  if (seen && t.now() - seen.at < IDENTITY_RECHECK_MS) return seen.identity;
  const { identity } = await checkIdentity(t.local, t.client, db);
  t.checked?.set(db, { identity, at: t.now() });
  return identity;
}

export interface CycleReport {
  sent: number;
  refused: number;
  applied: number;
  setAside: number;
}

export async function buyerCycle(t: BuyerSyncTarget, signal?: AbortSignal): Promise<CycleReport> {
  try {
    return await cycle(t, signal);
  } catch (error) {
    t.checked?.clear();
    throw error;
  }
}

async function cycle(t: BuyerSyncTarget, signal?: AbortSignal): Promise<CycleReport> {
  const report: CycleReport = { sent: 0, refused: 0, applied: 0, setAside: 0 };
  // The catalog first: a buyer whose channel the shop has not opened yet can still browse.
  const catalog = catalogDb(t.shop);
  const catalogId = await identityOf(t, catalog);
  add(report, await pullCatalog(t.local, t.client, catalog, catalogId, { signal, now: t.now }));
  if (t.buyer !== null) {
    const channel = channelDb(t.buyer);
    await sameSession(t);
    // Checked before pushing: after a loss, what was sent is queued again and goes in this push.
    const identity = await identityOf(t, channel).catch(async (error: unknown) => {
      // An ended session is no session: the channel is then as closed as one not opened yet.
      // Which it is decides what the person is told ("sign in again", or "wait for the shop").
      if (error instanceof NotReadyError) await sameSession({ ...t, checked: undefined });
      throw error;
    });
    await resendLost(t, channel);
    // Messages first: they need no decision, and must not wait behind a long queue of intents.
    const said = await pushMessages(t.local, t.client, 'buyer', t.buyer, signal);
    const pushed = await pushOutbox(t.local, t.client, channel, t.buyer, { signal });
    report.sent = pushed.sent + said.sent;
    report.refused = pushed.refused + said.refused;
    // Some documents failed for a passing reason: not "synced"; the loop tries again with backoff.
    if (pushed.retry || said.retry) throw new CouchError(503, 'retry', 'Some of your requests could not be sent yet.');
    add(report, await pullDb(t.local, t.client, channel, identity, (c) => readChannelNews(c, t.buyer!), { signal, now: t.now }));
  }
  return report;
}

/**
 * The session cookie is the browser's, shared by every tab: if someone else signed in on
 * another tab, pushing now would send this buyer's intents as them (and the rules would refuse
 * them for good). Checked once per session, like the identities.
 */
async function sameSession(t: BuyerSyncTarget): Promise<void> {
  if (t.checked?.has(SESSION_KEY)) return;
  const { userCtx } = await t.client.session();
  if (userCtx.name !== t.buyer) throw new CouchError(401, 'unauthorized', `Signed in on this browser as ${userCtx.name ?? 'nobody'}: sign in again.`);
  t.checked?.set(SESSION_KEY, { identity: t.buyer ?? '', at: t.now() });
}

const SESSION_KEY = '_session';

/**
 * A server restored from an older copy keeps its identity but lacks what was sent since. Now
 * and then (as often as identities are checked), the intents sent and not yet decided are
 * looked up on the server, and those it lacks are sent again.
 */
async function resendLost(t: BuyerSyncTarget, channel: string): Promise<void> {
  const key = `${channel} sent`;
  const seen = t.checked?.get(key);
  if (seen && t.now() - seen.at < IDENTITY_RECHECK_MS) return;
  const sent = await sentUndecided(t.local, 500);
  if (sent.length > 0) {
    const there = await t.client.revsOf(channel, sent);
    await requeue(t.local, sent.filter((id) => !there.has(id)));
  }
  t.checked?.set(key, { identity: '', at: t.now() });
}

/** How long a longpoll waits for news. */
const WATCH_MS = 25_000;
const EARLY_END_PAUSE_MS = 1_000;

/** Waits for news in the buyer's channel or the catalog (longpolls), whichever comes first. */
export async function watchBuyer(t: BuyerSyncTarget, signal: AbortSignal): Promise<void> {
  const dbs = [catalogDb(t.shop), ...(t.buyer !== null ? [channelDb(t.buyer)] : [])];
  const done = new AbortController();
  const both = AbortSignal.any([signal, done.signal]);
  try {
    await Promise.any(dbs.map(async (db) => {
      const since = (await getCheckpoint(t.local, db))?.since ?? 0;
      const started = t.now();
      let page;
      try {
        page = await t.client.changes(db, { since, limit: 1, longpoll: true, timeoutMs: WATCH_MS, signal: both });
      } catch (error) {
        // Not our own abort: the database may be gone (PouchDB Server keeps the feed open
        // until our timeout). Check its identity again before trusting its checkpoint.
        if (!both.aborted) t.checked?.delete(db);
        throw error;
      }
      if (page.results.length > 0) return;
      // CouchDB 3.5 ends a longpoll at once, empty and with a 200, when its database is
      // deleted: an early end with no news is a sign to look (identity first), after a pause
      // so that a server that always ends it early is not asked in a tight loop.
      if (!both.aborted && t.now() - started < WATCH_MS / 2) {
        t.checked?.delete(db);
        await sleep(EARLY_END_PAUSE_MS, both);
        return;
      }
      throw new Error('no news');
    }));
  } catch {
    // No news from any (a timeout) or aborted: either way the loop decides what is next.
  } finally {
    done.abort();
  }
}

function add(report: CycleReport, pulled: { applied: number; setAside: number }): void {
  report.applied += pulled.applied;
  report.setAside += pulled.setAside;
}
