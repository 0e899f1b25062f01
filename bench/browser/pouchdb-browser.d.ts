/**
 * The little of pouchdb-browser 9 (no types of its own) that the sync bench uses: a local
 * database in IndexedDB, a remote one over HTTP, and one-shot replication between them.
 */
declare module 'pouchdb-browser' {
  export interface ReplicationResult {
    ok: boolean;
    status: string;
    docs_read: number;
    docs_written: number;
    doc_write_failures: number;
    errors: unknown[];
  }

  export interface ReplicateOptions {
    batch_size?: number;
    batches_limit?: number;
  }

  export interface DatabaseOptions {
    /** Remote only: do not try to create the database (PouchDB Server crashes when a non-admin does). */
    skip_setup?: boolean;
    /** Remote only: PouchDB's documented hook for headers (here: Basic auth) and counting requests. */
    fetch?: (url: string, options: RequestInit & { headers: Headers }) => Promise<Response>;
  }

  export interface Replication extends Promise<ReplicationResult> {
    cancel(): void;
  }

  export default class PouchDB {
    constructor(name: string, options?: DatabaseOptions);
    static fetch(url: string, options?: RequestInit): Promise<Response>;
    bulkDocs(docs: readonly object[]): Promise<{ ok?: boolean; error?: string }[]>;
    info(): Promise<{ doc_count: number; update_seq: unknown }>;
    destroy(): Promise<unknown>;
    replicate: {
      to(target: string | PouchDB, options?: ReplicateOptions): Replication;
      from(source: string | PouchDB, options?: ReplicateOptions): Replication;
    };
  }
}
