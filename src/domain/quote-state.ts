import type { Millis } from './catalog.ts';
import { couponUsesOf, type Draft } from './fold.ts';
import type { BuyerId } from './ids.ts';
import type { CartLine, Delivery, TeamChoice } from './orders.ts';
import { quote } from './pricing/quote.ts';
import type { Quote } from './pricing/types.ts';
import { usageKey, type ShopState } from './state.ts';

export interface Cart {
  lines: readonly CartLine[];
  coupon?: string | undefined;
  delivery?: Delivery | undefined;
  team?: TeamChoice | undefined;
}

/** Quotes a cart against the shop's current state: what the cart, the checkout and the authority all call. */
export function quoteCart(s: ShopState | Draft, buyer: BuyerId, at: Millis, cart: Cart): Quote {
  return quote({
    shop: s.shop?.value,
    product: (id) => s.products.get(id)?.value,
    findTeam: (id) => s.teams.get(id)?.value,
    promotions: promotionsOf(s),
    couponUses: couponUsesOf(s, buyer),
    at,
    lines: cart.lines,
    coupon: cart.coupon,
    delivery: cart.delivery,
    team: cart.team,
  });
}

/**
 * One more use of coupon `code` by `buyer` in a state's counters: what folding an order that
 * holds its allowance counts, for a device that prices from what it has read (an order it knows
 * of, or one still queued on it).
 */
export function countCouponUse(s: Draft, code: string, buyer: BuyerId): void {
  const { coupon, couponByBuyer } = s.usage;
  coupon.set(code, (coupon.get(code) ?? 0) + 1);
  const key = usageKey(code, buyer);
  couponByBuyer.set(key, (couponByBuyer.get(key) ?? 0) + 1);
}

function* promotionsOf(s: ShopState | Draft) {
  for (const p of s.promotions.values()) yield p.value;
}
