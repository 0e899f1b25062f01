/**
 * The shop's authority without a phone, for a shop that outgrows one (an always-on laptop, a
 * small VM, a machine beside a CouchDB cluster):
 *
 *   npm run authority -- --url https://couch.example.com --shop myshop --user admin --password …
 *
 * The very runner the seller's phone runs (src/sync/authority/), under the same lease, so it
 * and a phone never decide at once: whichever holds the lease decides, the other stands by.
 * One log line per batch that did something (decided, published, channels read, requests).
 * SIGTERM or Ctrl-C ends it cleanly: the batch under way is finished and stored, and the lease
 * is given back so a phone can take over at once.
 *
 * Where it keeps the shop: fake-indexeddb, an IndexedDB in memory, so the app's own storage
 * code (Dexie, with every schema version) runs here unchanged, with nothing native to build.
 * Nothing is kept on disk: each start rebuilds the shop from the journal (the shop's source of
 * truth) and reads each buyer's channel once (two requests a channel); a restart of a shop with
 * 10,000 buyers thus costs some 20,000 requests, which a machine next to its server does in a minute or so.
 */
import 'fake-indexeddb/auto';
import { hostname } from 'node:os';
import { parseArgs } from 'node:util';
import { ShopDb } from '../src/storage/index.ts';
import { RemoteAuthority, type BatchReport } from '../src/sync/authority/authority-runner.ts';
import { CouchClient, CouchError } from '../src/sync/couch-client.ts';
import { catalogDb, journalDb, SHOP_PATTERN } from '../src/sync/names.ts';
import { RULES_DOC_ID, type RulesDesignDoc } from '../src/sync/rules.ts';
import { StandbyError, SyncLoop, type SyncStatus } from '../src/sync/sync-loop.ts';
import { SELLER_TICK_MS } from '../src/sync/authority/seller-work.ts';

const USAGE = `Usage: npm run authority -- --url <server> --shop <name> --user <name> --password <pw>

  --url <url>          the shop's CouchDB server, e.g. http://127.0.0.1:5984
  --shop <name>        the shop's name, as given to couch:setup
  --user <name>        the server's admin (best: it adopts new buyers' channels and hears of
                       changes through _db_updates), or a user with the role "seller"
  --password <pw>      (or the environment variable AUTHORITY_PASSWORD, kept out of the shell's history)
  --help`;

/** Exit codes: 2 bad arguments, 3 signed in refused, 4 server unreachable, 5 shop not set up. */
class Fatal extends Error {
  constructor(message: string, readonly code: number) {
    super(message);
  }
}

