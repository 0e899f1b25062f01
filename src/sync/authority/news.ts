/**
 * Which buyers' channels the seller's device must read, learnt from the server itself, so that
 * a quiet shop costs a few requests whatever its number of buyers (ARCHITECTURE.md §9).
 *
 * - `_db_updates` (CouchDB, the server's admin): one line per database written since a stored
 *   `since`, however many writes. Its longpoll is how the seller's device waits (`watch`): a
 *   buyer's push wakes it within a second, and a quiet shop costs one request per wait.
 * - The sweep, the safety net (`_db_updates` is not guaranteed to carry every event): each
 *   channel's `update_seq` compared with what the device last saw. On CouchDB one `_dbs_info`
 *   request covers a hundred channels; each run sweeps one page, and a new device sweeps them
 *   all at once. Without `_db_updates` (PouchDB Server, or a `seller` role on CouchDB) each
 *   channel's own info is asked for, several at a time, every run: there the sweep is all there is.
 * - New buyers: a channel made by couch_peruser appears in `_db_updates` as `created` and in the
 *   sweep. Where the seller's device makes the channels (PouchDB Server has no couch_peruser),
 *   `_users/_changes` since a stored seq names the users who are new or changed. On CouchDB
 *   a changed user matters too: couch_peruser makes them an admin of their channel again, so
 *   the channel is adopted again.
 *
 * Positions (`_db_updates`' and `_users`' seqs) are stored with a batch's decisions, and only
 * once every channel they named has been read: a crash reads some channels again, never fewer.
 */
import { checkpointOf, getCheckpoint, type CheckpointRow, type ShopDb } from '../../storage/index.ts';
import { CouchError, type CouchClient, type DbUpdate } from '../couch-client.ts';
import { catalogDb, channelOwner, journalDb, USER_NAME_PATTERN } from '../names.ts';
import { sleep } from '../sync-loop.ts';
import { Sweep, unsupported, type Hint } from './sweep.ts';
import { UsersFeed } from './users-feed.ts';

export type { Hint } from './sweep.ts';

export interface Plan {
  /** Channels to read in this batch, with why. */
  channels: [db: string, hint: Hint][];
  /** Positions to store with this batch (`_db_updates`, `_users`), once nothing they named waits. */
  rows: CheckpointRow[];
  /** The shop's catalog or journal was deleted or made: check its identity now. */
  catalogEvent: boolean;
  journalEvent: boolean;
  /** More channels wait: plan another batch. */
  more: boolean;
}

export type NewsMode = 'updates' | 'sweep';

export interface NewsOptions {
  now(): number;
  /** The seller's own account (their channel, if any, is not a buyer's), and whether it is the server's admin. */
  self(): { name: string | null; admin: boolean } | undefined;
  /** Channels per sweep page (one `_dbs_info` request). */
  sweepPage?: number;
  /** How long one wait for news lasts at most (default WATCH_MS). */
  watchMs?: number;
  concurrency?: number;
  /** Renews the run's lease while a sweep reads channels one by one (plan is only called inside it). */
  keepLease?(): Promise<void>;
}

const UPDATES_ROW = '_db_updates';
/** A `_db_updates` read this recent (the watch's) is not repeated at the start of a run. */
const FRESH_MS = 2_000;
/** How long the watch holds one longpoll (CouchDB's default changes timeout is 60 s; phones' NATs drop idle connections sooner). */
export const WATCH_MS = 25_000;
/** Without `_db_updates`, the pause between two sweeps. */
export const SWEEP_PAUSE_MS = 5_000;
/** Without `_db_updates`, how often to ask for it again (the server's admin may add `_global_changes`). */
const REPROBE_MS = 10 * 60_000;

export class ChannelNews {
  mode: NewsMode | undefined;
  private probedAt = -Infinity;
  private readonly pending = new Map<string, Hint>();
  private readonly deferred = new Map<string, Hint>();
  /** `_db_updates`: read up to `fetched`; `stored` is what the device has kept. */
  private fetched: unknown;
  private stored: unknown;
  private fetchedAt = -Infinity;
  /** `_users/_changes`, the same way (users-feed.ts). */
  private readonly users: UsersFeed;
  private readonly sweep: Sweep;
  /** A whole sweep is wanted now (a new device), not a page per run. */
  private urgent = false;
  private sweptThisRun = false;
  /** Without `_db_updates`: this run's whole sweep is done. */
  private roundDone = false;
  private catalogEvent = false;
  private journalEvent = false;
  private loaded = false;

