/**
 * The seller device's hold on the lease (lease.ts) during its runs: taken at the start of a
 * run (or kept, if renewed a moment ago: a busy shop runs back to back), renewed while
 * channels are read and before each journal write once half of it is gone, and before a
 * batch is stored if less than the margin is left. A device that finds another held it
 * meanwhile stops writing (StandbyError) and must read the journal again (`onLapse`).
 */
import type { CouchClient } from '../couch-client.ts';
import { StandbyError } from '../sync-loop.ts';
import { acquireLease, releaseLease, type LeaseResult } from './lease.ts';

export interface LeaseOptions {
  /** How long a lease lasts. Default 60 s. */
  leaseMs?: number;
  /** Nothing is stored or published with less than this left on the lease (it is renewed first). Default 15 s. */
  leaseMarginMs?: number;
  /** A lease renewed this recently is not renewed again at the start of a run (default 10 s; 0: every run). */
  leaseRenewMs?: number;
}

const RENEW_AFTER_MS = 10_000;

export class LeaseKeeper {
  /** The lease as this device last took it (server time). */
  private lease: { until: number; at: number } | undefined;
  private renewing: Promise<void> | undefined;

  constructor(
    private readonly client: CouchClient,
    private readonly shop: string,
    private readonly device: { id: string; label: string },
    private readonly options: LeaseOptions,
    /** Someone else held the lease since this device last did: the journal may hold decisions it has not read. */
    private readonly onLapse: () => void,
  ) {}

  get ms(): number {
    return this.options.leaseMs ?? 60_000;
  }

  private get margin(): number {
    return this.options.leaseMarginMs ?? 15_000;
  }

  /** Takes the lease, or renews it (unless renewed a moment ago; `force`: whatever the time). */
  async hold(force = false): Promise<LeaseResult> {
    const now = this.client.clock.now();
    const held = this.lease;
    const fresh = Math.min(this.options.leaseRenewMs ?? RENEW_AFTER_MS, this.ms / 4);
    if (!force && held !== undefined && now - held.at < fresh && held.until - now > this.margin) {
      return { held: true, rev: '', until: held.until, renewed: true };
    }
    const lease = await acquireLease(this.client, this.shop, this.device.id, this.device.label, this.ms);
    this.lease = lease.held ? { until: lease.until, at: now } : undefined;
    if (lease.held && !lease.renewed) this.onLapse();
    return lease;
  }

  /** Before a batch is stored: at least the margin must be left; renewed if not. */
  async forWriting(): Promise<void> {
    const held = this.lease;
    if (held !== undefined && held.until - this.client.clock.now() > this.margin) return;
    await this.renewOrStop();
  }

  /** While channels are read, and before each journal write: renewed once half of it is gone. */
  async keep(): Promise<void> {
    const held = this.lease;
    if (held !== undefined && held.until - this.client.clock.now() > Math.max(this.ms / 2, this.margin)) return;
    this.renewing ??= this.renewOrStop().finally(() => (this.renewing = undefined));
    await this.renewing;
  }

  /** Gives the lease up, so another device may decide at once. */
  release(): Promise<boolean> {
    this.lease = undefined;
    return releaseLease(this.client, this.shop, this.device.id);
  }

  /**
   * Renews the lease. If another device held it meanwhile, it numbered decisions from the same
   * journal, so this device must stop writing and read the journal again.
   */
  private async renewOrStop(): Promise<void> {
    const lease = await this.hold(true);
    if (!lease.held || !lease.renewed) {
      this.onLapse();
      this.lease = undefined;
      throw new StandbyError(lease.held ? 'the lease lapsed during the run' : lease.label);
    }
  }
}
