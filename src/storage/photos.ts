/**
 * Product photos taken or picked on this device, already compressed (src/app/photos/), kept
 * as Blobs in the `photos` table (schema version 2). A product names a photo by its id, an
 * attachment name such as `photo-<uuid>.webp`; the bytes never go into an event.
 */
import type { Millis } from '../domain/index.ts';
import { tablesOf } from './db.ts';
import type { Store } from './store.ts';
import { guardQuota } from './errors.ts';

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
}

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
