// The one module, not the domain's index: this is on the first screen (the catalog's cards).
import { flashUnitsLeft, type FlashSale, type Inventory } from '../../../domain/catalog.ts';

export type FlashPhase =
  | { phase: 'upcoming'; startsAt: number }
  | { phase: 'on'; endsAt: number; left: number }
  | { phase: 'sold-out'; endsAt: number }
  | { phase: 'ended' };

/** Where a flash sale is at `now`, with units left from the shop's last published counts (never more than the shelf). */
export function flashPhase(flash: FlashSale, inventory: Inventory | undefined, now: number): FlashPhase {
  if (now < flash.startsAt) return { phase: 'upcoming', startsAt: flash.startsAt };
  if (now >= flash.endsAt) return { phase: 'ended' };
  const left = flashUnitsLeft(flash, inventory);
  return left > 0 ? { phase: 'on', endsAt: flash.endsAt, left } : { phase: 'sold-out', endsAt: flash.endsAt };
}
