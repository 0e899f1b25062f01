import type { BuyerId } from '../domain/index.ts';
import { adoptDeviceCart } from '../storage/cart.ts';
import { adoptDeviceSettings } from '../storage/person-settings.ts';
import type { Store } from '../storage/store.ts';

/**
 * The migration to per-person data, at every start (it is one look-up each when there is
 * nothing to move): what an older version kept for the whole device (the cart, the coupon,
 * the delivery details) goes to the person using it now, who was using it then. So does what
 * a backup made by an older version brings back.
 */
export async function adoptDeviceData(store: Store, buyer: BuyerId, person: string): Promise<void> {
  await Promise.all([adoptDeviceCart(store, buyer), adoptDeviceSettings(person)]);
}
