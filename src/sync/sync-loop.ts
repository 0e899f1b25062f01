/**
 * The replication loop: runs a sync cycle, then waits for news (a longpoll on the server),
 * a wake-up (the app queued something, the browser came online, the tab became visible, the
 * person asked) or the timer, and runs again. Failures wait with backoff and jitter; a
 * database that is not ready yet is looked at again soon, then less often (backoff up to the
 * timer); a session that has ended waits for a wake-up (the person signs in again) or the
 * timer. It reports its state after each step, for the status line.
 */
import { backoffDelay } from './backoff.ts';
import { CouchError } from './couch-client.ts';
import { NotReadyError } from './identity.ts';

export type SyncState = 'syncing' | 'synced' | 'offline' | 'waiting' | 'signed-out' | 'retrying' | 'standby';

export interface SyncStatus {
  state: SyncState;
  /** When the last cycle finished without error, by the device's clock. */
  lastSyncedAt?: number;
  /** What went wrong, in words, for 'retrying', 'waiting' and 'signed-out' (a developer's words: not for a buyer's screen). */
  message?: string;
  /** When the next try is due ('retrying', 'waiting'). */
  retryAt?: number;
}

export interface LoopOptions {
  /** One sync: push what waits, pull what is new. */
  cycle(signal: AbortSignal): Promise<void>;
  /** Resolves when the server has news (a longpoll); aborted by a wake-up. */
  watch(signal: AbortSignal): Promise<void>;
  isOnline(): boolean;
  now(): number;
  random(): number;
  onStatus(status: SyncStatus): void;
  /** The most a quiet loop waits between cycles (a longpoll that returns nothing counts). */
  tickMs?: number;
}

export class SyncLoop {
  private wakeUp: AbortController = new AbortController();
  private lastSyncedAt: number | undefined;

  constructor(private readonly o: LoopOptions) {}

  /** Ends the current wait (or longpoll) and runs a cycle now. */
  wake(): void {
    this.wakeUp.abort();
  }

  /** Runs until `signal` aborts. */
  async run(signal: AbortSignal): Promise<void> {
    let failures = 0;
    // Tries in a row that found a database not ready: a buyer who just signed up waits for the
    // shop to open their channel, which takes seconds, so it looks again soon, then less often.
    let notReady = 0;
    signal.addEventListener('abort', () => this.wake());
    while (!signal.aborted) {
      const wait = this.freshWait();
      if (!this.o.isOnline()) {
        this.report({ state: 'offline' });
        await sleep(this.o.tickMs ?? 60_000, wait.signal);
        continue;
      }
      try {
        this.report({ state: 'syncing' });
        await this.o.cycle(signal);
        failures = 0;
        notReady = 0;
        this.lastSyncedAt = this.o.now();
        this.report({ state: 'synced' });
        if (wait.signal.aborted) continue; // woken during the cycle: go again at once
        const tick = AbortSignal.any([wait.signal, AbortSignal.timeout(this.o.tickMs ?? 60_000)]);
        await this.o.watch(tick).catch(() => sleep(1_000, tick));
      } catch (error) {
        if (signal.aborted) return;
        if (error instanceof StandbyError) {
          this.report({ state: 'standby', message: error.message });
          await sleep(this.o.tickMs ?? 60_000, wait.signal);
        } else if (error instanceof NotReadyError) {
          notReady += 1;
          const delay = backoffDelay(notReady, this.o.random(), NOT_READY_FIRST_MS, this.o.tickMs ?? 60_000);
          this.report({ state: 'waiting', message: error.message, retryAt: this.o.now() + delay });
          await sleep(delay, wait.signal);
        } else if (error instanceof CouchError && error.status === 401) {
          this.report({ state: 'signed-out', message: error.reason });
          await sleep(this.o.tickMs ?? 60_000, wait.signal);
        } else {
          failures += 1;
          const delay = backoffDelay(failures, this.o.random());
          this.report({ state: 'retrying', message: messageOf(error), retryAt: this.o.now() + delay });
          await sleep(delay, wait.signal);
        }
      }
    }
  }

  private freshWait(): AbortController {
    if (this.wakeUp.signal.aborted) this.wakeUp = new AbortController();
    return this.wakeUp;
  }

  private report(status: SyncStatus): void {
    this.o.onStatus({ ...status, lastSyncedAt: this.lastSyncedAt });
  }
}

/** The first look again at a database that was not ready (then doubling, up to the tick). */
const NOT_READY_FIRST_MS = 1_000;

/** Another seller device holds the shop's lease (`message` names it): this one stands by. */
export class StandbyError extends Error {
  override readonly name = 'StandbyError';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Waits `ms`, or less if `signal` aborts first; never rejects. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}