  constructor(
    private readonly local: ShopDb,
    private readonly client: CouchClient,
    private readonly shop: string,
    private readonly o: NewsOptions,
  ) {
    this.users = new UsersFeed(local, client);
    this.sweep = new Sweep({
      local, client, page: o.sweepPage ?? 100, concurrency: o.concurrency ?? 8,
      isBuyerChannel: (db) => this.isBuyerChannel(db),
      listAll: () => !this.users.feed || this.o.self()?.admin === false,
      waiting: () => this.pending.keys(),
      keepLease: o.keepLease,
    });
  }

  /** Whole sweeps finished since start (the first one makes a new device converge). */
  get sweeps(): number {
    return this.sweep.done;
  }

  /** A run begins: the sweep may take its next page (with `_db_updates`), or sweeps everything again (without). */
  startRun(): void {
    this.sweptThisRun = false;
    this.roundDone = false;
    for (const [db, hint] of this.deferred) this.notice(db, hint);
    this.deferred.clear();
    if (this.mode === 'sweep') {
      this.sweep.restart();
      // Without `_db_updates` nothing says a user signed up: `_users/_changes` is asked each run,
      // from the stored position (one request; a new buyer's channel is made at once).
      this.users.dirty = true;
    }
  }

  /** A channel to read (news, the sweep, a sequence gone backwards). */
  notice(db: string, hint: Hint = {}): void {
    this.pending.set(db, { ...this.pending.get(db), ...hint });
  }

  /** A channel to read at the next run, not this one (it failed: trying again at once would spin). */
  later(db: string, hint: Hint = {}): void {
    this.deferred.set(db, { ...this.deferred.get(db), ...hint });
  }

  /** The next batch: at most `max` channels, with the positions to store alongside. */
  async plan(max: number, signal?: AbortSignal): Promise<Plan> {
    await this.load();
    if (this.mode === undefined || (this.mode === 'sweep' && this.o.now() - this.probedAt > REPROBE_MS)) await this.probe(signal);
    if (this.mode === 'updates' && this.o.now() - this.fetchedAt > FRESH_MS) await this.fetchUpdates(signal);
    // Only the server's admin reads `_users` (PouchDB Server fails a seller's read with a 500).
    if (this.users.dirty && this.users.feed && this.o.self()?.admin !== false) {
      await this.users.read({
        fromNow: this.mode === 'updates', makes: this.mode === 'sweep',
        isBuyerChannel: (db) => this.isBuyerChannel(db), notice: (db, hint) => this.notice(db, hint),
      }, signal);
    }
    // News first: a page of the sweep waits while channels are known to have changed (a new
    // device, or one without `_db_updates`, fills the batch from the sweep).
    const fill = this.mode === 'sweep' || this.urgent;
    while (this.sweepWanted() && (fill ? this.pending.size < max : this.pending.size === 0)) {
      this.sweptThisRun = true;
      const { found, complete } = await this.sweep.step(max - this.pending.size, signal);
      for (const [db, hint] of found) this.notice(db, hint);
      if (complete) {
        this.urgent = false;
        this.roundDone = true;
      }
    }
    const channels = [...this.pending.entries()].slice(0, max);
    for (const [db] of channels) this.pending.delete(db);
    try {
      await this.seeSeqs(channels, signal);
    } catch (error) {
      for (const [db, hint] of channels) this.notice(db, hint);
      throw error;
    }
    const rows: CheckpointRow[] = [];
    if (this.pending.size === 0) {
      const at = this.o.now();
      if (this.fetched !== undefined && this.fetched !== this.stored) rows.push(checkpointOf(UPDATES_ROW, this.fetched, '', at));
      const users = this.users.row(at);
      if (users) rows.push(users);
    }
    const plan: Plan = {
      channels, rows, catalogEvent: this.catalogEvent, journalEvent: this.journalEvent,
      more: this.pending.size > 0 || this.sweepWanted(),
    };
    this.catalogEvent = this.journalEvent = false;
    return plan;
  }

  /**
   * Channels read because `_db_updates` named them: their `update_seq` taken first (a hundred a
   * request), so the sweep, finding the same, does not read them again.
   */
  private async seeSeqs(channels: [string, Hint][], signal?: AbortSignal): Promise<void> {
    if (this.mode !== 'updates' || !this.sweep.usesDbsInfo) return;
    const unseen = channels.filter(([, hint]) => hint.seq === undefined);
    for (let i = 0; i < unseen.length; i += 100) {
      const part = unseen.slice(i, i + 100);
      let infos;
      try {
        infos = new Map((await this.client.dbsInfo(part.map(([db]) => db), signal)).map((info) => [info.db_name, info]));
      } catch (error) {
        if (unsupported(error)) return;
        throw error;
      }
      for (const [db, hint] of part) {
        const info = infos.get(db);
        if (info === undefined) continue;
        hint.seq = info.update_seq;
        hint.made = info.instance_start_time;
      }
    }
  }

