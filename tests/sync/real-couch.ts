/**
 * A throwaway Apache CouchDB 3.5 (the production server) from `../shared/couchdb/start.sh`,
 * in a temp folder on a free loopback port, for the tests and benches that must see what
 * only CouchDB does (`_db_updates`, `_dbs_info`, couch_peruser). No vitest imports here.
 *
 * Where the repository is a worktree, `SHARED_COUCHDB_DIR` names the folder that holds
 * start.sh. Without it (a newcomer's checkout), `realCouchAvailable()` is false and callers
 * use PouchDB Server (couch-server.ts) instead.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CouchClient, CouchError } from '../../src/sync/couch-client.ts';
import { ADMIN_PASSWORD, ADMIN_USER, basic, freePort, type TestCouch } from './couch-server.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The start.sh to use, if there is one. */
export function couchStartScript(): string | undefined {
  const dirs = [process.env.SHARED_COUCHDB_DIR, join(ROOT, '../shared/couchdb')].filter((d): d is string => !!d);
  return dirs.map((d) => join(d, 'start.sh')).find((f) => existsSync(f));
}

export const realCouchAvailable = (): boolean => couchStartScript() !== undefined;

export interface RealCouchOptions {
  /** Lower the password hashing's iterations (CouchDB 3.5 hashes with 600,000 by default: ~0.2 s a user). For tests that make many users. */
  cheapPasswords?: boolean;
}

export async function startRealCouch(options: RealCouchOptions = {}): Promise<TestCouch> {
  const script = couchStartScript();
  if (!script) throw new Error('No ../shared/couchdb/start.sh (set SHARED_COUCHDB_DIR).');
  // In memory where there is a tmpfs: a throwaway server need not wait for the disk on every write.
  const dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'couchdb-'));
  const port = await freePort();
  await promisify(execFile)('bash', [script, dir, String(port), ADMIN_USER, ADMIN_PASSWORD], { timeout: 90_000 });
  const pgid = Number(readFileSync(join(dir, 'var/run/couchdb.pid'), 'utf8').trim());
  let done: () => void = () => undefined;
  const exited = new Promise<void>((r) => (done = r));
  const stop = async () => {
    // Its data is thrown away: no need to let it shut down gracefully.
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // Gone already.
    }
    for (let i = 0; i < 50 && alive(pgid); i++) await new Promise((r) => setTimeout(r, 100));
    rmSync(dir, { recursive: true, force: true });
    done();
  };
  const url = `http://127.0.0.1:${port}/`;
  const adminAuth = basic(ADMIN_USER, ADMIN_PASSWORD);
  const admin = new CouchClient({ url, authorization: adminAuth, timeoutMs: 60_000 });
  try {
    // The system databases a single node needs: `_users` for accounts, `_global_changes` for `_db_updates`.
    // (`single_node` makes `_users` and `_replicator` itself, at the same moment: a race, so each is made or awaited.)
    for (const db of ['_users', '_replicator', '_global_changes']) await ensureDb(admin, db);
    if (options.cheapPasswords) await admin.request('PUT', '_node/_local/_config/chttpd_auth/iterations', '10');
  } catch (error) {
    await stop();
    throw error instanceof CouchError ? new Error(`CouchDB at ${url} did not set up: ${error.message}`) : error;
  }
  return { url, admin, adminAuth, exited, stop };
}

async function ensureDb(admin: CouchClient, db: string): Promise<void> {
  for (let tries = 0; ; tries++) {
    try {
      await admin.createDb(db);
      return;
    } catch (error) {
      if (await admin.info(db).then(() => true, () => false)) return;
      if (tries > 20) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

function alive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}
