import { hasShop } from '../../storage/catalog-queries.ts';
import type { SetAsideRow } from '../../storage/index.ts';
import { setAsideRows } from '../../storage/set-aside-queries.ts';
import type { Store } from '../../storage/store.ts';
import { channelOwner } from '../../sync/names.ts';

/** How many documents from the server were set aside as unreadable or forged (see sync/incoming.ts). */
export { setAsideCount } from '../../storage/set-aside-queries.ts';

/** Whether the shop has been opened (its profile saved): a new shop on a server has not. */
export function shopIsOpen(store: Store): Promise<boolean> {
  return hasShop(store);
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
