/**
 * The Dexie database: one typed table per store in schema.ts, every version applied in order.
 */
import { Dexie, type DexieOptions, type Table } from 'dexie';
import { VERSIONS, type SchemaVersion } from './schema.ts';
import type {
  BalanceRow, CartRow, EventRow, InventoryRow, OrderRow, OutboxEntry, PhotoRow, ProductRow, PromotionRow, ReviewRow, ShopRow,
  SoldRow, TeamRow, WithdrawalRow,
} from './rows.ts';
import type { CheckpointRow, PublishRow, SetAsideRow } from './sync-rows.ts';
import type { SavedRow, ViewedRow } from './saved-rows.ts';
import type { Store } from './store.ts';
import type { ConversationRow, MessageOutboxRow, MessageRow } from './message-rows.ts';

export const DEFAULT_DB_NAME = 'offline-shop';

export class ShopDb extends Dexie implements Store {
  // Type only (see store.ts): marks the one class that is a Store.
  declare readonly '~store': true;
  // `declare`, not `!`: with ES2022 class fields a plain field would be initialised to
  // undefined after Dexie's constructor has put the real Table there.
  declare readonly events: Table<EventRow, string>;
  declare readonly outbox: Table<OutboxEntry, string>;
  declare readonly shop: Table<ShopRow, string>;
  declare readonly products: Table<ProductRow, string>;
  /** Each combination's shelf, by `skuKey` (schema version 6; `inventory` before). */
  declare readonly skus: Table<InventoryRow, string>;
  declare readonly promotions: Table<PromotionRow, string>;
  declare readonly teams: Table<TeamRow, string>;
  declare readonly orders: Table<OrderRow, string>;
  declare readonly reviews: Table<ReviewRow, string>;
  declare readonly withdrawals: Table<WithdrawalRow, string>;
  declare readonly balances: Table<BalanceRow, string>;
  declare readonly cart: Table<CartRow, string>;
  declare readonly photos: Table<PhotoRow, string>;
  declare readonly checkpoints: Table<CheckpointRow, string>;
  declare readonly setAside: Table<SetAsideRow, string>;
  declare readonly publish: Table<PublishRow, string>;
  declare readonly saved: Table<SavedRow, string>;
  declare readonly viewed: Table<ViewedRow, string>;
  declare readonly messages: Table<MessageRow, string>;
  declare readonly conversations: Table<ConversationRow, string>;
  declare readonly messageOutbox: Table<MessageOutboxRow, string>;
  /** Each product's units sold (schema version 9). */
  declare readonly sold: Table<SoldRow, string>;

  constructor(name: string = DEFAULT_DB_NAME, options: DexieOptions = {}) {
    super(name, {
      // Every write transaction asks for strict durability: the browser reports it done only
      // once it is flushed to disk, so an outbox entry the app has shown as "queued" survives a
      // crash or power cut. (Chrome's default, 'relaxed', may lose the last writes.) Dexie has
      // no per-transaction switch, so it is set for the whole database; reads are unaffected.
      chromeTransactionDurability: 'strict',
      ...options,
    });
    for (const v of VERSIONS as readonly SchemaVersion[]) {
      const declared = this.version(v.version).stores({ ...v.stores });
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
  }
}

/** The database behind a store, for storage's own modules: `ShopDb` is the only kind of Store. */
export function tablesOf(store: Store): ShopDb {
  return store as ShopDb;
}

/**
 * The device's database as the app holds it: an opaque Store (store.ts), opened (created or
 * upgraded) by Dexie on first use. For the app's wiring, which hands it only to storage's
 * typed functions and to the demo's authority runner (which takes a Store too).
 */
export function openStore(name: string = DEFAULT_DB_NAME): Store {
  return openDb(name);
}

/**
 * The shop's database. Dexie opens it (creating or upgrading it) on first use, so this
 * returns at once; `await db.open()` first to hear at start-up that it cannot be opened.
 */
export function openDb(name: string = DEFAULT_DB_NAME, options?: DexieOptions): ShopDb {
  return new ShopDb(name, options);
}
