/**
 * Throwaway servers for tests and benches, on loopback and free ports: a real Apache CouchDB
 * 3.5 (real-couchdb.ts) wherever the project's copy is there, else PouchDB Server (in
 * memory). No vitest imports here, so Playwright specs and `bench/` can use it too.
 *
 *   const couch = await startTestServer();   // the one TEST_SERVER names
 *   try { … couch.admin.put(…) … } finally { await couch.stop(); }
 *
 * `startPouchServer` and `startRealCouch` start one kind on purpose (a test of a quirk of one).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CouchClient } from '../../src/sync/couch-client.ts';
import { channelDb } from '../../src/sync/names.ts';
import { couchdbStartScript, setCouchConfig, startCouchDb, waitForAuthRules } from './real-couchdb.ts';

export { couchdbStartScript, setCouchConfig } from './real-couchdb.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The package's own entry, run with this Node: no shell, and `kill` reaches the server itself. */
const BIN = join(ROOT, 'node_modules/pouchdb-server/bin/pouchdb-server');

export const ADMIN_USER = 'admin';
export const ADMIN_PASSWORD = 'admin-pw';

export type ServerKind = 'couchdb' | 'pouchdb';

export interface TestCouch {
  kind: ServerKind;
  /** With a trailing slash: `http://127.0.0.1:<port>/`. */
  url: string;
  /** Signed in as the server admin. */
  admin: CouchClient;
  /** The admin's `Authorization` header value. */
  adminAuth: string;
  /** Settles when the server process ends, whether by `stop()` or by itself. */
  exited: Promise<void>;
  stop(): Promise<void>;
  /**
   * Back to a fresh server (every user and database the tests made is gone), in a fraction
   * of a restart: for test files whose tests need a server each (every buyer on a server is
   * the shop's) but not a process each.
   */
  reset(): Promise<void>;
}

/** The databases a fresh server has (and `_global_changes`, made by the harness on CouchDB). */
const SYSTEM_DBS = new Set(['_users', '_replicator', '_global_changes']);

