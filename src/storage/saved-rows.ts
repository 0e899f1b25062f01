/**
 * A person's saved products and recently viewed products (schema version 7, 'saved-and-viewed'):
 * this device's own bookkeeping, like the cart, never synced and kept in backups. A person
 * is who the app says is using it (`RunningApp.person()`: the demo's persona, or the account
 * signed in to a real shop), so two people sharing a phone each have their own.
 */
import type { Millis, Money, ProductId } from '../domain/index.ts';

/** How many recently viewed products a person keeps; the oldest go first. */
export const VIEWED_LIMIT = 50;

export interface SavedRow {
  /** `${person}|${productId}` (rows.ts, personKey): one row per person and product. */
  key: string;
  person: string;
  productId: ProductId;
  /** When the person saved it (the device's clock): the list is newest first. */
  savedAt: Millis;
  /**
   * The product's price and whether it was in stock when the person saved it or last looked
   * at it (its page): a lower price now is "price dropped", in stock now is "back in stock".
   */
  price: Money;
  inStock: boolean;
}

export interface ViewedRow {
  /** `${person}|${productId}` (personKey): a product viewed again moves to the top, once. */
  key: string;
  person: string;
  productId: ProductId;
  /** When the person last opened its page; strictly increasing per person (recordView). */
  viewedAt: Millis;
}
