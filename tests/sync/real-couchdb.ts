/**
 * A throwaway real Apache CouchDB 3.5 for tests and benches, from the release the project keeps
 * beside the repository (`../shared/couchdb/start.sh`, see its README): unpacked into a temp
 * folder, on a free 127.0.0.1 port, with one server admin; stopped by its process group and the
 * folder removed. No vitest imports, so Playwright specs and `bench/` can use it too.
 *
 * Where start.sh is found (first that exists):
 *   1. $COUCHDB_START: the path of a start.sh (same arguments), or `none` for PouchDB Server only;
 *   2. `<repo>/../shared/couchdb/start.sh` (the repository cloned with `shared` beside it);
 *   3. the same beside the main checkout when this is a git worktree (`git worktree add`
 *      puts worktrees elsewhere, e.g. /work/wt/<name> for /work/main beside /work/shared).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CouchClient } from '../../src/sync/couch-client.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SCRIPT = join('shared', 'couchdb', 'start.sh');

/** The start script to use, or undefined when there is none (then the tests use PouchDB Server). */
export function couchdbStartScript(): string | undefined {
  const given = process.env.COUCHDB_START;
  if (given !== undefined && given !== '') {
    if (given === 'none') return undefined;
    const path = resolve(given);
    // Asked for by name: never fall back to another server without saying so.
    if (!existsSync(path)) throw new Error(`COUCHDB_START=${given}: no such file (unset it, or set it to "none" for PouchDB Server).`);
    return path;
  }
  for (const repo of [ROOT, mainCheckout()]) {
    if (repo === undefined) continue;
    const path = resolve(repo, '..', SCRIPT);
    if (existsSync(path)) return path;
  }
  return undefined;
}

/** The main checkout of the repository when this one is a linked worktree (else undefined). */
function mainCheckout(): string | undefined {
  try {
    const common = execFileSync('git', ['rev-parse', '--path-format=absolute', '--git-common-dir'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return common.endsWith('.git') ? dirname(common) : undefined;
  } catch {
    return undefined; // not a git checkout, or no git: only the first two places count
  }
}

export interface CouchDbOptions {
  port: number;
  adminUser: string;
  adminPassword: string;
  /** Server settings, by section and key (`{ chttpd_auth: { timeout: '30' } }`), in its ini before it starts. */
  config?: Record<string, Record<string, string>>;
  /** Keep the server's log on this process's stderr when it fails to start. */
  verbose?: boolean;
}

export interface StartedCouchDb {
  url: string;
  admin: CouchClient;
  adminAuth: string;
  exited: Promise<void>;
  stop(): Promise<void>;
}

/** Process groups started here and not yet stopped, with their folders: ended if this process exits first. */
const running = new Map<number, string>();
let exitHookInstalled = false;

export async function startCouchDb(script: string, o: CouchDbOptions): Promise<StartedCouchDb> {
  // In memory where there is a tmpfs: a throwaway server need not wait for the disk on every write.
  const dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'couchdb-'));
  const url = `http://127.0.0.1:${o.port}/`;
  const adminAuth = `Basic ${Buffer.from(`${o.adminUser}:${o.adminPassword}`, 'utf8').toString('base64')}`;
  let pgid: number | undefined;
  const stop = async (): Promise<void> => {
    if (pgid !== undefined) await endGroup(pgid);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    writeIni(dir, { ...TEST_SETTINGS, ...o.config });
    await run(script, [dir, String(o.port), o.adminUser, o.adminPassword]);
    pgid = Number(readFileSync(join(dir, 'var/run/couchdb.pid'), 'utf8').trim());
    if (!Number.isInteger(pgid) || pgid <= 1) throw new Error(`start.sh left no process group id in ${dir}/var/run/couchdb.pid`);
    watchGroup(pgid, dir);
    await waitForAdmin(url, adminAuth);
    // `_db_updates` needs it, and a single node made by start.sh does not create it.
    await ensureDb(url, adminAuth, '_global_changes');
  } catch (error) {
    if (o.verbose) process.stderr.write(tail(join(dir, 'var/log/couchdb.log')));
    await stop();
    throw error;
  }
  const group = pgid;
  return { url, admin: new CouchClient({ url, authorization: adminAuth }), adminAuth, exited: gone(group), stop };
}

/**
 * A server that has been up for a while makes a buyer's channel within a second of sign-up;
 * a fresh one waits `cluster_start_period` (5 s) before couch_peruser listens at all. The
 * tests' servers are fresh, so they wait 1 s (0 makes couch_peruser turn itself off).
 */
