/**
 * The shop's authority on the seller's device, against a CouchDB-compatible server: the
 * remote counterpart of the demo's LocalAuthority (src/app/demo/local-authority.ts).
 *
 * One run, in this order, each step for a reason:
 *  1. hold the lease: one seller device decides at a time (a device standing by still reads
 *     the journal, so it knows the shop's catalog);
 *  2. read the journal (first run, after an error, or when another device held the lease):
 *     decisions made elsewhere must be in the draft before anything is decided here, and an
 *     empty new device rebuilds the whole shop this way;
 *  3. publish what is queued BEFORE deciding anything new, so a crash between deciding and
 *     publishing is repaired first;
 *  4. in batches of at most `batchChannels` channels, until nothing waits: learn which
 *     channels changed (news.ts: CouchDB's `_db_updates` and a sweep), read them a few at a
 *     time (adopted first where they are not known to be the shop's), decide their intents,
 *     the seller's own commands and the clock's timers, and store the decisions with the
 *     channels' checkpoints in one transaction, inside the lease (renewed while reading);
 *     then publish them. Progress is thus stored batch by batch: a long first run on a
 *     weak link never throws away what it read.
 * Nothing is decided twice: the draft's `decided` set comes from stored decisions, and
 * intents are read only after the journal is.
 */
import {
  decideInto, draftOf, emptyState, foldDecision, refuseTampered, type BuyerId, type Decision, type Draft, type EventId, type Intent,
} from '../../domain/index.ts';
import { validateIntent } from '../../domain/validate/index.ts';
import { storeAuthorityRun, republishCopies, unparkAll } from '../../storage/authority-state.ts';
import {
  checkpointOf, checkpointsOf, getCheckpoint, decisionsAfter, markPublished, pendingIntents, refuseQueued, republishAll,
  type CheckpointRow, type SetAsideRow, type ShopDb,
} from '../../storage/index.ts';
import { CouchError, type CouchClient } from '../couch-client.ts';
import { StandbyError } from '../sync-loop.ts';
import { checkIdentity, NotReadyError, readIdentity } from '../identity.ts';
import { readDecision } from '../incoming.ts';
import { catalogDb, channelOwner, journalDb } from '../names.ts';
import { pullDb } from '../pull-db.ts';
import type { RulesOptions } from '../rules.ts';
import { readOneChannel, type ChannelOutcome, type JobContext } from './channel-job.ts';
import { guardChannel, type Forgery } from './channels.ts';
import { acquireLease, releaseLease } from './lease.ts';
import { ChannelNews, type NewsMode, type Plan } from './news.ts';
import { pool } from './pool.ts';
import { JournalDivergedError, publishQueued, type PublishReport } from './publish.ts';

export interface RemoteAuthorityOptions extends RulesOptions {
  /** How long a lease lasts; runs renew it. Default 60 s. */
  leaseMs?: number;
  /** Nothing is stored or published with less than this left on the lease (it is renewed first). Default 15 s. */
  leaseMarginMs?: number;
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
  /** A lease renewed this recently is not renewed again at the start of a run (default 10 s; 0: every run). */
  leaseRenewMs?: number;
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
}

export interface RunHooks {
  onBatch?(batch: BatchReport): void;
  /** Asked between batches: true ends the run there (everything so far is stored). */
  stopping?(): boolean;
}

/** A lease renewed this recently is not renewed again at the start of a run. */
const RENEW_AFTER_MS = 10_000;
/** How often the catalog's identity is checked when `_db_updates` would report its loss. */
const CATALOG_RECHECK_MS = 10 * 60_000;

export class RemoteAuthority {
  /** The shop as of the stored decisions; changed in place by decideInto, thrown away if a write fails. */
  private draft: Draft = draftOf(emptyState());
  private needsJournal = true;
  private started = false;
  private self: { name: string | null; admin: boolean } | undefined;
  /** The lease as this device last took it (server time). */
  private lease: { until: number; at: number } | undefined;
  private renewing: Promise<void> | undefined;
  private catalogCheckedAt = -Infinity;
  private readonly identityChecked = new Map<string, number>();
  readonly news: ChannelNews;

  constructor(
    private readonly local: ShopDb,
    private readonly client: CouchClient,
    private readonly shop: string,
    private readonly device: { id: string; label: string },
    private readonly now: () => number,
    private readonly options: RemoteAuthorityOptions,
  ) {
    this.news = new ChannelNews(local, client, shop, {
      now, self: () => this.self, sweepPage: options.sweepPage, concurrency: options.concurrency, watchMs: options.watchMs,
    });
  }

