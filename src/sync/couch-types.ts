/** What the CouchDB client (couch-client.ts) takes and gives: its options, answers and errors. */
export interface CouchOptions {
  /** The server's root URL, e.g. `https://couch.example.com/` or `/couch/` (a proxy on the app's own origin). */
  url: string;
  /** Sent with every request (Node only: a browser uses the session cookie). */
  authorization?: string;
  /** Aborts any request that takes longer (default 30 s); a longpoll adds its own timeout to this. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /**
   * At most this many requests in flight at once; the rest wait their turn (default: no
   * limit). The seller's device reads many channels concurrently, and a phone's link (or a
   * small server) serves a few requests at a time better than a hundred.
   */
  maxInFlight?: number;
}

/** A failed request: `status` 0 when the network failed or timed out (try again later). */
export class CouchError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly reason: string,
  ) {
    super(status === 0 ? `Network: ${reason}` : `CouchDB ${status} ${error}: ${reason}`);
    this.name = 'CouchError';
  }

  /** Worth trying again later (the network, a timeout, the server overloaded or failing). */
  get transient(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

export interface DbInfo {
  db_name: string;
  update_seq: unknown;
  doc_count: number;
  /** CouchDB 3: when the database was made (seconds), so a database made again has another; PouchDB Server: when the server started. */
  instance_start_time?: string;
}

/** One line of `_db_updates` (CouchDB, admin only): a database made, written or deleted. */
export interface DbUpdate {
  db_name: string;
  type: 'created' | 'updated' | 'deleted' | string;
  seq?: unknown;
}

export interface DbUpdatesPage {
  results: DbUpdate[];
  /** Opaque, as `_changes`' own. */
  last_seq: unknown;
}

/** One line of `_bulk_docs`' answer: `ok`, or an `error` (`conflict`, `forbidden`, …) with a reason. */
export interface BulkResult {
  id: string;
  ok?: boolean;
  rev?: string;
  error?: string;
  reason?: string;
}

export interface Change {
  id: string;
  seq: unknown;
  deleted?: boolean;
  changes: { rev: string }[];
  /** Untrusted until validated. */
  doc?: Record<string, unknown>;
}

export interface ChangesPage {
  results: Change[];
  /** Opaque: stored and sent back as it came. */
  last_seq: unknown;
  pending?: number;
}

export interface ChangesQuery {
  since: unknown;
  limit: number;
  /** Waits (up to `timeoutMs`) for the next change when none is there. */
  longpoll?: boolean;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface SessionInfo {
  name: string | null;
  roles: string[];
}

export interface RequestExtra {
  signal?: AbortSignal;
  timeoutMs?: number;
  gzip?: boolean;
  /** Ahead of the requests waiting for a slot (the lease's: see `slot`). */
  first?: boolean;
}
