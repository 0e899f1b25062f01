/**
 * Storing and forgetting photos taken or picked on this device (photos.ts reads them). Apart
 * from photos.ts, which the catalog's first screen loads to show them, as only the seller's
 * forms write them.
 */
import { tablesOf } from './db.ts';
import type { Store } from './store.ts';
import { guardQuota } from './errors.ts';
import type { PhotoRow } from './rows.ts';

/** Stores (or replaces) a photo; a full disk is a `StorageFullError`. */
export function putPhoto(store: Store, row: PhotoRow): Promise<void> {
  const db = tablesOf(store);
  return guardQuota(async () => {
    await db.photos.put(row);
  });
}

/** Forgets photos no product will name (taken for a form that was not saved, then removed). */
export function deletePhotos(store: Store, ids: readonly string[]): Promise<void> {
  const db = tablesOf(store);
  return db.photos.bulkDelete([...ids]);
}
