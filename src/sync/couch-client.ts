/**
 * The CouchDB HTTP client: the only place in the app that calls `fetch`. It speaks the few
 * endpoints sync needs, turns every answer into a typed value or a `CouchError`, and notes
 * the server's clock from each response's `Date` header (server-clock.ts).
 *
 * Authentication: in the browser, CouchDB's `_session` cookie (`credentials: 'include'`), so
 * no password is ever kept on the device; in Node (the setup command, tests, benches), an
 * `Authorization` header given by the caller.
 */
import { ServerClock } from './server-clock.ts';

// The types live in couch-types.ts; importers take them from the client, as before.
export {
  CouchError, type BulkResult, type Change, type ChangesPage, type ChangesQuery, type CouchOptions, type DbInfo, type DbUpdate, type DbUpdatesPage, type RequestExtra, type SessionInfo,
} from './couch-types.ts';
import {
  CouchError, type BulkResult, type ChangesPage, type ChangesQuery, type CouchOptions, type DbInfo, type DbUpdatesPage, type RequestExtra, type SessionInfo,
} from './couch-types.ts';

export class CouchClient {
  readonly clock = new ServerClock();
  private readonly root: string;
  private readonly fetchFn: typeof fetch;
  private inFlight = 0;
  private readonly queue: (() => void)[] = [];

  constructor(private readonly options: CouchOptions) {
    this.root = options.url.endsWith('/') ? options.url : `${options.url}/`;
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  }

  /**
   * Waits for a free slot (see `maxInFlight`); the returned function gives it back. A `first`
   * request (the lease's) goes to the head of the line: behind a run's many channel reads on a
   * slow link it would wait until the lease had run out, and another device would take it.
   */
  private async slot(first = false): Promise<() => void> {
    const max = this.options.maxInFlight;
    if (max === undefined) return () => undefined;
    if (this.inFlight >= max) await new Promise<void>((resolve) => (first ? this.queue.unshift(resolve) : this.queue.push(resolve)));
    else this.inFlight += 1;
    let given = false;
    return () => {
      if (given) return;
      given = true;
      const next = this.queue.shift();
      // The slot passes straight to the next in line (inFlight stays the same).
      if (next) next();
      else this.inFlight -= 1;
    };
  }

  /** Bytes received and sent in bodies, for the status line and benches (gzip counted as received). */
  readonly traffic = { requests: 0, sentBytes: 0 };

  async request<T>(method: string, path: string, body?: unknown, extra: RequestExtra = {}): Promise<T> {
    const release = await this.slot(extra.first);
    try {
      return await this.send<T>(method, path, body, extra);
    } finally {
      release();
    }
  }