async function resetServer(admin: CouchClient, peruser: boolean): Promise<void> {
  const users = await admin.request<{ rows: { id: string; value: { rev: string } }[] }>(
    'GET', `_users/_all_docs?startkey=${encodeURIComponent('"org.couchdb.user:"')}&endkey=${encodeURIComponent('"org.couchdb.user;"')}`,
  );
  if (users.rows.length > 0) {
    await admin.bulkDocs('_users', users.rows.map((r) => ({ _id: r.id, _rev: r.value.rev, _deleted: true })));
  }
  const gone = new Set(users.rows.map((r) => channelDb(r.id.slice('org.couchdb.user:'.length))));
  if (peruser) {
    // couch_peruser deletes the users' channels itself (delete_dbs): wait for it, or it could
    // delete a channel of the same name that the next test makes.
    const deadline = Date.now() + 60_000;
    while ((await admin.request<string[]>('GET', '_all_dbs')).some((db) => gone.has(db))) {
      if (Date.now() > deadline) throw new Error('couch_peruser did not delete the channels of the deleted users within 60 s.');
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  for (const db of await admin.request<string[]>('GET', '_all_dbs')) {
    if (!SYSTEM_DBS.has(db)) await admin.deleteDb(db);
  }
}

/** An `Authorization` header value for HTTP basic auth. */
export function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}

/**
 * Creates a user (roles can only be set by an admin, so `admin` must be one). On CouchDB,
 * couch_peruser then makes the user's channel: this waits for it (as a buyer's phone would),
 * so that nothing set up next races with couch_peruser setting the channel's `_security`.
 */
export async function createUser(admin: CouchClient, name: string, password: string, roles: string[] = []): Promise<void> {
  await admin.put('_users', { _id: `org.couchdb.user:${name}`, name, password, roles, type: 'user' });
  if (peruserAdmins.has(admin)) await waitForChannel(admin, name);
}

/**
 * The admin clients of the real CouchDBs started here (they run couch_peruser). Known by the
 * client rather than asked with `GET /`, which this CouchDB build answers only after ~7 s here.
 */
const peruserAdmins = new WeakSet<CouchClient>();

/**
 * Waits until couch_peruser has made `name`'s channel and named them in its `_security` (within
 * a second or so; a minute on a machine loaded by other work).
 *
 * Once in about twenty CI runs couch_peruser made no channel at all for a minute on a fresh
 * server (never seen on an idle machine, nor in 20 starts under load). Its listener on `_users`
 * can end quietly (couch_peruser.erl: a shard it could not open, or `_users` missing when it
 * started, turns it off). A server's admin would restart it; so does this, once, after
 * RESTART_PERUSER_MS, by turning it off and on again (it then reads `_users` from the start,
 * which makes what is missing and changes nothing else), and says so on stderr.
 */
export async function waitForChannel(admin: CouchClient, name: string, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  const deadline = started + timeoutMs;
  let restarted = false;
  for (;;) {
    const security = await admin.getSecurity(channelDb(name)).catch(() => undefined);
    const members = (security?.members as { names?: unknown } | undefined)?.names;
    if (Array.isArray(members) && members.includes(name)) return;
    if (Date.now() > deadline) throw new Error(`couch_peruser made no channel for "${name}" within ${timeoutMs} ms.`);
    if (!restarted && Date.now() - started > RESTART_PERUSER_MS) {
      restarted = true;
      process.stderr.write(`couch_peruser made no channel for "${name}" in ${RESTART_PERUSER_MS / 1000} s: turning it off and on again.\n`);
      for (const on of ['false', 'true']) await admin.request('PUT', '_node/_local/_config/couch_peruser/enable', on);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

const RESTART_PERUSER_MS = 15_000;

/**
 * Lets anyone sign up, as a shop's server does for buyers who make their own accounts: on
 * CouchDB 3 `_users` is admin-only until `[couchdb] users_db_security_editable` and its
 * `_security` is opened (the setup command prints how); PouchDB Server is open already.
 */
export async function openSignUp(couch: TestCouch): Promise<void> {
  if (couch.kind !== 'couchdb') return;
  await waitForAuthRules(couch.url, couch.adminAuth);
  await setCouchConfig(couch.url, couch.adminAuth, 'couchdb', 'users_db_security_editable', 'true');
  await couch.admin.putSecurity('_users', { admins: { names: [], roles: ['_admin'] }, members: { names: [], roles: [] } });
}

/**
 * A port that was free a moment ago: the OS picks one, or `port` is checked (so that another
 * server already there is not taken for ours). There is a small race, fine on loopback.
 */
export function freePort(port = 0): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', (e: NodeJS.ErrnoException) => reject(e.code === 'EADDRINUSE' ? new Error(`Port ${port} on 127.0.0.1 is in use.`) : e));
    srv.listen(port, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => (port ? resolvePort(port) : reject(new Error('no free port'))));
    });
  });
}

export interface StartOptions {
  port?: number;
  /** Server admin to create (default admin / admin-pw); null keeps PouchDB Server in "admin party" (CouchDB always has one). */
  adminUser?: string | null;
  adminPassword?: string;
  /** Pass the server's own log to this process's stdout (for debugging a test). */
  verbose?: boolean;
  /** CouchDB settings set after start, by section and key; PouchDB Server ignores them. */
  config?: Record<string, Record<string, string>>;
}

/** The server the sync tests use in this run, and why: one line for the test output. */
export interface ServerChoice {
  kind: ServerKind;
  /** What the test output says: which server, and where it came from. */
  line: string;
  start(options?: StartOptions): Promise<TestCouch>;
}

function choose(): ServerChoice {
  const script = couchdbStartScript();
  if (script) {
    return { kind: 'couchdb', line: `Sync tests run on real Apache CouchDB 3.5 (${script}).`, start: startRealCouch };
  }
  const why = process.env.COUCHDB_START === 'none' ? 'COUCHDB_START=none' : 'no ../shared/couchdb/start.sh beside the repository; COUCHDB_START=<path> names one';
  return { kind: 'pouchdb', line: `Sync tests run on PouchDB Server 4.2, in memory (${why}).`, start: startPouchServer };
}

