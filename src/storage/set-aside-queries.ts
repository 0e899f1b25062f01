/**
 * The documents from the server that were set aside as unreadable or forged (sync/incoming.ts),
 * as the app reads them: sync-state.ts keeps them, on the Dexie database itself.
 */
import { tablesOf } from './db.ts';
import type { SetAsideRow } from './sync-rows.ts';
import { listSetAside } from './sync-state.ts';
import type { Store } from './store.ts';

export function setAsideCount(store: Store): Promise<number> {
  return tablesOf(store).setAside.count();
}

/** Newest first. */
export function setAsideRows(store: Store): Promise<SetAsideRow[]> {
  return listSetAside(tablesOf(store));
}

/** Whether this device has read the server database `db` at least once (it keeps a checkpoint for it). */
export async function hasRead(store: Store, db: string): Promise<boolean> {
  return (await tablesOf(store).checkpoints.get(db)) !== undefined;
}
