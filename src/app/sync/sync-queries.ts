import { listSetAside, type SetAsideRow, type ShopDb } from '../../storage/index.ts';
import { channelOwner } from '../../sync/names.ts';

/** How many documents from the server were set aside as unreadable or forged (see sync/incoming.ts). */
export function setAsideCount(db: ShopDb): Promise<number> {
  return db.setAside.count();
}

/** Whether the shop has been opened (its profile saved): a new shop on a server has not. */
export async function shopIsOpen(db: ShopDb): Promise<boolean> {
  return (await db.shop.count()) > 0;
}

export interface SetAsideItem {
  row: SetAsideRow;
  /** The buyer whose channel held it, if it came from a channel. */
  buyer: string | undefined;
}

/** The documents set aside, newest first, each with the buyer whose channel held it. */
export async function setAsideItems(db: ShopDb): Promise<SetAsideItem[]> {
  return (await listSetAside(db)).map((row) => ({ row, buyer: channelOwner(row.db) }));
}
