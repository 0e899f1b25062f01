/**
 * The rows sync keeps on the device (schema version 3, 'sync'): its own bookkeeping, never
 * shown as the shop's state and never sent.
 */
import type { EventId, Millis } from '../domain/index.ts';

/** How far a server database has been read, and which database that was. */
export interface CheckpointRow {
  /** The server database's name. */
  db: string;
  /** CouchDB's `seq`: opaque, stored and sent back exactly as it came. */
  since: unknown;
  /** The database's identity document's uuid when `since` was read: a different one means it was made again. */
  identity: string;
  /** When the last pull of it finished, by the device's clock (shown as "last synced"). */
  syncedAt: Millis;
  /**
   * The seller's device, a buyer's channel: the revision of the shop's rules the channel was
   * last found guarded by (adopted, or checked as adopted). Absent or another revision: adopt
   * it before trusting its intents. Kept here so that a restart does not adopt every channel again.
   */
  guard?: string;
  /**
   * The seller's device, a buyer's channel: the revision of the shop's rules its feed showed in
   * place, with no other design document (its `_security` not checked yet: see `guard`).
   */
  rules?: string;
  /** The seller's device, a buyer's channel: its `update_seq` as the last sweep saw it (opaque: compared for equality only). */
  seq?: unknown;
  /** The seller's device, a buyer's channel: its `instance_start_time` as the last sweep saw it (another: the database was made again). */
  made?: string;
  /**
   * The seller's device, the catalog: the journal number its current-state documents are all
   * current as of (sync/authority/publish-state.ts). Absent: none written yet, so all are.
   */
  published?: number;
  /**
   * The seller's device, the catalog: what the documents written carry (`CATALOG_SHAPE`,
   * publish-state.ts); an older shape (absent: before units sold) makes the next run write all.
   */
  shape?: number;
}

/** A document from the server that failed validation: reported, never applied. */
export interface SetAsideRow {
  /** `${db} ${docId} ${rev}`: the same bad revision is set aside once. */
  key: string;
  db: string;
  docId: string;
  rev: string;
  /** What was wrong, in words (the validators' `path: message` lines). */
  problems: string[];
  /** The document as it came, as JSON, cut to 8 KB: evidence, never parsed again. */
  json: string;
  at: Millis;
}

/**
 * On the seller's device: a decision still to be copied to the server. 'journal': not yet in
 * the shop's journal; 'copies': in the journal, its copies (the buyer's channel, the
 * catalog) not yet written; 'parked': in the journal, but the buyer's channel cannot be
 * written now (gone, or not this seller's to open): set aside so that the rest of the queue
 * goes on, and queued again when the channel is adopted or made again. Deleted when every
 * copy is there.
 */
export interface PublishRow {
  id: EventId;
  n: number;
  stage: 'journal' | 'copies' | 'parked';
}
