import { hasShop } from '../../storage/catalog-queries.ts';
import type { SetAsideRow } from '../../storage/index.ts';
import { hasRead, setAsideRows } from '../../storage/set-aside-queries.ts';
import type { Store } from '../../storage/store.ts';
import { channelOwner, journalDb } from '../../sync/names.ts';

/** How many documents from the server were set aside as unreadable or forged (see sync/incoming.ts). */
export { setAsideCount } from '../../storage/set-aside-queries.ts';

/**
 * Whether the shop has been opened (its profile saved): a new shop on a server has not.
 * Undefined while this device has not read the shop's journal yet (a seller's new device, or
 * one standing by while another decides): it cannot tell a new shop from one it has not
 * read, and must not offer to start a catalog over the shop's own.
 */
export async function shopIsOpen(store: Store, shop: string): Promise<boolean | undefined> {
  if (await hasShop(store)) return true;
  return (await hasRead(store, journalDb(shop))) ? false : undefined;
}

export interface SetAsideItem {
  row: SetAsideRow;
  /** The buyer whose channel held it, if it came from a channel. */
  buyer: string | undefined;
}

/** The documents set aside, newest first, each with the buyer whose channel held it. */
export async function setAsideItems(store: Store): Promise<SetAsideItem[]> {
  return (await setAsideRows(store)).map((row) => ({ row, buyer: channelOwner(row.db) }));
}