/** Real CouchDB when its start script is there, else PouchDB Server. */
export const TEST_SERVER: ServerChoice = choose();

/** A fresh server of the kind TEST_SERVER names. */
export function startTestServer(options: StartOptions = {}): Promise<TestCouch> {
  return TEST_SERVER.start(options);
}

/** A real Apache CouchDB 3.5 from its start script (throws if there is none). */
export async function startRealCouch(options: StartOptions = {}): Promise<TestCouch> {
  const script = couchdbStartScript();
  if (!script) throw new Error('No CouchDB start script: put shared/couchdb beside the repository, or set COUCHDB_START.');
  if (options.adminUser === null) throw new Error('A real CouchDB always has a server admin here.');
  const port = await freePort(options.port);
  const started = await startCouchDb(script, {
    port,
    adminUser: options.adminUser ?? ADMIN_USER,
    adminPassword: options.adminPassword ?? ADMIN_PASSWORD,
    config: options.config,
    verbose: options.verbose,
  });
  peruserAdmins.add(started.admin);
  return { kind: 'couchdb', ...started, reset: () => resetServer(started.admin, true) };
}

/** PouchDB Server 4.2 in memory (the fallback, and what `npm run sync-server` runs). */
export const startCouch = startPouchServer;

export async function startPouchServer(options: StartOptions = {}): Promise<TestCouch> {
  const port = await freePort(options.port);
  // pouchdb-server writes config.json and log.txt into its working directory.
  const dir = mkdtempSync(join(tmpdir(), 'pouchdb-server-'));
  const child = spawn(process.execPath, [BIN, '--in-memory', '--host', '127.0.0.1', '--port', String(port), ...(options.verbose ? [] : ['--no-stdout-logs'])], {
    cwd: dir,
    stdio: ['ignore', options.verbose ? 'inherit' : 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (s: string) => {
    stderr = (stderr + s).slice(-4000);
    if (options.verbose) process.stderr.write(s);
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = `http://127.0.0.1:${port}/`;

  const stop = async (): Promise<void> => {
    await kill(child, exited);
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    await waitUntilUp(url, child, () => stderr);
    const adminUser = options.adminUser === undefined ? ADMIN_USER : options.adminUser;
    const adminPassword = options.adminPassword ?? ADMIN_PASSWORD;
    let adminAuth = '';
    if (adminUser !== null) {
      await makeServerAdmin(url, adminUser, adminPassword);
      adminAuth = basic(adminUser, adminPassword);
    }
    const admin = new CouchClient({ url, authorization: adminAuth || undefined });
    return { kind: 'pouchdb', url, admin, adminAuth, exited, stop, reset: () => resetServer(admin, false) };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Makes a server admin: the config takes the password as a JSON string and hashes it. Works
 * with no credentials only while the server has no admin yet ("admin party").
 */
export async function makeServerAdmin(url: string, user: string, password: string, authorization?: string): Promise<void> {
  const res = await fetch(`${url}_config/admins/${encodeURIComponent(user)}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', ...(authorization ? { Authorization: authorization } : {}) },
    body: JSON.stringify(password),
  });
  if (!res.ok) throw new Error(`Could not create the server admin "${user}": ${res.status} ${await res.text()}`);
}

async function waitUntilUp(url: string, child: ChildProcess, stderr: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`pouchdb-server exited (${child.exitCode ?? child.signalCode}) before it answered:\n${stderr()}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) {
        await res.body?.cancel();
        return;
      }
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`pouchdb-server did not answer at ${url} within ${timeoutMs} ms:\n${stderr()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function kill(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/* ------------------------------------------------------------------ the contract tests' servers */

/**
 * The contract tests (client, rules, a buyer's device) run on both servers when real CouchDB
 * is there: it is the production target, and PouchDB Server is what `npm run sync-server`
 * gives a newcomer. Quirks of one are tested on that one only (`pouch`).
 */
export const CONTRACT_SERVERS = [
  { name: 'PouchDB Server', pouch: true, given: true, start: () => startPouchServer() },
  { name: 'CouchDB 3.5', pouch: false, given: TEST_SERVER.kind === 'couchdb', start: () => startRealCouch() },
] as const;