  private get leaseMs(): number {
    return this.options.leaseMs ?? 60_000;
  }

  async runOnce(signal?: AbortSignal, hooks: RunHooks = {}): Promise<RunReport> {
    const { client, device } = this;
    const lease = await this.holdLease(false);
    const report: RunReport = {
      lease: lease.held ? { held: true, holder: device.id, label: device.label, until: lease.until } : { ...lease, held: false },
      decided: [], published: { journal: 0, copies: 0 }, forgeries: [], skipped: [], batches: [],
    };
    if (!lease.held) {
      // Standing by, the device still follows the journal: it shows the shop as it is (its
      // catalog above all), and takes over from there when the lease is free.
      await this.readJournal(signal);
      this.needsJournal = true;
      return report;
    }
    try {
      if (this.started === false) {
        // Copies parked by an earlier run (a channel that could not be written) are tried again.
        await unparkAll(this.local);
        this.started = true;
      }
      if (this.needsJournal) await this.readJournal(signal);
      await this.catchUp();
      add(report.published, await this.publish(signal));
      // The seller's own account has a channel only by accident: it is not a buyer's.
      this.self ??= await client.session().then(
        (s) => ({ name: s.userCtx.name, admin: s.userCtx.roles.includes('_admin') }),
        () => ({ name: null, admin: false }),
      );
      this.news.startRun();
      for (let first = true; ; first = false) {
        const more = await this.batch(report, first, signal, hooks);
        if (!more || hooks.stopping?.()) break;
      }
      report.mode = this.news.mode;
      return report;
    } catch (error) {
      // Whatever went wrong, read the journal again before deciding anything more.
      this.needsJournal = true;
      // A device whose copy of the shop diverged must not keep the shop waiting on its lease.
      if (error instanceof JournalDivergedError) {
        this.lease = undefined;
        await releaseLease(client, this.shop, device.id).catch(() => undefined);
      }
      throw error;
    }
  }

  /** Waits for news of the buyers' channels (see news.ts); the sync loop calls it between runs. */
  watch(signal: AbortSignal): Promise<void> {
    return this.news.watch(signal);
  }

  /** Gives the lease up (the headless authority's clean stop), so another device may decide at once. */
  async release(): Promise<boolean> {
    this.lease = undefined;
    return releaseLease(this.client, this.shop, this.device.id);
  }

  /** One batch: plan, read, decide, store, publish. Returns whether more waits. */
  private async batch(report: RunReport, first: boolean, signal: AbortSignal | undefined, hooks: RunHooks): Promise<boolean> {
    const startedAt = this.now();
    const requestsBefore = this.client.traffic.requests;
    const plan = await this.news.plan(this.options.batchChannels ?? 100, signal);
    if (plan.journalEvent) await this.readJournal(signal);
    if (plan.catalogEvent || this.catalogDue()) await this.checkCatalog();
    const commands = await this.sellerCommands();
    // The first batch always decides, if only the clock's timers (a team's deadline…).
    if (!first && plan.channels.length === 0 && commands.length === 0 && plan.rows.length === 0) return false;
    let outcomes: ChannelOutcome[];
    try {
      outcomes = await this.readChannels(plan, signal);
    } catch (error) {
      this.news.putBack(plan);
      throw error;
    }
    const run = collect(outcomes, report);
    run.intents.push(...commands);
    outcomes.forEach((o, i) => {
      if (o.again) this.news.notice(o.db, o.again);
      if (o.failed) this.news.notice(o.db, plan.channels[i]![1]);
    });
    let stored: Decision[];
    try {
      // Stored only inside the lease: renewed first if little of it is left.
      await this.leaseForWriting();
      const now = Math.round(this.client.clock.now());
      const decisions = [...refuseTampered(this.draft, run.tampered, now), ...decideInto(this.draft, run.intents, now)];
      // Each decision records the revision of the intent it decided, as the server held it.
      for (const d of decisions) {
        const rev = d.intentId !== undefined ? run.revs.get(d.intentId) : undefined;
        if (rev !== undefined) d.intentRev = rev;
      }
      try {
        stored = await storeAuthorityRun(this.local, { decisions, setAside: run.setAside, checkpoints: [...run.checkpoints, ...plan.rows] });
      } catch (error) {
        // Nothing was stored (one transaction): the draft's new decisions must be forgotten.
        this.draft = draftOf(emptyState());
        throw error;
      }
    } catch (error) {
      this.news.putBack(plan);
      throw error;
    }
    this.news.committed(plan);
    report.decided.push(...stored);
    const published = await this.publish(signal);
    add(report.published, published);
    const done: BatchReport = {
      decided: stored.length, published: published.journal, channels: plan.channels.length,
      requests: this.client.traffic.requests - requestsBefore, ms: this.now() - startedAt,
    };
    report.batches.push(done);
    hooks.onBatch?.(done);
    // A channel that failed for a passing reason waits for the next run (with backoff).
    if (run.failed !== undefined) throw run.failed;
    return plan.more || outcomes.some((o) => o.again !== undefined);
  }

