import type { ShopDb } from '../../storage/index.ts';

/** How many documents from the server were set aside as unreadable or forged (see sync/incoming.ts). */
export function setAsideCount(db: ShopDb): Promise<number> {
  return db.setAside.count();
}

/** Whether the shop has been opened (its profile saved): a new shop on a server has not. */
export async function shopIsOpen(db: ShopDb): Promise<boolean> {
  return (await db.shop.count()) > 0;
}