  /** The plan's positions are stored. */
  committed(plan: Plan): void {
    for (const row of plan.rows) {
      if (row.db === UPDATES_ROW) this.stored = row.since;
      this.users.committed(row);
    }
  }

  /**
   * The batch failed: its channels are read again next time, and a lost catalog or journal is
   * checked again (a check made while the setup command was still making it found no identity
   * yet; `_db_updates` will not say so twice).
   */
  putBack(plan: Plan): void {
    for (const [db, hint] of plan.channels) this.notice(db, hint);
    if (plan.catalogEvent) this.catalogEvent = true;
    if (plan.journalEvent) this.journalEvent = true;
  }

  /**
   * Waits for news: on CouchDB a `_db_updates` longpoll (returns as soon as a channel, `_users`,
   * the catalog or the journal changes; the shop's own journal writes do not count), else a pause.
   */
  async watch(signal: AbortSignal): Promise<void> {
    if (this.mode !== 'updates') return sleep(Math.min(SWEEP_PAUSE_MS, this.o.watchMs ?? SWEEP_PAUSE_MS), signal);
    const until = this.o.now() + (this.o.watchMs ?? WATCH_MS);
    for (;;) {
      const left = until - this.o.now();
      if (left < 100 || signal.aborted) return;
      let page;
      try {
        page = await this.client.dbUpdates({ since: this.fetched ?? 'now', longpoll: true, timeoutMs: left, signal });
      } catch (error) {
        if (signal.aborted) return; // woken, or the loop stops: not a failure
        throw error;
      }
      this.fetchedAt = this.o.now();
      const relevant = this.absorb(page.results);
      this.fetched = page.last_seq;
      if (relevant || page.results.length === 0) return;
    }
  }

  private async load(): Promise<void> {
    if (this.loaded) return;
    this.stored = this.fetched = (await getCheckpoint(this.local, UPDATES_ROW))?.since;
    await this.users.load();
    // A device that has never read `_db_updates` knows nothing of what changed: it sweeps everything now.
    this.urgent = this.stored === undefined;
    this.loaded = true;
  }

  /** Whether `_db_updates` answers this device (the server's admin on CouchDB with `_global_changes`). */
  private async probe(signal?: AbortSignal): Promise<void> {
    this.probedAt = this.o.now();
    try {
      await this.fetchUpdates(signal);
      this.mode = 'updates';
    } catch (error) {
      if (!unsupported(error)) throw error;
      this.mode = 'sweep';
    }
  }

  private async fetchUpdates(signal?: AbortSignal): Promise<void> {
    let page;
    try {
      page = await this.client.dbUpdates({ since: this.fetched ?? 'now', signal });
    } catch (error) {
      // A stored position the server no longer knows (its `_global_changes` made again): start
      // from now, and sweep everything, since what happened in between is unknown.
      if (!(error instanceof CouchError && error.status === 400 && this.fetched !== undefined && this.mode === 'updates')) throw error;
      page = await this.client.dbUpdates({ since: 'now', signal });
      this.urgent = true;
    }
    this.absorb(page.results);
    this.fetched = page.last_seq;
    this.fetchedAt = this.o.now();
  }

  /** Takes in `_db_updates` lines; true if any is news for the authority. */
  private absorb(results: readonly DbUpdate[]): boolean {
    let relevant = false;
    for (const u of results) {
      const made = u.type === 'created' || u.type === 'deleted';
      if (u.db_name === '_users') {
        this.users.dirty = relevant = true;
      } else if (u.db_name === catalogDb(this.shop)) {
        if (made) this.catalogEvent = relevant = true;
      } else if (u.db_name === journalDb(this.shop)) {
        if (made) this.journalEvent = relevant = true;
      } else if (this.isBuyerChannel(u.db_name)) {
        this.notice(u.db_name, made ? { suspect: true } : {});
        relevant = true;
      }
    }
    return relevant;
  }

  private isBuyerChannel(db: string): boolean {
    const owner = channelOwner(db);
    return owner !== undefined && USER_NAME_PATTERN.test(owner) && owner !== this.o.self()?.name;
  }

  private sweepWanted(): boolean {
    if (this.mode === 'sweep') return !this.roundDone;
    return this.urgent || !this.sweptThisRun;
  }
}