  /** The planned channels, a few at a time; the lease is renewed while they are read. */
  private async readChannels(plan: Plan, signal?: AbortSignal): Promise<ChannelOutcome[]> {
    if (plan.channels.length === 0) return [];
    const rows = await checkpointsOf(this.local, plan.channels.map(([db]) => db));
    const ctx: JobContext = {
      local: this.local, client: this.client, rules: this.options, draft: this.draft, pageLimit: this.options.pageLimit ?? 100,
      now: this.now, signal, identityChecked: this.identityChecked,
    };
    return pool(plan.channels, this.options.concurrency ?? 8, async ([db, hint], i) => {
      await this.keepLease();
      try {
        return await readOneChannel(ctx, db, hint, rows[i]);
      } catch (error) {
        // One channel failing for a passing reason does not hold up the others: it is read
        // again next time. Anything else stops the batch (nothing of it is stored).
        if (error instanceof CouchError && error.transient && !signal?.aborted) return { db, buyer: channelOwner(db) as BuyerId, failed: error };
        throw error;
      }
    });
  }

  /**
   * Holds the lease: takes it, or renews it unless it was renewed a moment ago (a busy shop
   * runs back to back). `force` renews whatever the time.
   */
  private async holdLease(force: boolean): ReturnType<typeof acquireLease> {
    const now = this.client.clock.now();
    const held = this.lease;
    const fresh = Math.min(this.options.leaseRenewMs ?? RENEW_AFTER_MS, this.leaseMs / 4);
    if (!force && held !== undefined && now - held.at < fresh && held.until - now > this.margin()) {
      return { held: true, rev: '', until: held.until, renewed: true };
    }
    const lease = await acquireLease(this.client, this.shop, this.device.id, this.device.label, this.leaseMs);
    this.lease = lease.held ? { until: lease.until, at: now } : undefined;
    // Someone else held the lease meanwhile: the journal may hold decisions this device has not read.
    if (lease.held && !lease.renewed) this.needsJournal = true;
    return lease;
  }

  private margin(): number {
    return this.options.leaseMarginMs ?? 15_000;
  }

  /** Before a batch is stored: the lease must have at least the margin left; renewed if not. */
  private async leaseForWriting(): Promise<void> {
    const held = this.lease;
    if (held !== undefined && held.until - this.client.clock.now() > this.margin()) return;
    await this.renewOrStop();
  }

  /**
   * While channels are read, and before each journal write: renewed once half of it is gone,
   * so a long read or publish never outlives it (and a device that lost it stops there).
   */
  private async keepLease(): Promise<void> {
    const held = this.lease;
    if (held !== undefined && held.until - this.client.clock.now() > Math.max(this.leaseMs / 2, this.margin())) return;
    this.renewing ??= this.renewOrStop().finally(() => (this.renewing = undefined));
    await this.renewing;
  }

  /**
   * Renews the lease before a journal write or a store. If another device held it meanwhile, it
   * numbered decisions from the same journal, so this device must stop writing and read the
   * journal again.
   */
  private async renewOrStop(): Promise<void> {
    const lease = await this.holdLease(true);
    if (!lease.held || !lease.renewed) {
      this.needsJournal = true;
      this.lease = undefined;
      throw new StandbyError(lease.held ? 'the lease lapsed during the run' : lease.label);
    }
  }

  /** Pulls the journal into the device: the shop's source of truth, made by whichever device held the lease. */
  private async readJournal(signal?: AbortSignal): Promise<void> {
    const db = journalDb(this.shop);
    // The server lost the journal (made again, or restored): every decision goes to it again.
    const { identity } = await checkIdentity(this.local, this.client, db, () => republishAll(this.local));
    const pulled = await pullDb(this.local, this.client, db, identity, (change) => readDecision(change), {
      now: this.now, signal, limit: this.options.pageLimit,
    });
    await this.checkNotDiverged();
    // Fold everything again if anything came: decisions pulled may be numbered below the draft's.
    if (pulled.applied > 0) this.draft = draftOf(emptyState());
    this.needsJournal = false;
  }

