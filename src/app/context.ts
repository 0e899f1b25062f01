import type { BuyerId } from '../domain/index.ts';
import type { Account, Remote } from '../storage/settings.ts';
import type { Store } from '../storage/store.ts';
import type { StatusStore } from './sync/sync-status.ts';

/** What every use case needs: the device's database, who is shopping, and a way to wake the shop. */
export interface AppContext {
  /** The device's database, as storage's functions take it (the Dexie database stays in src/storage). */
  readonly store: Store;
  /** The buyer using this device (in the demo, the persona picked). */
  buyer(): BuyerId;
  /** Asks the shop to look at the outbox now (the demo's authority, later the sync engine). */
  nudge(): void;
  /** The device clock; the server's attested time is stamped at send, not here. */
  now(): number;
}

/** The app as started (start-app.ts: the demo's, or sync/start-remote.ts: a real shop's), as the UI holds it. */
export interface RunningApp extends AppContext {
  /** Switches the demo persona: the demo plays several phones in one browser. */
  setBuyer(buyer: BuyerId): Promise<void>;
  /**
   * Whose own settings (coupon, delivery details) the screens use: the demo's persona, or the
   * account signed in to a real shop (on that shop's server).
   */
  person(): string;
  /**
   * Settles once this device's data is the person's: at start, what an older version kept for
   * the whole device (the cart, the coupon, the delivery) goes to the person who was using it.
   */
  readonly ready: Promise<void>;
  /** Waits until everything nudged so far has been looked at (tests and "sync now"). */
  settle(): Promise<void>;
  stop(): void;
  /** The remote shop this device syncs with, or null: the built-in demo shop. */
  readonly remote: Remote | null;
  /** Who is signed in to the remote shop. */
  readonly account: Account | null;
  /** Where a photo taken on another device is loaded from (the shop's server); absent in the demo. */
  readonly photoUrl?: (ref: string, size?: 'full' | 'thumb') => string;
  /** The sync runner's state; null in the demo, which has no server. */
  readonly syncStatus: StatusStore | null;
}
