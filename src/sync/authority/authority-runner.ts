/**
 * The shop's authority on the seller's device, against a CouchDB-compatible server: the
 * remote counterpart of the demo's LocalAuthority (src/app/demo/local-authority.ts), on the
 * loop they share (storage's `AuthorityLoop`: catch up, validate or refuse, decide, store,
 * forget the working copy if storing fails).
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
import { decideInto, refuseTampered, type BuyerId, type Decision, type Intent } from '../../domain/index.ts';
import { AuthorityLoop } from '../../storage/authority-loop.ts';
import { storeAuthorityRun, republishCopies, unparkAll } from '../../storage/authority-state.ts';
import { addCheckpoint, checkpointOf, checkpointsOf, getCheckpoint, republishAll, storeMessages, type ShopDb } from '../../storage/index.ts';
import { CouchError, type CouchClient } from '../couch-client.ts';
import { checkIdentity, NotReadyError, readIdentity } from '../identity.ts';
import { readDecision } from '../incoming.ts';
import { catalogDb, channelOwner, journalDb } from '../names.ts';
import { pullDb } from '../pull-db.ts';
import { pushMessages } from '../push-messages.ts';
import { collectOutcomes, readOneChannel, type ChannelOutcome, type JobContext } from './channel-job.ts';
import { checkNotDiverged } from './journal.ts';
import { guardChannel } from './channels.ts';
import { LeaseKeeper } from './lease-keeper.ts';
import { ChannelNews, type Plan } from './news.ts';
import { pool } from './pool.ts';
import { JournalDivergedError, publishQueued, type PublishReport } from './publish.ts';
import { publishCatalogState } from './publish-state.ts';

export type { BatchReport, RemoteAuthorityOptions, RunHooks, RunReport } from './run-report.ts';
import type { BatchReport, RemoteAuthorityOptions, RunHooks, RunReport } from './run-report.ts';

/** How often the catalog's identity is checked when `_db_updates` would report its loss. */
const CATALOG_RECHECK_MS = 10 * 60_000;

