/**
 * Reading a photo attached to a message, review or claim (domain/attached-photos.ts) for the
 * screens and sync that show and send them. Apart from photos.ts, which the catalog's first
 * screen loads: what only later screens need stays out of the first screen's code.
 */
import { tablesOf } from './db.ts';
import type { PhotoRow } from './rows.ts';
import type { Store } from './store.ts';

/** The photo as stored on this device, or undefined. */
export function readAttachedPhoto(store: Store, id: string): Promise<PhotoRow | undefined> {
  return tablesOf(store).photos.get(id);
}