function log(line: string): void {
  console.log(`${new Date().toISOString()} ${line}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      shop: { type: 'string' },
      user: { type: 'string' },
      password: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const password = values.password ?? process.env.AUTHORITY_PASSWORD;
  if (!values.url || !values.shop || !values.user || !password) {
    throw new Fatal(`${['url', 'shop', 'user', 'password'].filter((k) => !(k === 'password' ? password : values[k as 'url'])).map((k) => `--${k}`).join(', ')} missing.\n\n${USAGE}`, 2);
  }
  if (!SHOP_PATTERN.test(values.shop)) throw new Fatal(`"${values.shop}" is not a shop's name (lower-case letters, digits, "_" or "-", starting with a letter).`, 2);
  let url: URL;
  try {
    url = new URL(values.url);
  } catch {
    throw new Fatal(`"${values.url}" is not a URL (try http://127.0.0.1:5984).`, 2);
  }
  const shop = values.shop;
  const client = new CouchClient({
    url: url.href, authorization: `Basic ${Buffer.from(`${values.user}:${password}`, 'utf8').toString('base64')}`, maxInFlight: 8, timeoutMs: 30_000,
  });

  const roles = await signIn(client, url.href, values.user);
  await checkShop(client, shop);
  const installed = await client.get<Partial<RulesDesignDoc>>(catalogDb(shop), RULES_DOC_ID).catch(() => undefined);
  const rules = { allowDemoTopUps: installed?.allowDemoTopUps === true };

  const local = new ShopDb(`authority ${shop} ${url.host}`);
  const host = hostname();
  const device = { id: `headless-${host}-${crypto.randomUUID().slice(0, 8)}`, label: `${values.user} · headless authority on ${host}` };
  const authority = new RemoteAuthority(local, client, shop, device, () => Date.now(), rules);
  log(`authority for "${shop}" at ${url.host}, signed in as ${values.user} (${roles.join(', ') || 'no roles'}), device ${device.id}`);
  if (!roles.includes('_admin')) log("not the server's admin: no _db_updates, so every run sweeps the channels it can read, and new buyers' channels are not adopted");

  let stopping = false;
  let quiet = { batches: 0, requests: 0, since: Date.now() };
  const onBatch = (b: BatchReport) => {
    if (b.decided === 0 && b.published === 0 && b.channels === 0) {
      quiet.batches += 1;
      quiet.requests += b.requests;
      if (Date.now() - quiet.since > QUIET_LOG_MS) {
        log(`quiet: ${quiet.batches} runs, ${quiet.requests} requests in ${Math.round((Date.now() - quiet.since) / 60_000)} min`);
        quiet = { batches: 0, requests: 0, since: Date.now() };
      }
      return;
    }
    log(`batch: decided ${b.decided}, published ${b.published}, channels read ${b.channels}, requests ${b.requests}, ${b.ms} ms`);
  };
  let last: SyncStatus['state'] | undefined;
  const stop = new AbortController();
  const loop = new SyncLoop({
    // The run in progress is never aborted: it ends after its current batch (everything stored).
    cycle: async () => {
      const report = await authority.runOnce(undefined, { onBatch, stopping: () => stopping });
      if (!report.lease.held) throw new StandbyError(report.lease.label);
      if (last !== 'synced') log(`deciding (${report.mode === 'updates' ? "news from CouchDB's _db_updates" : 'sweeping the channels'})`);
    },
    watch: (signal) => authority.watch(signal),
    tickMs: SELLER_TICK_MS,
    isOnline: () => true,
    now: () => Date.now(),
    random: Math.random,
    onStatus: (status) => {
      if (status.state === 'syncing') return;
      if (status.state !== last || status.state === 'retrying') {
        if (status.state === 'standby') log(`standing by: ${status.message} holds the lease`);
        else if (status.state !== 'synced') log(`${status.state}: ${status.message ?? ''}`);
      }
      last = status.state;
    },
  });
  const running = loop.run(stop.signal);
  const end = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: finishing the batch under way, then giving the lease back`);
    stop.abort();
    setTimeout(() => {
      console.error('Did not stop within 30 s; exiting without giving the lease back (it lapses within a minute).');
      process.exit(1);
    }, 30_000).unref();
  };
  process.on('SIGTERM', () => end('SIGTERM'));
  process.on('SIGINT', () => end('SIGINT'));
  await running;
  const released = await authority.release().catch(() => false);
  log(released ? 'stopped; the lease is free' : 'stopped (this device did not hold the lease)');
  local.close();
}

const QUIET_LOG_MS = 10 * 60_000;

/** Signs in (HTTP basic on every request); exits with a clear message when the server says no or cannot be reached. */
async function signIn(client: CouchClient, url: string, user: string): Promise<string[]> {
  let ctx;
  try {
    ctx = (await client.session()).userCtx;
  } catch (error) {
    if (error instanceof CouchError && error.status === 0) throw new Fatal(`Cannot reach the server at ${url}: ${error.reason}.`, 4);
    if (error instanceof CouchError && error.status === 401) throw new Fatal(`The server at ${url} refused the name "${user}" with that password.`, 3);
    throw error;
  }
  if (ctx.name !== user) throw new Fatal(`The server at ${url} refused the name "${user}" with that password.`, 3);
  if (!ctx.roles.includes('_admin') && !ctx.roles.includes('seller')) {
    throw new Fatal(`"${user}" is neither the server's admin nor has the role "seller": only the shop's seller decides for it.`, 3);
  }
  return ctx.roles;
}

async function checkShop(client: CouchClient, shop: string): Promise<void> {
  try {
    await client.info(journalDb(shop));
  } catch (error) {
    if (error instanceof CouchError && error.status === 404) throw new Fatal(`The shop "${shop}" is not set up on this server: run npm run couch:setup first.`, 5);
    if (error instanceof CouchError && (error.status === 401 || error.status === 403)) throw new Fatal(`This user may not read the shop "${shop}"'s journal.`, 3);
    throw error;
  }
}

main().then(
  () => process.exit(0), // keep-alive connections to the server must not hold the process
  (error: unknown) => {
    if (error instanceof Fatal) {
      console.error(error.message);
      process.exit(error.code);
    }
    if (String((error as { code?: unknown })?.code).startsWith('ERR_PARSE_ARGS')) {
      console.error(`${(error as Error).message}\n\n${USAGE}`);
      process.exit(2);
    }
    console.error(error);
    process.exit(1);
  },
);
