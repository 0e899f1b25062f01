/**
 * Runs in Chromium (served by Vite from sync-bench.html, driven by sync.bench.ts): a buyer's
 * device syncing with PouchDB Server, through the app's own sync engine and its real
 * IndexedDB (Dexie, ShopDb), side by side with PouchDB's own replication (pouchdb-browser,
 * IndexedDB adapter) of the same documents. The server is reached under the page's own origin
 * at /couch/ (the bench's Vite proxy, as `npm run dev` and a real deployment do), signed in
 * with HTTP Basic auth. Times are `performance.now()` in the page.
 *
 * The Node side calls these functions with `page.evaluate`:
 * - `syncBenchOursPush`: fills a fresh device's outbox with the intents (the rows queueIntent
 *   writes, in one transaction: not timed), then times `pushOutbox` into the buyer's channel.
 * - `syncBenchOursPull`: times `pullDb` of a channel into a fresh device (validated, folded
 *   into the views, checkpointed page by page).
 * - `syncBenchPouchPush` / `syncBenchPouchPull`: the same documents with PouchDB's
 *   `replicate.to` / `replicate.from` between a fresh local PouchDB and the same channel
 *   (the local database is filled before the clock starts, for the push).
 * - `syncBenchOpenDevice`, `syncBenchQueue`, `syncBenchCycle`, `syncBenchDevice`,
 *   `syncBenchCloseDevice`: a device kept open across calls, running `buyerCycle` (the app's
 *   whole cycle: catalog, push, channel) for the bytes-per-order and slow-link figures; a
 * Every database made here is deleted when its function (or the device) is done.
 */
import { Dexie } from 'dexie';
import PouchDB from 'pouchdb-browser';
import type { BuyerId, Intent } from '../../src/domain/index.ts';
import { openDb, queueIntent, type OutboxEntry, type QueueResult, type ShopDb } from '../../src/storage/index.ts';
import { buyerCycle, type BuyerSyncTarget, type CycleReport } from '../../src/sync/buyer-sync.ts';
import { CouchClient } from '../../src/sync/couch-client.ts';
import { readIdentity } from '../../src/sync/identity.ts';
import { readDecision } from '../../src/sync/incoming.ts';
import { pullDb, type PullReport } from '../../src/sync/pull-db.ts';
import { pushOutbox, type PushReport } from '../../src/sync/push-outbox.ts';

/** The bench's Vite server passes this on to PouchDB Server. */
const COUCH = '/couch/';

/**
 * A fetch that reads the whole body before it answers, and adds to `meter.ms` the time any
 * request was under way (overlapping requests counted once): the time spent waiting on the
 * network and the server, as against the page's own work (JSON, validation, IndexedDB).
 */
function timedFetch(meter: { ms: number }, inner: (url: string, init?: RequestInit) => Promise<Response> = (u, i) => fetch(u, i)) {
  let active = 0;
  let since = 0;
  return async (url: string, init?: RequestInit): Promise<Response> => {
    if (active++ === 0) since = performance.now();
    try {
      const res = await inner(url, init);
      const body = await res.arrayBuffer();
      return new Response([204, 304].includes(res.status) ? null : body, { status: res.status, statusText: res.statusText, headers: res.headers });
    } finally {
      if (--active === 0) meter.ms += performance.now() - since;
    }
  };
}

/** Counts request bodies as sent (`meter.bytes`: gzipped ones as gzipped), through the `fetch` option CouchClient takes. */
function countingFetch(meter: { bytes: number }) {
  return (url: string, init: RequestInit = {}): Promise<Response> => {
    const body = init.body;
    meter.bytes += typeof body === 'string' ? new TextEncoder().encode(body).length : body instanceof Uint8Array ? body.byteLength : 0;
    return fetch(url, init);
  };
}

export interface SignedIn {
  buyer: string;
  /** `Basic …` */
  auth: string;
  channel: string;
}

