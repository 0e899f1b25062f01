/**
 * The shop's authority on the seller's device, against a CouchDB-compatible server: the
 * remote counterpart of the demo's LocalAuthority (src/app/demo/local-authority.ts).
 *
 * One run, in this order, each step for a reason:
 *  1. hold the lease: one seller device decides at a time;
 *  2. read the journal (first run, after an error, or when another device held the lease):
 *     decisions made elsewhere must be in the draft before anything is decided here, and an
 *     empty new device rebuilds the whole shop this way;
 *  3. publish what is queued BEFORE deciding anything new, so a crash between deciding and
 *     publishing is repaired first;
 *  4. read buyers' channels (adopted first: a couch_peruser buyer is admin of theirs);
 *  5. decide their intents, the seller's own commands and the clock's timers, and store the
 *     decisions with the channels' checkpoints in one transaction; then publish them.
 * Nothing is decided twice: the draft's `decided` set comes from stored decisions, and
 * intents are read only after the journal is.
 */
import {
  decideInto, draftOf, emptyState, foldDecision, refuseTampered, type BuyerId, type Decision, type Draft, type EventId, type Intent,
} from '../../domain/index.ts';
import { validateIntent } from '../../domain/validate/index.ts';
import { storeAuthorityRun, republishBuyer, republishCopies, unparkAll } from '../../storage/authority-state.ts';
import {
  checkpointOf, getCheckpoint, decisionsAfter, markPublished, pendingIntents, refuseQueued, republishAll, type CheckpointRow, type SetAsideRow,
  type ShopDb,
} from '../../storage/index.ts';
import type { CouchClient } from '../couch-client.ts';
import { StandbyError } from '../sync-loop.ts';
import { checkIdentity, NotReadyError, readIdentity } from '../identity.ts';
import { readDecision } from '../incoming.ts';
import { catalogDb, channelDb, journalDb } from '../names.ts';
import { pullDb } from '../pull-db.ts';
import type { RulesOptions } from '../rules.ts';
import { guardChannel, isBuyerName, listBuyers, readChannel, type Forgery } from './channels.ts';
import { acquireLease, releaseLease } from './lease.ts';
import { JournalDivergedError, publishQueued, type PublishReport } from './publish.ts';

export interface RemoteAuthorityOptions extends RulesOptions {
  /** How long a lease lasts; runs renew it. Default 60 s. */
  leaseMs?: number;
  /** No decision is made with less than this left on the lease (the run must finish inside it). Default 15 s. */
  leaseMarginMs?: number;
  publishBatch?: number;
  /** Changes per page, journal and channels. */
  pageLimit?: number;
}

export interface RunReport {
  lease: { held: boolean; holder: string; label: string; until: number };
  decided: Decision[];
  published: PublishReport;
  /** Tampered intents and decisions in channels the journal does not have: shown to the seller, never acted on. */
  forgeries: Forgery[];
  /** Channels not read this run, and why. */
  skipped: { db: string; reason: string }[];
}

export class RemoteAuthority {
  /** The shop as of the stored decisions; changed in place by decideInto, thrown away if a write fails. */
  private draft: Draft = draftOf(emptyState());
  private needsJournal = true;
  private started = false;
  /** Channels adopted (or checked) by this instance; a channel whose rules moved is adopted again. */
  private readonly guarded = new Set<string>();
  private self: string | null | undefined;

  constructor(
    private readonly local: ShopDb,
    private readonly client: CouchClient,
    private readonly shop: string,
    private readonly device: { id: string; label: string },
    private readonly now: () => number,
    private readonly options: RemoteAuthorityOptions,
  ) {}

  async runOnce(signal?: AbortSignal): Promise<RunReport> {
    const { client, shop, device } = this;
    const lease = await acquireLease(client, shop, device.id, device.label, this.options.leaseMs ?? 60_000);
    const report: RunReport = {
      lease: lease.held ? { held: true, holder: device.id, label: device.label, until: lease.until } : { ...lease, held: false },
      decided: [], published: { journal: 0, copies: 0 }, forgeries: [], skipped: [],
    };
    if (!lease.held) return report;
    try {
      if (this.started === false) {
        // Copies parked by an earlier run (a channel that could not be written) are tried again.
        await unparkAll(this.local);
        this.started = true;
      }
      if (this.needsJournal || !lease.renewed) await this.readJournal(signal);
      await this.catchUp();
      await this.checkCatalog();
      add(report.published, await this.publish(signal));
      const run = await this.readChannels(report, signal);
      run.intents.push(...(await this.sellerCommands()));
      const now = Math.round(client.clock.now());
      // A lease about to run out: another device may take it while this run still writes.
      if (now > lease.until - (this.options.leaseMarginMs ?? 15_000)) return report;
      const decisions = [...refuseTampered(this.draft, run.tampered, now), ...decideInto(this.draft, run.intents, now)];
      // Each decision records the revision of the intent it decided, as the server held it.
      for (const d of decisions) {
        const rev = d.intentId !== undefined ? run.revs.get(d.intentId) : undefined;
        if (rev !== undefined) d.intentRev = rev;
      }
      try {
        report.decided = await storeAuthorityRun(this.local, { decisions, setAside: run.setAside, checkpoints: run.checkpoints });
      } catch (error) {
        // Nothing was stored (one transaction): the draft's new decisions must be forgotten.
        this.draft = draftOf(emptyState());
        throw error;
      }
      add(report.published, await this.publish(signal));
      return report;
    } catch (error) {
      // Whatever went wrong, read the journal again before deciding anything more.
      this.needsJournal = true;
      // A device whose copy of the shop diverged must not keep the shop waiting on its lease.
      if (error instanceof JournalDivergedError) await releaseLease(client, shop, device.id).catch(() => undefined);
      throw error;
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

  /**
   * The catalog is only written by this device, never read: its identity (kept as a checkpoint
   * row) tells when the server lost it, and then every public copy goes to it again.
   */
  private async checkCatalog(): Promise<void> {
    const db = catalogDb(this.shop);
    const identity = await readIdentity(this.client, db);
    if (identity === undefined) throw new NotReadyError(db);
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
      keepLease: () => this.keepLease(),
    });
  }