const TEST_SETTINGS: Record<string, Record<string, string>> = { couch_peruser: { cluster_start_period: '1' } };

/** start.sh unpacks the release around it and writes its own 50-start.ini; this one comes after. */
function writeIni(dir: string, config: Record<string, Record<string, string>>): void {
  const text = Object.entries(config).map(([section, keys]) => `[${section}]\n${Object.entries(keys).map(([k, v]) => `${k} = ${v}\n`).join('')}`).join('\n');
  mkdirSync(join(dir, 'etc/local.d'), { recursive: true });
  writeFileSync(join(dir, 'etc/local.d/60-tests.ini'), text);
}

/** Sets one server setting (`PUT /_node/_local/_config/<section>/<key>`), as a server admin. */
export async function setCouchConfig(url: string, authorization: string, section: string, key: string, value: string): Promise<void> {
  const res = await fetch(`${url}_node/_local/_config/${encodeURIComponent(section)}/${encodeURIComponent(key)}`, {
    method: 'PUT',
    headers: { Authorization: authorization, 'Content-Type': 'application/json' },
    body: JSON.stringify(value),
  });
  if (!res.ok) throw new Error(`Could not set [${section}] ${key} = ${value}: ${res.status} ${await res.text()}`);
}

function run(script: string, args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn('bash', [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.once('error', fail);
    child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`${script} failed (exit ${code}):\n${out.trim()}`))));
  });
}

/** The first admin request after start can take a few seconds (the node is still setting up). */
/**
 * Until the admin is answered and `_users` exists: CouchDB answers `_all_dbs` a moment before it
 * has made its system databases, and a user made then fails with a 404 (seen in CI).
 */
async function waitForAdmin(url: string, authorization: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}_users`, { headers: { Authorization: authorization }, signal: AbortSignal.timeout(10_000) });
      if (res.ok) {
        await res.body?.cancel();
        return;
      }
      last = `${res.status} ${await res.text()}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`CouchDB at ${url} did not answer its admin within ${timeoutMs} ms: ${last}`);
}

/**
 * `_users/_design/_auth` holds the rules that stop a user giving themselves roles. A fresh
 * CouchDB 3.5 writes it only a few seconds after start (its first try comes before `_users`
 * exists); until then anyone who may write `_users` can sign up as a seller. Seen here.
 */
export async function waitForAuthRules(url: string, authorization: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const res = await fetch(`${url}_users/_design/_auth`, { headers: { Authorization: authorization } });
    await res.body?.cancel();
    if (res.ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`CouchDB at ${url} wrote no _users/_design/_auth within ${timeoutMs} ms.`);
}

async function ensureDb(url: string, authorization: string, db: string): Promise<void> {
  const res = await fetch(`${url}${encodeURIComponent(db)}`, { method: 'PUT', headers: { Authorization: authorization } });
  if (!res.ok && res.status !== 412) throw new Error(`Could not create ${db}: ${res.status} ${await res.text()}`);
  await res.body?.cancel();
}

/** Whether any process of the group is still alive (a zombie is not: it only waits to be reaped). */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch {
    return false;
  }
  try {
    // The leader may linger as a zombie until its new parent reaps it; its state says so.
    const state = readFileSync(`/proc/${pgid}/stat`, 'utf8').split(') ')[1]?.[0];
    return state !== 'Z';
  } catch {
    return true; // no /proc, or the leader is gone but others of the group live
  }
}

async function endGroup(pgid: number): Promise<void> {
  running.delete(pgid);
  if (!groupAlive(pgid)) return;
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + 10_000;
  while (groupAlive(pgid)) {
    if (Date.now() > deadline) {
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {
        return;
      }
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

function gone(pgid: number): Promise<void> {
  return new Promise((done) => {
    const timer = setInterval(() => {
      if (groupAlive(pgid)) return;
      clearInterval(timer);
      done();
    }, 500);
    timer.unref();
  });
}

/** A server this process started is stopped when it exits, even when a test forgot to (or crashed). */
function watchGroup(pgid: number, dir: string): void {
  running.set(pgid, dir);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const [g, folder] of running) {
      try {
        process.kill(-g, 'SIGKILL');
      } catch {
        // already gone
      }
      rmSync(folder, { recursive: true, force: true });
    }
  });
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-40).join('\n');
  } catch {
    return '';
  }
}
