import type { BuyerId } from '../domain/index.ts';
import type { Store } from '../storage/store.ts';

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
