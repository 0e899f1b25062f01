import type { OrderStatus } from '../../domain/index.ts';

/*
 * The UI reads the database only through the app: these are the storage queries it may use.
 * The first screen loads this module, so it only passes storage's own first-screen reads on
 * (file by file, not from storage's index, which would bring every storage module into the
 * first screen's bundle); what other screens read is in the other files of this folder.
 */
export {
  getShop, listProducts, getProduct, listCategories, listTeams, reviewsOf, outboxCounts, waitingToSync, listCart,
  type ProductItem, type ProductPage, type ProductQuery, type CategoryCount,
} from '../../storage/queries.ts';
export { getSetting, setSetting } from '../../storage/settings.ts';
export { StorageFullError } from '../../storage/errors.ts';
export type { CartRow } from '../../storage/rows.ts';
export type { Store } from '../../storage/store.ts';

/** Where an order is in its life, seen from this device: first the outbox, then the shop's word. */
export type OrderStage = 'queued' | 'sent' | 'refused' | OrderStatus;
