/**
 * What the authority's scale tests (and the authority-scale bench) share: a server with a
 * shop and many buyers, buyers who push orders as their phones do, a seller device, and a
 * fetch that counts (and may slow down) the seller's requests. No vitest imports here.
 */
import type { BuyerId, Intent } from '../../src/domain/index.ts';
import { queueIntent, type ShopDb } from '../../src/storage/index.ts';
import { RemoteAuthority, type RemoteAuthorityOptions } from '../../src/sync/authority/authority-runner.ts';
import { pool } from '../../src/sync/authority/pool.ts';
import { CouchClient } from '../../src/sync/couch-client.ts';
import { channelDb } from '../../src/sync/names.ts';
import { basic, createUser, type TestCouch } from './couch-server.ts';

export const RULES = { allowDemoTopUps: false };

/** Every request the seller's device made: method and path (with its query), decoded. */
export interface Counted {
  fetch: typeof fetch;
  log: { method: string; path: string }[];
  /** Requests whose path is about one of the buyers' channels. */
  channelRequests(): { method: string; path: string }[];
}

/** A fetch that records each request, and waits `delayMs` before it goes (a phone's round trip). */
export function countingFetch(delayMs = 0): Counted {
  const log: Counted['log'] = [];
  const counted: typeof fetch = async (input, init) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    log.push({ method: init?.method ?? 'GET', path: decodeURIComponent(url.pathname.slice(1)) + decodeURIComponent(url.search) });
    if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
    return fetch(input, init);
  };
  return { fetch: counted, log, channelRequests: () => log.filter((r) => r.path.startsWith('userdb-')) };
}

export function sellerClient(couch: TestCouch, f?: typeof fetch): CouchClient {
  return new CouchClient({ url: couch.url, authorization: couch.adminAuth, fetch: f, maxInFlight: 8, timeoutMs: 60_000 });
}

export function sellerDevice(local: ShopDb, client: CouchClient, shop: string, device = 'phone', options: Partial<RemoteAuthorityOptions> = {}): RemoteAuthority {
  return new RemoteAuthority(local, client, shop, { id: device, label: `Seller's ${device}` }, () => Date.now(), { ...RULES, ...options });
}

/** `n` buyers' names, sortable: b0000, b0001… */
export const buyerNames = (n: number, prefix = 'b'): string[] => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);

export const PASSWORD = 'password1';

/** Accounts for these buyers (and, on CouchDB, couch_peruser makes their channels). */
export async function createBuyers(couch: TestCouch, names: readonly string[]): Promise<void> {
  await pool(names, 8, (name) => createUser(couch.admin, name, PASSWORD));
}

/** Waits until every one of these channels exists (couch_peruser makes them within a second or so). */
export async function channelsExist(couch: TestCouch, names: readonly string[], timeoutMs = 120_000): Promise<void> {
  const want = new Set(names.map(channelDb));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const dbs = await couch.admin.request<string[]>('GET', '_all_dbs');
    if ([...want].every((db) => dbs.includes(db))) return;
    if (Date.now() > deadline) throw new Error(`${[...want].filter((db) => !dbs.includes(db)).length} channels never appeared`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export function buyerClient(couch: TestCouch, name: string): CouchClient {
  return new CouchClient({ url: couch.url, authorization: basic(name, PASSWORD) });
}

/** What the buyer's outbox does: the intent into their channel, `sentAt` from the server's clock. */
export async function push(client: CouchClient, intent: Intent & { by: 'buyer' }): Promise<void> {
  await client.info(channelDb(intent.buyer)); // learn the server's clock
  const doc = { ...intent, sentAt: Math.round(client.clock.now()), _id: intent.id };
  const [res] = await client.bulkDocs(channelDb(intent.buyer), [doc]);
  if (!res?.ok) throw new Error(`${intent.buyer}'s push refused: ${res?.error} ${res?.reason}`);
}

/** The seller queues commands on the device (decided at the next run). */
export async function queueCommands(local: ShopDb, commands: readonly Intent[]): Promise<void> {
  const now = Date.now();
  for (const c of commands) await queueIntent(local, c, now);
}

/**
 * Runs the seller's device until it has read every channel once (the channels of `expect`
 * buyers all have checkpoints, a whole sweep done) and then finds nothing to read, nor any
 * news while it waits (its own adoptions and copies are news on CouchDB, a moment later).
 */
export async function converge(authority: RemoteAuthority, local: ShopDb, expect: number, maxRuns = 200): Promise<number> {
  let quiet = 0;
  for (let runs = 1; runs <= maxRuns; runs++) {
    const report = await authority.runOnce();
    const read = report.batches.reduce((n, b) => n + b.channels, 0);
    const known = await local.checkpoints.where('db').startsWith('userdb-').count();
    quiet = known >= expect && read === 0 && authority.news.sweeps > 0 ? quiet + 1 : 0;
    if (quiet >= 2) return runs;
    if (quiet > 0) await authority.watch(AbortSignal.timeout(5_000));
  }
  throw new Error(`the seller's device did not settle in ${maxRuns} runs`);
}

export const asBuyer = (name: string) => name as BuyerId;
