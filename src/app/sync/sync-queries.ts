import { getCheckpoint, listSetAside, type SetAsideRow, type ShopDb } from '../../storage/index.ts';
import { channelOwner, journalDb } from '../../sync/names.ts';

/** How many documents from the server were set aside as unreadable or forged (see sync/incoming.ts). */
export function setAsideCount(db: ShopDb): Promise<number> {
  return db.setAside.count();
}

/**
 * Whether the shop has been opened (its profile saved): a new shop on a server has not.
 * Undefined while this device has not read the shop's journal yet (a seller's new device, or
 * one standing by while another decides): it cannot tell a new shop from one it has not
 * read, and must not offer to start a catalog over the shop's own.
 */
export async function shopIsOpen(db: ShopDb, shop: string): Promise<boolean | undefined> {
  if ((await db.shop.count()) > 0) return true;
  return (await getCheckpoint(db, journalDb(shop))) !== undefined ? false : undefined;
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