  /**
   * Renews the lease before a journal write. Publishing can outlast the lease (photos, a slow
   * link); if another device took it meanwhile, it numbered decisions from the same journal,
   * so this device must stop writing and read the journal again.
   */
  private async keepLease(): Promise<void> {
    const lease = await acquireLease(this.client, this.shop, this.device.id, this.device.label, this.options.leaseMs ?? 60_000);
    if (!lease.held || !lease.renewed) {
      this.needsJournal = true;
      throw new StandbyError(lease.held ? 'the lease lapsed during the run' : lease.label);
    }
  }

  /** Every buyer's new intents, with the set-aside rows and checkpoints to store with their decisions. */
  private async readChannels(report: RunReport, signal?: AbortSignal) {
    const out = { intents: [] as Intent[], tampered: [] as Intent[], revs: new Map<string, string>(), setAside: [] as SetAsideRow[], checkpoints: [] as CheckpointRow[] };
    // The seller's own account has a channel only by accident: it is not a buyer's.
    this.self ??= await this.client.session().then((s) => s.userCtx.name, () => null);
    for (const name of await listBuyers(this.client, this.local)) {
      if (name === this.self || !isBuyerName(name)) continue;
      const buyer = name as BuyerId;
      const db = channelDb(buyer);
      // Intents written while a channel was not guarded were never checked, `sentAt` included:
      // they are taken as sent when the shop guarded it, not when they say.
      let guardedAt: number | undefined;
      if (!this.guarded.has(db)) {
        const guard = await guardChannel(this.client, buyer, this.options);
        if (typeof guard === 'object') {
          report.skipped.push({ db, reason: guard.refused });
          continue;
        }
        if (guard === 'changed') {
          guardedAt = this.client.clock.now();
          // Copies parked while the channel could not be written go to it now.
          await republishBuyer(this.local, buyer);
        }
        this.guarded.add(db);
      }
      let identity: string;
      try {
        const checked = await checkIdentity(this.local, this.client, db, () => republishBuyer(this.local, buyer));
        identity = checked.identity;
      } catch (error) {
        if (!(error instanceof NotReadyError)) throw error;
        report.skipped.push({ db, reason: error.message });
        continue;
      }
      const read = await readChannel(this.local, this.client, this.draft, buyer, {
        identity, pageLimit: this.options.pageLimit ?? 100, now: this.now, signal,
      });
      if (read.rulesTouched) {
        // Someone wrote a design document (our own adoption, or a buyer admin of the channel):
        // check again now, before trusting what was read.
        const guard = await guardChannel(this.client, buyer, this.options);
        if (typeof guard === 'object') {
          report.skipped.push({ db, reason: guard.refused });
          continue;
        }
        if (guard === 'changed') guardedAt = this.client.clock.now();
      }
      const at = guardedAt === undefined ? undefined : Math.round(guardedAt);
      for (const intent of read.intents) {
        out.intents.push(at !== undefined && intent.by === 'buyer' && intent.sentAt < at ? { ...intent, sentAt: at } : intent);
      }
      out.tampered.push(...read.tampered);
      for (const [id, rev] of read.revs) out.revs.set(id, rev);
      out.setAside.push(...read.setAside);
      report.forgeries.push(...read.forgeries);
      if (read.checkpoint) out.checkpoints.push(read.checkpoint);
    }
    return out;
  }

  /** The seller's own commands, queued on this device; a malformed one is refused, not decided. */
  private async sellerCommands(): Promise<Intent[]> {
    const ready: Intent[] = [];
    for (const w of await pendingIntents(this.local)) {
      if (w.intent.by !== 'seller') continue;
      const checked = validateIntent(w.intent);
      if (checked.ok) ready.push(checked.value);
      else await refuseQueued(this.local, w.intent.id, checked.errors.join(' '));
    }
    return ready;
  }
}

function add(into: PublishReport, more: PublishReport): void {
  into.journal += more.journal;
  into.copies += more.copies;
  if (more.parked) into.parked = (into.parked ?? 0) + more.parked;
}
