/**
 * The database's schema as an ordered list of named versions.
 *
 * NEVER delete or edit a version once it has been released: a phone that installed an older
 * app upgrades through every version after the one it has, so each must stay exactly as it
 * shipped. To change the schema, append a new version (a higher number, a new name) with only
 * what changes (`null` deletes a table) and, if rows must change shape, an `upgrade`. The
 * released names are pinned in tests/storage/schema.test.ts, so a deletion fails the tests.
 *
 * Index syntax (Dexie): `&id` unique primary key, `*words` one index entry per array item.
 */
import type { Transaction } from 'dexie';
import type { Order } from '../domain/orders.ts';
import { soldOfOrders } from '../domain/sold-count.ts';
import { cartRowOfDevice, skuRowOfInventory, type CartRow, type InventoryRowV5, type SoldRow } from './rows.ts';

export interface SchemaVersion {
  readonly version: number;
  readonly name: string;
  readonly stores: Readonly<Record<string, string | null>>;
  readonly upgrade?: (tx: Transaction) => PromiseLike<unknown> | void;
}

export const VERSIONS = [
  {
    version: 1,
    name: 'initial',
    stores: {
      // Every event this device has: its own intents and seller commands, and decisions.
      events: '&id, type, kind, intentId, n',
      outbox: '&id, status, queuedAt',
      // Views folded from decisions (store-decisions.ts): last writer by journal number wins.
      shop: '&key',
      products: '&id, category, price, *words, hidden',
      inventory: '&productId',
      promotions: '&id',
      teams: '&id, productId, status',
      orders: '&id, buyer, status, placedAt',
      reviews: '&id, *productIds, orderId',
      withdrawals: '&id, buyer, status',
      balances: '&account',
      // This device's cart: never synced.
      cart: '&key',
    },
  },
  {
    version: 2,
    name: 'photos',
    stores: {
      // Product photos taken or picked on this device, compressed (photos.ts), as Blobs. A
      // product's `photos` names them (`photo-<uuid>.webp`); the bytes never go into an event.
      photos: '&id',
    },
  },
  {
    version: 3,
    name: 'sync',
    stores: {
      // Where each server database was read up to (its opaque `seq`) and which database that was.
      checkpoints: '&db',
      // Documents from the server that failed validation: kept for the report, never applied.
      setAside: '&key, db',
      // The seller device's decisions still to copy to the server (journal first, then the copies).
      publish: '&id, n',
    },
  },
  {
    version: 4,
    name: 'cart-per-person',
    stores: {
      // Each line is a person's (two may share a device): keyed `${buyer}|${productId}|${mode}`.
      cart: '&key, buyer',
    },
    // The lines so far were the device's: they become nobody's (buyer ''), and the app gives them
    // to the person who was using the device (adoptDeviceCart), which the database cannot know.
    upgrade: async (tx: Transaction) => {
      const cart = tx.table<CartRow, string>('cart');
      const rows = await cart.toArray();
      await cart.clear();
      await cart.bulkAdd(rows.map(cartRowOfDevice));
    },
  },
  {
    version: 5,
    name: 'coupon-uses',
    stores: {
      // Orders by the coupon they used (a key path into the order; one without a coupon is not
      // in this index), so a cart's coupon is counted from its own orders, not from every order
      // (catalog-queries.ts, quoteStateFor). IndexedDB fills the index from the stored rows.
      orders: '&id, buyer, status, placedAt, value.coupon',
    },
  },
  {
    version: 6,
    name: 'stock-per-sku',
    stores: {
      // Products with options (issue 13): a shelf per combination (SKU), keyed by the domain's
      // `skuKey`: a product's implicit combination keeps the product's id as its key, so every
      // existing shelf is where it was; a combination's is `productId/combinationId`. By
      // product, to read all of a product's shelves at once. IndexedDB cannot change a table's
      // primary key, so the shelves move to a new table and the old one goes.
      skus: '&sku, productId',
      inventory: null,
    },
    // Every row of the old table (one per product, its implicit combination's) moves as it is.
    upgrade: async (tx: Transaction) => {
      const rows = await tx.table<InventoryRowV5, string>('inventory').toArray();
      await tx.table('skus').bulkAdd(rows.map(skuRowOfInventory));
    },
  },
  {
    version: 7,
    name: 'saved-and-viewed',
    stores: {
      // A person's saved products and recently viewed ones (saved-rows.ts), keyed
      // `${person}|${productId}`; each person's newest first through the compound index.
      saved: '&key, [person+savedAt]',
      viewed: '&key, [person+viewedAt]',
    },
  },
  {
    version: 8,
    name: 'messages',
    stores: {
      // Messages and read receipts between buyers and the shop (message-store.ts), as the domain
      // has them; a conversation is read by buyer and time ([buyer+at]).
      messages: '&id,[buyer+at]',
      // One row per conversation, kept by the same writes: newest first (lastAt), the last
      // message for the list, and how far each side has read (derived from the messages).
      conversations: '&buyer,lastAt',
      // This device's messages and receipts still to send; deleted once sent (a message needs
      // no decision, so it does not wait in the intents' outbox for one).
      messageOutbox: '&id,queuedAt',
    },
  },
  {
    version: 9,
    name: 'sold-counts',
    stores: {
      // Each product's units sold (issue 12: "1.2k sold" on a card): counted from the orders
      // the device holds, kept by the fold's writes (store-decisions.ts), and as the shop's
      // catalog publishes it (pull-catalog.ts). Read by product id, a page of cards at a time.
      sold: '&productId',
    },
    // The orders already here are counted once, as the fold counts them.
    upgrade: async (tx: Transaction) => {
      const orders = await tx.table<{ value: Order }, string>('orders').toArray();
      const sold = soldOfOrders(orders.map((r) => r.value));
      await tx.table<SoldRow, string>('sold').bulkAdd([...sold].map(([productId, counted]) => ({ productId: productId as SoldRow['productId'], counted })));
    },
  },
] as const satisfies readonly SchemaVersion[];

/** The tables folded from decisions: rebuilt by `storeDecisions`, written by nothing else. */
export const VIEW_TABLES = [
  'shop', 'products', 'skus', 'promotions', 'teams', 'orders', 'reviews', 'withdrawals', 'balances', 'sold',
] as const;
