import { decideInto, type Decision } from '../../domain/index.ts';
import { AuthorityLoop } from '../../storage/authority-loop.ts';
import { markSent, pendingIntents, storeDecisions, type Store } from '../../storage/index.ts';
import { deliverDemoMessages } from './deliver-messages.ts';

const LOCK = 'offline-shop-authority';

/**
 * The shop's authority running in this browser: the demo's decider, on the loop it shares with
 * the seller device's `RemoteAuthority` (storage's `AuthorityLoop`). It imitates the network
 * honestly: a buyer's intent reaches the shop only while the device is online, and is stamped
 * `sentAt` when it is "sent"; the seller's own commands are decided at once, since the
 * authority lives on the seller's device.
 */
export class LocalAuthority {
  private readonly loop: AuthorityLoop;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly isOnline: () => boolean,
    private readonly now: () => number,
  ) {
    this.loop = new AuthorityLoop(store);
  }

  /** Decides whatever is waiting. Runs are queued in this tab, and one tab at a time holds the lock. */
  run(): Promise<Decision[]> {
    const next = this.chain.then(() => withLock(() => this.runOnce()));
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async runOnce(): Promise<Decision[]> {
    const online = this.isOnline();
    // Messages first: they need no decision, so they never wait behind the shop's.
    await deliverDemoMessages(this.store, online, this.now());
    // Another tab may have decided since this one last looked: catch up from the journal.
    await this.loop.catchUp();
    const waiting = await pendingIntents(this.store);
    const toSend = waiting.filter((w) => w.intent.by === 'buyer' && w.status === 'queued' && online).map((w) => w.intent.id);
    const now = this.now();
    if (toSend.length > 0) await markSent(this.store, toSend, now);
    const ready = await this.loop.validQueued((w) => w.intent.by !== 'buyer' || (w.status === 'sent' && online));
    const { decisions } = await this.loop.decideAndStore(
      (state) => decideInto(state, ready, now),
      // One transaction: if it fails nothing is stored, and the loop starts over from the journal.
      (made) => (made.length > 0 ? storeDecisions(this.store, made) : Promise.resolve(undefined)),
    );
    return decisions;
  }
}

/** One runner across tabs (Web Locks); where the API is missing, this tab's own queue suffices. */
function withLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request(LOCK, fn) : fn();
}
