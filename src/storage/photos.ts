/**
 * Product photos taken or picked on this device, already compressed (app/device/compress-photo.ts), kept
 * as Blobs in the `photos` table (schema version 2). A product names a photo by its id, an
 * attachment name such as `photo-<uuid>.webp`; the bytes never go into an event. Reading them
 * is here (the catalog's first screen shows them); storing them is photo-writes.ts.
 */
import { tablesOf } from './db.ts';
import type { Store } from './store.ts';
import type { PhotoRow } from './rows.ts';

export type { PhotoRow };

export function getPhoto(store: Store, id: string): Promise<PhotoRow | undefined> {
  const db = tablesOf(store);
  return db.photos.get(id);
}
