/**
 * The buyer's home: what the shop promotes now, read from this device's replica of the public
 * catalog. Flash sales running or about to start, team buys still open to join, the spend-and-save
 * offers and the coupons a buyer can claim. Reads only; the UI wraps it in a live query.
 */
import {
  flashUnitsLeft, isPromotionLive, type CouponPromotion, type Inventory, type Millis, type Product, type ThresholdPromotion,
} from '../../domain/catalog.ts';
import { hasOptions, isTeamOpen, offerSpan, teamJoined, type BuyerId, type OfferSpan, type Team } from '../../domain/index.ts';
import { allPromotions } from '../../storage/catalog-queries.ts';
import { productsOnOffer } from '../../storage/home-queries.ts';
import { teamsWithStatus } from '../../storage/order-queries.ts';
import { listOrders } from '../../storage/queries.ts';
import type { Store } from '../../storage/store.ts';

export interface FlashOnHome {
  product: Product;
  inventory: Inventory | undefined;
  /** Units the sale can still sell (never more than the shelf). */
  left: number;
  /**
   * A product with options: what the sale asks of the combinations for sale it covers (domain
   * offerSpan), whose lowest the card shows ("from"), not the sale's own price, and the buyer
   * chooses one on the product's page.
   */
  span?: OfferSpan;
}

export interface TeamOnHome {
  team: Team;
  product: Product;
  /** Members so far: only the count is shown (the public catalog carries no names). */
  joined: number;
  /** This buyer has an order in it (known from their own orders, not from the team's members). */
  mine: boolean;
}

export interface HomeOffers {
  flash: FlashOnHome[];
  teams: TeamOnHome[];
  thresholds: ThresholdPromotion[];
  coupons: CouponPromotion[];
}

/** At most this many open teams are promoted (the product page lists the rest). */
export const HOME_TEAMS = 6;

/** What the home promotes to `buyer` at `at`: sales not yet ended, teams open now (nearest deadline first), live offers. */
export async function homeOffers(store: Store, buyer: BuyerId, at: Millis): Promise<HomeOffers> {
  const [items, forming, promotions, orders] = await Promise.all([
    productsOnOffer(store), teamsWithStatus(store, 'forming'), allPromotions(store), listOrders(store, buyer),
  ]);
  const myTeams = new Set(orders.flatMap((o) => (o.team === undefined || o.status === 'cancelled' || o.status === 'rejected' ? [] : [o.team])));
  const products = new Map(items.map((i) => [i.product.id, i.product]));
  const flash = items.flatMap(({ product, inventory }): FlashOnHome[] => {
    if (!product.flash || at >= product.flash.endsAt) return [];
    const item = { product, inventory, left: flashUnitsLeft(product.flash, inventory) };
    if (!hasOptions(product)) return [item];
    // A sale of only combinations that are off sale promotes nothing a buyer can have.
    const span = offerSpan(product, product.flash);
    return span ? [{ ...item, span }] : [];
  });
  // Running sales first, then by the soonest moment that matters (the end of a running sale, the start of one to come).
  const moment = (f: FlashOnHome) => (at >= f.product.flash!.startsAt ? f.product.flash!.endsAt : f.product.flash!.startsAt);
  const running = (f: FlashOnHome) => (at >= f.product.flash!.startsAt ? 0 : 1);
  flash.sort((a, b) => running(a) - running(b) || moment(a) - moment(b));
  const teams = forming
    .filter((team) => isTeamOpen(team, at) && teamJoined(team) < team.size && products.has(team.productId))
    .sort((a, b) => a.deadline - b.deadline || (a.id < b.id ? -1 : 1))
    .slice(0, HOME_TEAMS)
    .map((team) => ({ team, product: products.get(team.productId)!, joined: teamJoined(team), mine: myTeams.has(team.id) }));
  const live = promotions.filter((p) => isPromotionLive(p, at));
  return {
    flash,
    teams,
    thresholds: live.filter((p): p is ThresholdPromotion => p.kind === 'threshold').sort((a, b) => a.spend - b.spend),
    coupons: live.filter((p): p is CouponPromotion => p.kind === 'coupon').sort((a, b) => a.code.localeCompare(b.code)),
  };
}