  private async send<T>(method: string, path: string, body: unknown, extra: { signal?: AbortSignal; timeoutMs?: number; gzip?: boolean }): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.options.authorization) headers.Authorization = this.options.authorization;
    let payload: string | Uint8Array<ArrayBuffer> | undefined;
    if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['Content-Type'] = 'application/json';
      // Uploads are what a weak link is slowest at (50 kbit/s on slow 2G): JSON of intents
      // gzips ~10:1 (bench: sync over slow 2G, 9.4 s → 4.8 s for 100 orders).
      if (extra.gzip && payload.length > GZIP_FROM && typeof CompressionStream === 'function') {
        payload = await gzip(payload);
        headers['Content-Encoding'] = 'gzip';
      }
      this.traffic.sentBytes += payload.length;
    }
    this.traffic.requests += 1;
    const timeout = AbortSignal.timeout(extra.timeoutMs ?? this.options.timeoutMs ?? 30_000);
    const signal = extra.signal ? AbortSignal.any([extra.signal, timeout]) : timeout;
    const sentAt = Date.now();
    let res: Response;
    try {
      res = await this.fetchFn(this.root + path, { method, headers, body: payload, signal, credentials: 'include' });
    } catch (error) {
      if (extra.signal?.aborted) throw error;
      // Node's fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND…) is its cause.
      const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
      const why = String((error as Error)?.message ?? error) + (typeof cause === 'string' ? ` (${cause})` : '');
      throw new CouchError(0, 'network', timeout.aborted ? 'the server did not answer in time' : why);
    }
    this.clock.observe(res.headers.get('Date'), sentAt, Date.now());
    let json: unknown;
    try {
      json = await res.json();
    } catch (error) {
      if (extra.signal?.aborted) throw error;
      throw new CouchError(res.ok ? 0 : res.status, 'bad-response', 'the server sent something that is not JSON');
    }
    if (!res.ok) {
      const e = (json ?? {}) as { error?: unknown; reason?: unknown };
      throw new CouchError(res.status, String(e.error ?? 'error'), String(e.reason ?? res.statusText));
    }
    return json as T;
  }

  info(db: string, signal?: AbortSignal): Promise<DbInfo> {
    return this.request('GET', enc(db), undefined, { signal });
  }

  /** Creates a database; true if made now, false if it was there. */
  async createDb(db: string): Promise<boolean> {
    try {
      await this.request('PUT', enc(db));
      return true;
    } catch (error) {
      if (error instanceof CouchError && error.status === 412) return false;
      throw error;
    }
  }

  deleteDb(db: string): Promise<unknown> {
    return this.request('DELETE', enc(db));
  }

  /** Writes new documents; each gets its own answer (a 409 `conflict` means the id is there already). */
  bulkDocs(db: string, docs: readonly object[], signal?: AbortSignal): Promise<BulkResult[]> {
    return this.request('POST', `${enc(db)}/_bulk_docs`, { docs }, { signal, gzip: true });
  }

  /** A document, or undefined if there is none (or it was deleted). */
  async get<T>(db: string, id: string, query = '', extra: RequestExtra = {}): Promise<T | undefined> {
    try {
      return await this.request<T>('GET', `${enc(db)}/${encId(id)}${query}`, undefined, extra);
    } catch (error) {
      if (error instanceof CouchError && error.status === 404) return undefined;
      throw error;
    }
  }

  put<D extends { _id: string }>(db: string, doc: D, extra: RequestExtra = {}): Promise<{ ok: boolean; id: string; rev: string }> {
    return this.request('PUT', `${enc(db)}/${encId(doc._id)}`, doc, extra);
  }

  /** Which of these ids the database has (and at which winning revision). */
  async revsOf(db: string, ids: readonly string[]): Promise<Map<string, string>> {
    const res = await this.request<{ rows: { key: string; value?: { rev: string; deleted?: boolean }; error?: string }[] }>(
      'POST', `${enc(db)}/_all_docs`, { keys: ids },
    );
    const out = new Map<string, string>();
    for (const row of res.rows) if (row.value && !row.value.deleted) out.set(row.key, row.value.rev);
    return out;
  }

  /** One page of the changes feed, with documents (and their conflicts: see the authority's tamper check). */
  changes(db: string, q: ChangesQuery): Promise<ChangesPage> {
    const params = new URLSearchParams({ include_docs: 'true', conflicts: 'true', limit: String(q.limit) });
    const timeoutMs = feedParams(params, q);
    return this.request('GET', `${enc(db)}/_changes?${params}`, undefined, { signal: q.signal, timeoutMs });
  }

  /** The design documents of a database, with their revisions. */
  async designDocs(db: string): Promise<{ id: string; rev: string }[]> {
    const range = `startkey=${encodeURIComponent('"_design/"')}&endkey=${encodeURIComponent('"_design0"')}`;
    const res = await this.request<{ rows: { id: string; value: { rev: string } }[] }>('GET', `${enc(db)}/_all_docs?${range}`);
    return res.rows.map((r) => ({ id: r.id, rev: r.value.rev }));
  }

  putSecurity(db: string, security: object): Promise<unknown> {
    return this.request('PUT', `${enc(db)}/_security`, security);
  }

  getSecurity(db: string, signal?: AbortSignal): Promise<Record<string, unknown>> {
    return this.request('GET', `${enc(db)}/_security`, undefined, { signal });
  }

  session(): Promise<{ userCtx: SessionInfo }> {
    return this.request('GET', '_session');
  }

  /** Signs in: the server answers with a session cookie; the password is not kept. */
  signIn(name: string, password: string): Promise<SessionInfo & { ok: boolean }> {
    return this.request('POST', '_session', { name, password });
  }

  signOut(): Promise<unknown> {
    return this.request('DELETE', '_session');
  }

  /** Creates a user in `_users` (the server hashes the password; it is never stored here). */
  signUp(name: string, password: string): Promise<unknown> {
    return this.put('_users', { _id: `org.couchdb.user:${name}`, name, password, roles: [], type: 'user' });
  }

  /**
   * Which databases were made, written or deleted since `since` (CouchDB, the server's admin
   * only; needs the `_global_changes` database). One line per database however many writes,
   * so its cost follows how many databases changed. PouchDB Server has no such endpoint (400).
   */
  dbUpdates(q: { since: unknown; longpoll?: boolean; timeoutMs?: number; limit?: number; signal?: AbortSignal }): Promise<DbUpdatesPage> {
    const params = new URLSearchParams();
    if (q.limit !== undefined) params.set('limit', String(q.limit));
    const timeoutMs = feedParams(params, q);
    return this.request('GET', `_db_updates?${params}`, undefined, { signal: q.signal, timeoutMs });
  }

  /**
   * The info (`update_seq` among it) of the databases whose names lie in [startkey, endkey], at
   * most `limit` (CouchDB 3.2+, the server's admin only): one request for a hundred channels.
   */
  async dbsInfoRange(q: { startkey: string; endkey: string; limit: number; signal?: AbortSignal }): Promise<DbInfo[]> {
    const params = new URLSearchParams({ startkey: JSON.stringify(q.startkey), endkey: JSON.stringify(q.endkey), limit: String(q.limit) });
    const rows = await this.request<{ key: string; info?: DbInfo; error?: string }[]>('GET', `_dbs_info?${params}`, undefined, { signal: q.signal });
    return rows.flatMap((r) => (r.info ? [{ ...r.info, db_name: r.key }] : []));
  }

  /** The info of these databases (CouchDB 3.2+, at most 100 names a request by default); one missing is left out. */
  async dbsInfo(keys: readonly string[], signal?: AbortSignal): Promise<DbInfo[]> {
    const rows = await this.request<{ key: string; info?: DbInfo; error?: string }[]>('POST', '_dbs_info', { keys }, { signal });
    return rows.flatMap((r) => (r.info ? [{ ...r.info, db_name: r.key }] : []));
  }

  /** The users whose documents changed in `_users` since `since` (names only), and where that leaves the feed. */
  async userChanges(since: unknown, limit: number, signal?: AbortSignal): Promise<{ names: string[]; last_seq: unknown; more: boolean }> {
    const params = new URLSearchParams({ limit: String(limit) });
    if (since !== undefined && since !== null) params.set('since', typeof since === 'string' ? since : JSON.stringify(since));
    const page = await this.request<{ results: { id: string; deleted?: boolean }[]; last_seq: unknown }>('GET', `_users/_changes?${params}`, undefined, { signal });
    const names = page.results.flatMap((r) => (!r.deleted && r.id.startsWith(USER_PREFIX) ? [r.id.slice(USER_PREFIX.length)] : []));
    return { names, last_seq: page.last_seq, more: page.results.length >= limit };
  }

  /** The names of the users in `_users` (the seller needs read access: admin, or `_users` opened to the role). */
  async userNames(): Promise<string[]> {
    const res = await this.request<{ rows: { id: string }[] }>('GET', `_users/_all_docs?startkey=${encodeURIComponent('"org.couchdb.user:"')}&endkey=${encodeURIComponent('"org.couchdb.user;"')}`);
    return res.rows.map((r) => r.id.slice('org.couchdb.user:'.length));
  }
}

const USER_PREFIX = 'org.couchdb.user:';

/** Bodies smaller than this go as they are: gzip's own overhead would eat the saving. */
const GZIP_FROM = 1_024;

async function gzip(text: string): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function enc(db: string): string {
  return encodeURIComponent(db);
}

/** Design and local documents keep their slash. */
function encId(id: string): string {
  const m = /^(_design|_local)\/(.*)$/.exec(id);
  return m ? `${m[1]}/${encodeURIComponent(m[2]!)}` : encodeURIComponent(id);
}

/**
 * A feed's `since` and, for a longpoll, its wait; returns how long the client itself waits for
 * the answer (PouchDB Server ignores the timeout, so the client ends the wait itself).
 */
function feedParams(params: URLSearchParams, q: { since?: unknown; longpoll?: boolean; timeoutMs?: number }): number | undefined {
  if (q.since !== undefined && q.since !== null) params.set('since', typeof q.since === 'string' ? q.since : JSON.stringify(q.since));
  if (!q.longpoll) return undefined;
  const wait = q.timeoutMs ?? 25_000;
  params.set('feed', 'longpoll');
  params.set('timeout', String(wait));
  return wait + 5_000;
}