  /** Without `_db_updates` nothing reports a lost catalog: it is checked every run, as before. */
  private catalogDue(): boolean {
    return this.news.mode !== 'updates' || this.now() - this.catalogCheckedAt > CATALOG_RECHECK_MS;
  }

  /**
   * The catalog is only written by this device, never read: its identity (kept as a checkpoint
   * row) tells when the server lost it, and then every public copy goes to it again.
   */
  private async checkCatalog(): Promise<void> {
    const db = catalogDb(this.shop);
    const identity = await readIdentity(this.client, db);
    if (identity === undefined) throw new NotReadyError(db);
    this.catalogCheckedAt = this.now();
    const known = await getCheckpoint(this.local, db);
    if (known?.identity === identity) return;
    const row = checkpointOf(db, null, identity, this.now());
    if (known === undefined) await this.local.checkpoints.put(row);
    else await republishCopies(this.local, row);
  }

  /**
   * Another device decided while this one held unpublished decisions (its lease ran out
   * during a crash): both numbered the same part of the journal. This device's copy of the
   * shop is then not the journal's and must not decide or publish more.
   */
  private async checkNotDiverged(): Promise<void> {
    const unpublished = (await this.local.publish.toArray()).filter((r) => r.stage === 'journal');
    if (unpublished.length === 0) return;
    const mine = new Set<string>(unpublished.map((r) => r.id));
    const ns = unpublished.map((r) => r.n);
    const [from, to] = [Math.min(...ns), Math.max(...ns)];
    // Another device's decision numbered among ours: both decided from the same journal.
    const foreign = await this.local.events.where('n').between(from, to, true, true).filter((e) => !mine.has(e.id)).count();
    if (foreign > 0) throw new JournalDivergedError([...mine]);
    // Decisions numbered after ours were made by a device that read ours in the journal (a
    // write whose answer was lost): they are there; only their copies may be missing.
    if ((await this.local.events.where('n').above(to).count()) > 0) await markPublished(this.local, [...mine] as EventId[], 'copies');
  }

  private async catchUp(): Promise<void> {
    for (const d of await decisionsAfter(this.local, this.draft.n)) foldDecision(this.draft, d);
  }

  private publish(signal?: AbortSignal): Promise<PublishReport> {
    return publishQueued(this.local, this.client, this.shop, {
      batch: this.options.publishBatch, signal, openChannel: (buyer) => guardChannel(this.client, buyer, this.options),
      keepLease: () => this.keepLease(), concurrency: this.options.concurrency,
    });
  }

  /** The seller's own commands, queued on this device; a malformed one is refused, not decided. */
  private async sellerCommands(): Promise<Intent[]> {
    const ready: Intent[] = [];
    for (const w of await pendingIntents(this.local)) {
      if (w.intent.by !== 'seller' || this.draft.decided.has(w.intent.id)) continue;
      const checked = validateIntent(w.intent);
      if (checked.ok) ready.push(checked.value);
      else await refuseQueued(this.local, w.intent.id, checked.errors.join(' '));
    }
    return ready;
  }
}

/** A batch's channels put together: their intents (taken as sent no earlier than their guarding), and what to store. */
function collect(outcomes: readonly ChannelOutcome[], report: RunReport) {
  const out = {
    intents: [] as Intent[], tampered: [] as Intent[], revs: new Map<string, string>(), setAside: [] as SetAsideRow[],
    checkpoints: [] as CheckpointRow[], failed: undefined as unknown,
  };
  for (const o of outcomes) {
    if (o.failed !== undefined) {
      out.failed ??= o.failed;
      continue;
    }
    if (o.skipped !== undefined) report.skipped.push({ db: o.db, reason: o.skipped });
    const read = o.read;
    if (read === undefined) continue;
    // Intents written while a channel was not guarded were never checked, `sentAt` included:
    // they are taken as sent when the shop guarded it, not when they say.
    const at = o.guardedAt === undefined ? undefined : Math.round(o.guardedAt);
    for (const intent of read.intents) {
      out.intents.push(at !== undefined && intent.by === 'buyer' && intent.sentAt < at ? { ...intent, sentAt: at } : intent);
    }
    out.tampered.push(...read.tampered);
    for (const [id, rev] of read.revs) out.revs.set(id, rev);
    out.setAside.push(...read.setAside);
    report.forgeries.push(...read.forgeries);
    if (o.checkpoint) out.checkpoints.push(o.checkpoint);
  }
  return out;
}

function add(into: PublishReport, more: PublishReport): void {
  into.journal += more.journal;
  into.copies += more.copies;
  if (more.parked) into.parked = (into.parked ?? 0) + more.parked;
}