export interface OursPushResult extends PushReport {
  ms: number;
  /** Of `ms`, the time a request was under way (see timedFetch). */
  netMs: number;
  requests: number;
  sentBytes: number;
  /** Outbox entries still queued after the push (0 when all went). */
  queuedAfter: number;
}

export interface OursPullResult extends PullReport {
  ms: number;
  netMs: number;
  requests: number;
  orders: number;
}

export interface PouchResult {
  ms: number;
  netMs: number;
  requests: number;
  docsRead: number;
  docsWritten: number;
  failures: number;
  /** Documents in the local PouchDB after a pull. */
  localDocs: number;
}

export interface CycleResult {
  ms: number;
  report: CycleReport;
  requests: number;
  /** Request bodies as JSON text. */
  sentBytes: number;
  /** Request bodies as sent (gzipped as the client gzips them). */
  sentOnWire: number;
}

export interface DeviceState {
  outbox: number;
  acceptedOrders: number;
  events: number;
}

declare global {
  interface Window {
    syncBenchOursPush(args: SignedIn & { intents: Intent[]; batch?: number }): Promise<OursPushResult>;
    syncBenchOursPull(args: SignedIn & { limit?: number }): Promise<OursPullResult>;
    syncBenchPouchPush(args: SignedIn & { docs: object[]; batchSize?: number }): Promise<PouchResult>;
    syncBenchPouchPull(args: SignedIn & { batchSize?: number }): Promise<PouchResult>;
    syncBenchOpenDevice(args: SignedIn & { shop: string }): Promise<string>;
    syncBenchQueue(handle: string, intents: Intent[]): Promise<QueueResult[]>;
    syncBenchCycle(handle: string): Promise<CycleResult>;
    syncBenchDevice(handle: string): Promise<DeviceState>;
    syncBenchCloseDevice(handle: string): Promise<void>;
  }
}

let made = 0;
const fresh = (what: string) => `sync-bench-${what}-${Date.now()}-${++made}`;

async function dropDb(db: ShopDb): Promise<void> {
  db.close();
  await Dexie.delete(db.name);
}

window.syncBenchOursPush = async ({ auth, channel, buyer, intents, batch }) => {
  const db = openDb(fresh('push'));
  try {
    // What queueIntent writes for each (the event and its queued outbox entry), all in one transaction.
    await db.transaction('rw', db.events, db.outbox, async () => {
      await db.events.bulkAdd(intents);
      await db.outbox.bulkAdd(intents.map((i): OutboxEntry => ({ id: i.id, status: 'queued', queuedAt: i.at, attempts: 0 })));
    });
    const net = { ms: 0 };
    const client = new CouchClient({ url: COUCH, authorization: auth, fetch: timedFetch(net) as typeof fetch });
    const t = performance.now();
    const report = await pushOutbox(db, client, channel, buyer as BuyerId, batch === undefined ? {} : { batch });
    const ms = performance.now() - t;
    const queuedAfter = await db.outbox.where('status').equals('queued').count();
    return { ...report, ms, netMs: net.ms, requests: client.traffic.requests, sentBytes: client.traffic.sentBytes, queuedAfter };
  } finally {
    await dropDb(db);
  }
};

window.syncBenchOursPull = async ({ auth, channel, buyer, limit }) => {
  const db = openDb(fresh('pull'));
  try {
    const net = { ms: 0 };
    const client = new CouchClient({ url: COUCH, authorization: auth, fetch: timedFetch(net) as typeof fetch });
    // buyerCycle's identity check, outside the clock (PouchDB's own GETs are inside its time).
    const identity = await readIdentity(client, channel);
    if (identity === undefined) throw new Error(`${channel} has no identity`);
    client.traffic.requests = 0;
    net.ms = 0;
    const t = performance.now();
    const report = await pullDb(db, client, channel, identity, (c) => readDecision(c, buyer as BuyerId), {
      now: () => Date.now(),
      ...(limit !== undefined && { limit }),
    });
    const ms = performance.now() - t;
    return { ...report, ms, netMs: net.ms, requests: client.traffic.requests, orders: await db.orders.count() };
  } finally {
    await dropDb(db);
  }
};

