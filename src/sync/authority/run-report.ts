/** What the seller's authority takes (its options) and says of each run and batch (authority-runner.ts). */
import type { Decision } from '../../domain/index.ts';
import type { RulesOptions } from '../rules.ts';
import type { Forgery } from './channels.ts';
import type { LeaseOptions } from './lease-keeper.ts';
import type { NewsMode } from './news.ts';
import type { PublishReport } from './publish.ts';
import type { StateReport } from './publish-state.ts';

export interface RemoteAuthorityOptions extends RulesOptions, LeaseOptions {
  publishBatch?: number;
  /** Changes per page, journal and channels. */
  pageLimit?: number;
  /** Channels read, decided and stored together. Default 100. */
  batchChannels?: number;
  /** Channels read at once. Default 8. */
  concurrency?: number;
  /** Channels per sweep page. Default 100. */
  sweepPage?: number;
  /** The longest wait for news between runs (news.ts WATCH_MS). */
  watchMs?: number;
}

/** One batch, for a log line: what it did and what it cost. */
export interface BatchReport {
  decided: number;
  published: number;
  channels: number;
  requests: number;
  ms: number;
}

export interface RunReport {
  lease: { held: boolean; holder: string; label: string; until: number };
  decided: Decision[];
  published: PublishReport;
  /** Tampered intents and decisions in channels the journal does not have: shown to the seller, never acted on. */
  forgeries: Forgery[];
  /** Channels not read this run, and why. */
  skipped: { db: string; reason: string }[];
  batches: BatchReport[];
  /** How this device learns of changes: CouchDB's `_db_updates`, or sweeps only. */
  mode?: NewsMode;
  /** The seller's messages pushed, and buyers' messages (and receipts) newly stored, this run. */
  messagesSent: number;
  messages: number;
  /** The catalog's current-state documents written at the end of the run (publish-state.ts). */
  catalog?: StateReport;
}

export interface RunHooks {
  onBatch?(batch: BatchReport): void;
  /** Asked between batches: true ends the run there (everything so far is stored). */
  stopping?(): boolean;
}