export class RemoteAuthority {
  /** The shop as of the stored decisions, and the steps every authority run takes (storage's AuthorityLoop). */
  private readonly loop: AuthorityLoop;
  private needsJournal = true;
  private started = false;
  private self: { name: string | null; admin: boolean } | undefined;
  private readonly lease: LeaseKeeper;
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
    this.loop = new AuthorityLoop(local);
    this.lease = new LeaseKeeper(client, shop, device, options, () => (this.needsJournal = true));
    this.news = new ChannelNews(local, client, shop, {
      now, self: () => this.self, sweepPage: options.sweepPage, concurrency: options.concurrency, watchMs: options.watchMs,
      keepLease: () => this.lease.keep(),
    });
  }

  async runOnce(signal?: AbortSignal, hooks: RunHooks = {}): Promise<RunReport> {
    const { client, device } = this;
    // The seller's own messages go first, lease or not: they need no decision.
    const said = await pushMessages(this.local, client, 'seller', undefined, signal);
    // Without `_db_updates` nothing reports a journal lost: the lease (kept in it) is renewed every run, which would notice.
    const lease = await this.lease.hold(this.news.mode === 'sweep');
    const report: RunReport = {
      lease: lease.held ? { held: true, holder: device.id, label: device.label, until: lease.until } : { ...lease, held: false },
      decided: [], published: { journal: 0, copies: 0 }, forgeries: [], skipped: [], batches: [], messagesSent: said.sent, messages: 0,
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
      // The catalog's current state, once per run whatever the batches decided (a flash sale's
      // orders rewrite its product once), from the views as the journal now has them.
      await this.catchUp();
      report.catalog = await publishCatalogState(this.local, client, this.shop, this.loop.state, { now: this.now, signal });
      return report;
    } catch (error) {
      // Whatever went wrong, read the journal again before deciding anything more.
      this.needsJournal = true;
      // A device whose copy of the shop diverged must not keep the shop waiting on its lease.
      if (error instanceof JournalDivergedError) await this.lease.release().catch(() => undefined);
      throw error;
    }
  }

  /** Waits for news of the buyers' channels (see news.ts); the sync loop calls it between runs. */
  watch(signal: AbortSignal): Promise<void> {
    return this.news.watch(signal);
  }

  /** Gives the lease up (the headless authority's clean stop), so another device may decide at once. */
  release(): Promise<boolean> {
    return this.lease.release();
  }

  /** One batch: plan, read, decide, store, publish. Returns whether more waits. */
  private async batch(report: RunReport, first: boolean, signal: AbortSignal | undefined, hooks: RunHooks): Promise<boolean> {
    const startedAt = this.now();
    const requestsBefore = this.client.traffic.requests;
    const plan = await this.news.plan(this.options.batchChannels ?? 100, signal);
    let commands: Intent[];
    let outcomes: ChannelOutcome[];
    try {
      if (plan.journalEvent) {
        // The journal was deleted or made again: read (and, if lost, published again) before deciding more.
        await this.readJournal(signal);
        await this.catchUp();
      }
      if (plan.catalogEvent || this.catalogDue()) await this.checkCatalog();
      commands = await this.sellerCommands();
      // The first batch always decides, if only the clock's timers (a team's deadline…).
      if (!first && plan.channels.length === 0 && commands.length === 0 && plan.rows.length === 0) return false;
      outcomes = await this.readChannels(plan, signal);
    } catch (error) {
      // Nothing the plan named is forgotten: its channels, and a catalog or journal found made
      // again (checked while the setup command had not yet written its identity), wait for the next run.
      this.news.putBack(plan);
      throw error;
    }
    const run = collectOutcomes(outcomes);
    // Messages are shown as soon as they are read: stored now, before (and whatever becomes of) the deciding.
    report.messages += (await storeMessages(this.local, run.messages)).length;
    report.skipped.push(...run.skipped);
    report.forgeries.push(...run.forgeries);
    run.intents.push(...commands);
    outcomes.forEach((o, i) => {
      if (o.again) this.news.notice(o.db, o.again);
      if (o.failed) this.news.later(o.db, plan.channels[i]![1]);
    });
    let stored: Decision[];
    try {
      // Stored only inside the lease: renewed first if little of it is left.
      await this.lease.forWriting();
      const now = Math.round(this.client.clock.now());
      ({ saved: stored } = await this.loop.decideAndStore(
        (state) => {
          const decisions = [...refuseTampered(state, run.tampered, now), ...decideInto(state, run.intents, now)];
          // Each decision records the revision of the intent it decided, as the server held it.
          for (const d of decisions) {
            const rev = d.intentId !== undefined ? run.revs.get(d.intentId) : undefined;
            if (rev !== undefined) d.intentRev = rev;
          }
          return decisions;
        },
        // One transaction with the channels' checkpoints: if it fails, the loop forgets its working copy.
        (decisions) => storeAuthorityRun(this.local, { decisions, setAside: run.setAside, checkpoints: [...run.checkpoints, ...plan.rows] }),
      ));
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
    // Channels that failed wait for the next run; if every one failed, the run ends in that
    // error (the loop tries again with backoff). One bad channel never holds up the others.
    if (run.failed !== undefined && outcomes.every((o) => o.failed !== undefined)) throw run.failed;
    return plan.more || outcomes.some((o) => o.again !== undefined);
  }

  /** The planned channels, a few at a time; the lease is renewed while they are read. */
  private async readChannels(plan: Plan, signal?: AbortSignal): Promise<ChannelOutcome[]> {
    if (plan.channels.length === 0) return [];
    const rows = await checkpointsOf(this.local, plan.channels.map(([db]) => db));
    const ctx: JobContext = {
      local: this.local, client: this.client, rules: this.options, draft: this.loop.state, pageLimit: this.options.pageLimit ?? 100,
      now: this.now, signal, identityChecked: this.identityChecked,
    };
    return pool(plan.channels, this.options.concurrency ?? 8, async ([db, hint], i) => {
      await this.lease.keep();
      try {
        return await readOneChannel(ctx, db, hint, rows[i]);
      } catch (error) {
        // One channel the server fails (or refuses) does not hold up the others: it is read
        // again next run, and reported. Anything else stops the batch (nothing of it is stored).
        if (error instanceof CouchError && !signal?.aborted) return { db, buyer: channelOwner(db) as BuyerId, failed: error };
        throw error;
      }
    });
  }

  /** Pulls the journal into the device: the shop's source of truth, made by whichever device held the lease. */
  private async readJournal(signal?: AbortSignal): Promise<void> {
    const db = journalDb(this.shop);
    // The server lost the journal (made again, or restored): every decision goes to it again.
    const { identity } = await checkIdentity(this.local, this.client, db, () => republishAll(this.local));
    const pulled = await pullDb(this.local, this.client, db, identity, (change) => readDecision(change), {
      now: this.now, signal, limit: this.options.pageLimit,
    });
    await checkNotDiverged(this.local);
    // Fold everything again if anything came: decisions pulled may be numbered below the draft's.
    if (pulled.applied > 0) this.loop.forget();
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
    if (known === undefined) await addCheckpoint(this.local, row);
    else await republishCopies(this.local, row);
  }

  private catchUp(): Promise<void> {
    return this.loop.catchUp();
  }

  private publish(signal?: AbortSignal): Promise<PublishReport> {
    return publishQueued(this.local, this.client, this.shop, {
      batch: this.options.publishBatch, signal, openChannel: (buyer) => guardChannel(this.client, buyer, this.options),
      keepLease: () => this.lease.keep(), concurrency: this.options.concurrency,
    });
  }

  /** The seller's own commands, queued on this device; a malformed one is refused, not decided. */
  private sellerCommands(): Promise<Intent[]> {
    return this.loop.validQueued((w, state) => w.intent.by === 'seller' && !state.decided.has(w.intent.id));
  }
}

function add(into: PublishReport, more: PublishReport): void {
  into.journal += more.journal;
  into.copies += more.copies;
  if (more.parked) into.parked = (into.parked ?? 0) + more.parked;
}
