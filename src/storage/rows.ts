/**
 * The shapes of the rows kept in each table. Events are stored as the domain's documents,
 * unchanged, so they can be pushed, pulled, validated and backed up byte for byte; every
 * other table is either this device's own bookkeeping (outbox, cart) or a view folded from
 * decisions (and so can always be rebuilt from `events`).
 */
import type {
  AccountKey, BuyerId, CombinationId, EventId, Inventory, LineMode, Millis, Money, Order, OrderId, OrderStatus, Product, ProductId,
  Promotion, PromotionId, Review, ShopEvent, ShopProfile, SkuKey, Team, TeamId, Withdrawal, WithdrawalId,
} from '../domain/index.ts';
import { skuKey } from '../domain/sku-key.ts';

export type EventRow = ShopEvent;

export type OutboxStatus = 'queued' | 'sent' | 'refused';

/** One of this device's intents on its way to the shop; deleted when the shop's decision on it is stored. */
export interface OutboxEntry {
  id: EventId;
  status: OutboxStatus;
  queuedAt: Millis;
  attempts: number;
  sentAt?: Millis;
  /**
   * When a push of it began (set before the request goes, see `claimForPush`): from then on it
   * may have reached the server even if no answer came back, so it can no longer be withdrawn
   * from this device (`cancelQueuedOrder`).
   */
  pushedAt?: Millis;
  /** Why the server refused it (status 'refused'), in words for the person. */
  error?: string;
}

/** The key of the single row of the `shop` table. */
export const SHOP_KEY = 'shop';

export interface ShopRow {
  key: typeof SHOP_KEY;
  n: number;
  value: ShopProfile;
}

export interface ProductRow {
  id: ProductId;
  n: number;
  value: Product;
  category: string;
  price: Money;
  /** 0 or 1, not a boolean: IndexedDB cannot index booleans, so a boolean would drop out of the index. */
  hidden: 0 | 1;
  /** Search words of name, category and tags (see words.ts). */
  words: string[];
}

/**
 * One combination's shelf (schema version 6, table `skus`): keyed by `skuKey` (the product's id
 * for a product's implicit combination, `productId/combinationId` for the others).
 */
export interface InventoryRow {
  sku: SkuKey;
  productId: ProductId;
  n: number;
  value: Inventory;
}

/**
 * A product's units sold (schema version 9, table `sold`; domain/sold-count.ts): `counted` from
 * the orders this device holds (kept by `storeDecisions`, as the fold counts), `published` as the
 * shop's catalog last said (a buyer's device; `publishedN` the journal number it is current as of).
 */
export interface SoldRow {
  productId: ProductId;
  counted: number;
  published?: number;
  publishedN?: number;
}

/** A shelf as schema version 5 and older kept it (table `inventory`, one per product). */
export interface InventoryRowV5 {
  productId: ProductId;
  n: number;
  value: Inventory;
}

/**
 * A version 5 shelf as version 6 keeps it: before options every shelf was a product's implicit
 * combination's, whose `skuKey` is the product's id.
 */
export function skuRowOfInventory(row: InventoryRowV5): InventoryRow {
  return { sku: row.productId, ...row };
}

export interface PromotionRow {
  id: PromotionId;
  n: number;
  value: Promotion;
}

export interface TeamRow {
  id: TeamId;
  n: number;
  productId: ProductId;
  status: Team['status'];
  value: Team;
}

export interface OrderRow {
  id: OrderId;
  n: number;
  buyer: BuyerId;
  status: OrderStatus;
  placedAt: Millis;
  value: Order;
}

export interface ReviewRow {
  id: EventId;
  n: number;
  productIds: ProductId[];
  /** Absent for a review as the public catalog carries it (domain/public-copy.ts). */
  orderId?: OrderId;
  value: Review;
}

export interface WithdrawalRow {
  id: WithdrawalId;
  n: number;
  buyer: BuyerId;
  status: Withdrawal['status'];
  value: Withdrawal;
}

/** An account's balance: the sum of every stored decision's postings to it. */
export interface BalanceRow {
  account: AccountKey;
  amount: Money;
}

export interface CartRow {
  /** `${buyer}|${productId}|${mode}` (cartKey): a person's, and the same product can be in the cart at its regular and its team price. */
  key: string;
  /**
   * Whose cart: two people may share a device (the demo's personas). '' for a line kept by an
   * older version, before carts were a person's; the app gives those to the person who was
   * using the device (adoptDeviceCart).
   */
  buyer: BuyerId;
  productId: ProductId;
  /** The combination chosen, for a product with options (its key then holds it: `cartKey`). */
  combination?: CombinationId;
  mode: LineMode;
  qty: number;
  addedAt: Millis;
}

/**
 * Product ids and modes have no '|' (validate/scalars.ts `id`), so a buyer's name may. A line of
 * a product with options is keyed by its combination's `skuKey` in place of the product's id
 * (`productId/combinationId`), so a product without options keeps the key it always had.
 */
export function cartKey(buyer: BuyerId, productId: ProductId, mode: LineMode, combination?: CombinationId): string {
  return `${buyer}|${skuKey(productId, combination)}|${mode}`;
}

/** A person's row of a product (saved-rows.ts): product ids have no '|', so a person's name may. */
export function personKey(person: string, productId: ProductId): string {
  return `${person}|${productId}`;
}

/** A cart row of schema version 3 or older (no buyer), as version 4 keeps it: nobody's yet. */
export function cartRowOfDevice(row: Omit<CartRow, 'buyer'>): CartRow {
  const buyer = '' as BuyerId;
  return { ...row, buyer, key: cartKey(buyer, row.productId, row.mode) };
}

/** A photo taken or picked on this device, compressed, as photos.ts keeps it (schema version 2). */
export interface PhotoRow {
  /** The attachment name a product's `photos` holds: `photo-<uuid>.webp` (or `.jpg`). */
  id: string;
  blob: Blob;
  /** The Blob's media type, kept apart because a Blob read back may lose it in some engines. */
  type: string;
  width: number;
  height: number;
  /** The Blob's size in bytes. */
  bytes: number;
  storedAt: Millis;
  /**
   * A small copy for cards and lists (device/compress-photo.ts THUMB_SIDE), of the same media
   * type; absent for photos stored before thumbnails (the full photo serves then).
   */
  thumb?: Blob;
}