/** The channel as a PouchDB remote: Basic auth through PouchDB's documented `fetch` hook, which also counts requests. */
function remote(channel: string, auth: string, counter: { requests: number; ms: number }): PouchDB {
  const timed = timedFetch(counter, (url, init) => PouchDB.fetch(url, init));
  return new PouchDB(`${location.origin}${COUCH}${channel}`, {
    skip_setup: true,
    fetch: (url, options) => {
      counter.requests += 1;
      options.headers.set('Authorization', auth);
      return timed(url, options);
    },
  });
}

async function replicate(direction: 'to' | 'from', local: PouchDB, channel: string, auth: string, batchSize?: number): Promise<PouchResult> {
  const counter = { requests: 0, ms: 0 };
  const target = remote(channel, auth, counter);
  const options = batchSize === undefined ? {} : { batch_size: batchSize };
  const t = performance.now();
  const r = await (direction === 'to' ? local.replicate.to(target, options) : local.replicate.from(target, options));
  const ms = performance.now() - t;
  return {
    ms, netMs: counter.ms, requests: counter.requests, docsRead: r.docs_read, docsWritten: r.docs_written, failures: r.doc_write_failures,
    localDocs: (await local.info()).doc_count,
  };
}

window.syncBenchPouchPush = async ({ auth, channel, docs, batchSize }) => {
  const local = new PouchDB(fresh('pouch-push'));
  try {
    for (let i = 0; i < docs.length; i += 1000) {
      const failed = (await local.bulkDocs(docs.slice(i, i + 1000))).filter((r) => !r.ok);
      if (failed.length > 0) throw new Error(`local PouchDB refused ${failed.length} documents: ${failed[0]?.error}`);
    }
    return await replicate('to', local, channel, auth, batchSize);
  } finally {
    await local.destroy();
  }
};

window.syncBenchPouchPull = async ({ auth, channel, batchSize }) => {
  const local = new PouchDB(fresh('pouch-pull'));
  try {
    return await replicate('from', local, channel, auth, batchSize);
  } finally {
    await local.destroy();
  }
};

/* ------------------------------------------------------------------ a device kept open */

const devices = new Map<string, { db: ShopDb; client: CouchClient; target: BuyerSyncTarget; sent: { bytes: number } }>();

function device(handle: string) {
  const d = devices.get(handle);
  if (!d) throw new Error(`no device ${handle}`);
  return d;
}

window.syncBenchOpenDevice = async ({ auth, buyer, shop }) => {
  const handle = fresh('device');
  const db = openDb(handle);
  await db.open();
  const sent = { bytes: 0 };
  const client = new CouchClient({ url: COUCH, authorization: auth, fetch: countingFetch(sent) as typeof fetch });
  devices.set(handle, { db, client, sent, target: { local: db, client, shop, buyer: buyer as BuyerId, now: () => Date.now(), checked: new Map() } });
  return handle;
};

window.syncBenchQueue = async (handle, intents) => {
  const { db } = device(handle);
  const out: QueueResult[] = [];
  for (const intent of intents) out.push(await queueIntent(db, intent, intent.at));
  return out;
};

window.syncBenchCycle = async (handle) => {
  const { client, target, sent } = device(handle);
  client.traffic.requests = 0;
  client.traffic.sentBytes = 0;
  sent.bytes = 0;
  const t = performance.now();
  const report = await buyerCycle(target);
  const ms = performance.now() - t;
  return { ms, report, requests: client.traffic.requests, sentBytes: client.traffic.sentBytes, sentOnWire: sent.bytes };
};

window.syncBenchDevice = async (handle) => {
  const { db } = device(handle);
  return {
    outbox: await db.outbox.count(),
    acceptedOrders: await db.orders.where('status').equals('accepted').count(),
    events: await db.events.count(),
  };
};

window.syncBenchCloseDevice = async (handle) => {
  const { db } = device(handle);
  devices.delete(handle);
  await dropDb(db);
};
