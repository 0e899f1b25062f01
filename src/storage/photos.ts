/**
 * Product photos taken or picked on this device, already compressed (app/device/compress-photo.ts), kept
 * as Blobs in the `photos` table (schema version 2). A product names a photo by its id, an
 * attachment name such as `photo-<uuid>.webp`; the bytes never go into an event.
 */
import { tablesOf } from './db.ts';
import type { Store } from './store.ts';
import { guardQuota } from './errors.ts';
import type { PhotoRow } from './rows.ts';

export type { PhotoRow };

/** Stores (or replaces) a photo; a full disk is a `StorageFullError`. */
export function putPhoto(store: Store, row: PhotoRow): Promise<void> {
  const db = tablesOf(store);
  return guardQuota(async () => {
    await db.photos.put(row);
  });
}

export function getPhoto(store: Store, id: string): Promise<PhotoRow | undefined> {
  const db = tablesOf(store);
  return db.photos.get(id);
}

/** Forgets photos no product will name (taken for a form that was not saved, then removed). */
export function deletePhotos(store: Store, ids: readonly string[]): Promise<void> {
  const db = tablesOf(store);
  return db.photos.bulkDelete([...ids]);
}
