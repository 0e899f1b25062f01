import { countCouponUse, quoteCart, type BuyerId, type Cart, type Draft, type Quote } from '../../domain/index.ts';
import { quoteStateFor } from '../../storage/catalog-queries.ts';
import { pendingIntents } from '../../storage/journal-queries.ts';
import type { Store } from '../../storage/store.ts';

/**
 * Prices a cart on this device with the shop's own pricing function (`quoteCart`, which the
 * authority calls too), from what this device knows: the shop's state as storage keeps it for
 * this cart, and its own orders not decided yet. The shop prices it again when it decides; if
 * the price went up meanwhile, the buyer is told rather than charged more.
 */
export async function quoteCartHere(store: Store, buyer: BuyerId, at: number, cart: Cart): Promise<Quote> {
  return quoteCart(await quoteStateHere(store, cart), buyer, at, cart);
}

/** The state `quoteCartHere` prices from, for a caller that wants its products and promotions too. */
export async function quoteStateHere(store: Store, cart: Cart): Promise<Draft> {
  const [state, pending] = await Promise.all([quoteStateFor(store, cart), cart.coupon ? pendingIntents(store) : []]);
  // An order queued here (offline, or not decided yet) has used its coupon too: a one-time
  // coupon is not offered again for the next order meanwhile (the shop would refuse it).
  for (const { intent } of pending) {
    if (intent.kind === 'order.place' && intent.coupon !== undefined) countCouponUse(state, intent.coupon, intent.buyer);
  }
  return state;
}
