/**
 * A throwaway PouchDB Server (in memory, loopback, a free port) for tests and benches.
 * No vitest imports here, so Playwright specs and `bench/` can use it too.
 *
 *   const couch = await startCouch();
 *   try { … couch.admin.put(…) … } finally { await couch.stop(); }
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CouchClient } from '../../src/sync/couch-client.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The package's own entry, run with this Node: no shell, and `kill` reaches the server itself. */
const BIN = join(ROOT, 'node_modules/pouchdb-server/bin/pouchdb-server');

export const ADMIN_USER = 'admin';
export const ADMIN_PASSWORD = 'admin-pw';

export interface TestCouch {
  /** With a trailing slash: `http://127.0.0.1:<port>/`. */
  url: string;
  /** Signed in as the server admin. */
  admin: CouchClient;
  /** The admin's `Authorization` header value. */
  adminAuth: string;
  /** Settles when the server process ends, whether by `stop()` or by itself. */
  exited: Promise<void>;
  stop(): Promise<void>;
}

/** An `Authorization` header value for HTTP basic auth. */
export function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}

/** Creates a user (roles can only be set by an admin, so `admin` must be one). */
export async function createUser(admin: CouchClient, name: string, password: string, roles: string[] = []): Promise<void> {
  await admin.put('_users', { _id: `org.couchdb.user:${name}`, name, password, roles, type: 'user' });
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
  /** Server admin to create (default admin / admin-pw); null keeps the server in "admin party". */
  adminUser?: string | null;
  adminPassword?: string;
  /** Pass the server's own log to this process's stdout (for debugging a test). */
  verbose?: boolean;
}

export async function startCouch(options: StartOptions = {}): Promise<TestCouch> {
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
    return { url, admin, adminAuth, exited, stop };
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

/* ------------------------------------------------------------------ a real CouchDB, when given */

/**
 * The contract tests (client, rules) also run against a real CouchDB 3 when one is given:
 *   COUCHDB_URL=http://127.0.0.1:5984/ COUCHDB_ADMIN=admin COUCHDB_PASSWORD=… npm run test:unit
 * (skipped otherwise: PouchDB Server differs from CouchDB in places, see ARCHITECTURE.md §8).
 * The tests make users and databases with fixed names, so use a throwaway server; whatever a
 * test run makes is deleted again by `stop()`.
 */
export function realCouchGiven(): { url: string; user: string; password: string } | undefined {
  const url = process.env.COUCHDB_URL;
  const user = process.env.COUCHDB_ADMIN;
  const password = process.env.COUCHDB_PASSWORD;
  if (!url || !user || !password) return undefined;
  return { url: url.endsWith('/') ? url : `${url}/`, user, password };
}

export async function useRealCouch(): Promise<TestCouch> {
  const given = realCouchGiven();
  if (!given) throw new Error('Set COUCHDB_URL, COUCHDB_ADMIN and COUCHDB_PASSWORD to test against a real CouchDB.');
  const adminAuth = basic(given.user, given.password);
  const admin = new CouchClient({ url: given.url, authorization: adminAuth });
  const dbsBefore = new Set(await admin.request<string[]>('GET', '_all_dbs'));
  const usersBefore = new Set(await admin.userNames());
  let done: () => void = () => undefined;
  const exited = new Promise<void>((resolve) => (done = resolve));
  const stop = async (): Promise<void> => {
    for (const db of await admin.request<string[]>('GET', '_all_dbs')) if (!dbsBefore.has(db)) await admin.deleteDb(db).catch(() => undefined);
    for (const name of await admin.userNames()) {
      if (usersBefore.has(name)) continue;
      const doc = await admin.get<{ _rev: string }>('_users', `org.couchdb.user:${name}`);
      if (doc) await admin.request('DELETE', `_users/${encodeURIComponent(`org.couchdb.user:${name}`)}?rev=${doc._rev}`).catch(() => undefined);
    }
    done();
  };
  return { url: given.url, admin, adminAuth, exited, stop };
}

/** The servers the contract tests run against: PouchDB Server always, CouchDB when given. */
export const CONTRACT_SERVERS = [
  { name: 'PouchDB Server', pouch: true, given: true, start: () => startCouch() },
  { name: 'CouchDB 3', pouch: false, given: realCouchGiven() !== undefined, start: useRealCouch },
] as const;
