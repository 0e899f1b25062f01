/**
 * The loop both of the shop's authority runners share: the demo's, deciding in the same browser
 * as its buyers (`LocalAuthority`, src/app/demo/local-authority.ts), and the seller device's,
 * deciding for buyers across a server (`RemoteAuthority`, src/sync/authority/authority-runner.ts).
 * Each run of either: catch up from the stored journal, read what waits, validate it or refuse
 * it, `decideInto` the working copy, store the decisions in one transaction, and forget the
 * working copy if anything of that fails (the next run folds the journal again). What differs
 * (which intents wait, what else is stored with the decisions, the lease, publishing) stays with
 * each runner.
 *
 * It lives in storage because both runners' layers may import it (app → storage, sync → storage)
 * and it reads and writes the device's database; the deciding itself is the domain's.
 */
import { draftOf, emptyState, foldDecision, type Decision, type Draft, type Intent } from '../domain/index.ts';
import { validateIntent } from '../domain/validate/index.ts';
import { decisionsAfter, pendingIntents, type PendingIntent } from './journal-queries.ts';
import type { Store } from './store.ts';
import { refuseQueued } from './write-intent.ts';

export class AuthorityLoop {
  /** The shop as of the decisions stored here; changed in place by `decideInto`, thrown away if a write fails. */
  private draft: Draft = draftOf(emptyState());

  constructor(private readonly store: Store) {}

  /** The working copy: what the authority decides from (its `decided` set says what not to decide again). */
  get state(): Draft {
    return this.draft;
  }

  /** Folds what the journal stored here has beyond the working copy (another tab or device may have decided). */
  async catchUp(): Promise<void> {
    for (const d of await decisionsAfter(this.store, this.draft.n)) foldDecision(this.draft, d);
  }

  /** Starts again from the journal at the next `catchUp` (decisions came that may be numbered below the copy's). */
  forget(): void {
    this.draft = draftOf(emptyState());
  }

  /**
   * This device's queued intents that `take` picks, oldest first, each checked by the domain's
   * validator: the shop never trusts a document because it is local, so one that fails is
   * refused with the reasons (its outbox entry says so), never decided.
   */
  async validQueued(take: (waiting: PendingIntent, state: Draft) => boolean): Promise<Intent[]> {
    const ready: Intent[] = [];
    for (const w of await pendingIntents(this.store)) {
      if (!take(w, this.draft)) continue;
      const checked = validateIntent(w.intent);
      if (checked.ok) ready.push(checked.value);
      else await refuseQueued(this.store, w.intent.id, checked.errors.join(' '));
    }
    return ready;
  }

  /**
   * Decides on the working copy (`decide` calls `decideInto` and anything else the runner
   * decides) and stores the decisions with `save`, in one transaction of the runner's: if either
   * throws, nothing was stored, so the working copy is forgotten and the error thrown on.
   */
  async decideAndStore<T>(decide: (state: Draft) => Decision[], save: (decisions: Decision[]) => Promise<T>): Promise<{ decisions: Decision[]; saved: T }> {
    try {
      const decisions = decide(this.draft);
      return { decisions, saved: await save(decisions) };
    } catch (error) {
      this.forget();
      throw error;
    }
  }

}
