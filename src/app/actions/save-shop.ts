import type { EventId, ShopProfile } from '../../domain/index.ts';
import type { AppContext } from '../context.ts';
import { newEventId } from '../ids.ts';
import { queueSellerCommand } from '../queue-intent.ts';

/** An id for a new pickup point or shipping option (`pp-…`, `ship-…`): unique, made on this device. */
export function newRowId(prefix: 'pp' | 'ship', now: number = Date.now()): string {
  return `${prefix}-${newEventId(now)}`;
}

/** The seller saves the shop's profile and policies; buyers see them at checkout and on their orders. */
export function saveShop(ctx: AppContext, shop: ShopProfile): Promise<EventId> {
  return queueSellerCommand(ctx, { kind: 'shop.save', shop });
}
