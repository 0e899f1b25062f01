import { decideInto, draftOf, emptyState, foldDecision, type Decision, type Draft, type Intent } from '../../domain/index.ts';
import { validateIntent } from '../../domain/validate/index.ts';
import { decisionsAfter, markSent, pendingIntents, refuseQueued, storeDecisions, type ShopDb } from '../../storage/index.ts';

const LOCK = 'offline-shop-authority';

/**
 * The shop's authority running in this browser: the demo's (and, later, the seller's
 * device's) decider. It imitates the network honestly: a buyer's intent reaches the shop
 * only while the device is online, and is stamped `sentAt` when it is "sent"; the seller's
 * own commands are decided at once, since the authority lives on the seller's device.
 */
export class LocalAuthority {
  /** The shop as of the journal this tab has seen; changed in place, rebuilt if a write fails. */
  private draft: Draft = draftOf(emptyState());
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: ShopDb,
    private readonly isOnline: () => boolean,
    private readonly now: () => number,
  ) {}

  /** Decides whatever is waiting. Runs are queued in this tab, and one tab at a time holds the lock. */
  run(): Promise<Decision[]> {
    const next = this.chain.then(() => withLock(() => this.runOnce()));
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async runOnce(): Promise<Decision[]> {
    // Another tab may have decided since this one last looked: catch up from the journal.
    for (const d of await decisionsAfter(this.db, this.draft.n)) foldDecision(this.draft, d);
    const online = this.isOnline();
    const waiting = await pendingIntents(this.db);
    const toSend = waiting.filter((w) => w.intent.by === 'buyer' && w.status === 'queued' && online).map((w) => w.intent.id);
    const now = this.now();
    if (toSend.length > 0) await markSent(this.db, toSend, now);
    const ready: Intent[] = [];
    for (const w of await pendingIntents(this.db)) {
      if (w.intent.by === 'buyer' && (w.status !== 'sent' || !online)) continue;
      // The shop never trusts a document because it is local: a bad one is refused, not decided.
      const checked = validateIntent(w.intent);
      if (checked.ok) ready.push(checked.value);
      else await refuseQueued(this.db, w.intent.id, checked.errors.join(' '));
    }
    const decisions = decideInto(this.draft, ready, now);
    if (decisions.length === 0) return decisions;
    try {
      await storeDecisions(this.db, decisions);
    } catch (error) {
      // Nothing was stored (one transaction): forget the draft's new decisions by starting over from the journal.
      this.draft = draftOf(emptyState());
      throw error;
    }
    return decisions;
  }
}

/** One runner across tabs (Web Locks); where the API is missing, this tab's own queue suffices. */
function withLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request(LOCK, fn) : fn();
}
