import type { Inventory, Product, Promotion, ShopProfile } from './catalog.ts';
import type { Review, Withdrawal } from './events.ts';
import type { BuyerId, EventId, OrderId, ProductId, PromotionId, TeamId, WithdrawalId } from './ids.ts';
import type { AccountKey } from './ledger.ts';
import type { Money } from './money.ts';
import type { Order } from './orders.ts';
import type { SkuKey } from './options.ts';
import type { Team } from './teams.ts';

/** A value with the journal number of the decision that set it (last writer by `n` wins). */
export interface Versioned<T> {
  n: number;
  value: T;
}

/**
 * The shop as folded from decisions. The same on every device that has seen the same
 * decisions: the seller's (from the journal), a buyer's (their share of it), the demo's.
 * Treat it as immutable: `apply` and `decide` return a new one.
 */
export interface ShopState {
  /** The highest journal number folded in; the authority numbers its next decision after it. */
  readonly n: number;
  /** Decision ids folded in, so a repeat delivery changes nothing. */
  readonly seen: ReadonlySet<EventId>;
  /** Intent ids that have a decision, so an intent is decided exactly once. */
  readonly decided: ReadonlySet<EventId>;
  readonly shop: Versioned<ShopProfile> | undefined;
  readonly products: ReadonlyMap<ProductId, Versioned<Product>>;
  /** Each combination's stock, by `skuKey` (for a product without options, its id, as always). */
  readonly inventory: ReadonlyMap<SkuKey, Versioned<Inventory>>;
  readonly promotions: ReadonlyMap<PromotionId, Versioned<Promotion>>;
  readonly orders: ReadonlyMap<OrderId, Versioned<Order>>;
  readonly teams: ReadonlyMap<TeamId, Versioned<Team>>;
  readonly reviews: ReadonlyMap<EventId, Review>;
  readonly withdrawals: ReadonlyMap<WithdrawalId, Versioned<Withdrawal>>;
  readonly balances: ReadonlyMap<AccountKey, Money>;
  /** Derived from `orders`, kept up to date by `apply` for the authority's checks. */
  readonly usage: Usage;
  /**
   * Decisions that could not be folded (their postings would break a balance, or they are not
   * readable at all), by id, with why: counted as seen, their effects left out, for the seller
   * to be told. One bad document never stops the fold of the others.
   */
  readonly setAside: ReadonlyMap<EventId, string>;
}

/** Counters the authority needs on every order, derived from live (not cancelled) orders. */
export interface Usage {
  /** Times each coupon code is used. */
  readonly coupon: ReadonlyMap<string, number>;
  /** Times each coupon code is used by each buyer, keyed by `usageKey(code, buyer)`. */
  readonly couponByBuyer: ReadonlyMap<string, number>;
  /** Units sold in each flash sale, keyed by `saleKey(productId, startsAt)`. */
  readonly flashSold: ReadonlyMap<string, number>;
  /** Units each buyer bought in each flash sale, keyed by `usageKey(saleKey(…), buyer)`. */
  readonly flashByBuyer: ReadonlyMap<string, number>;
  /** Units of each combination sold in each flash sale, keyed by `skuSaleKey(…)`: each combination's part of `flashSold`. */
  readonly flashSoldBySku: ReadonlyMap<string, number>;
  /**
   * Units of each product sold (`countsAsSold`), keyed by product id: what a card's "1.2k sold"
   * says. Only a device that holds every order (the seller's, the demo's) has the whole count; the
   * seller's device publishes it on the catalog for buyers' devices (sync/catalog-state.ts).
   */
  readonly sold: ReadonlyMap<string, number>;
}

export function usageKey(thing: string, buyer: BuyerId): string {
  return `${thing}\u0000${buyer}`;
}

/** A flash sale is known by its product and its start. */
export function saleKey(productId: ProductId, startsAt: number): string {
  return `${productId}@${startsAt}`;
}

/** A combination's part of a flash sale is known by its stock key and the sale's start. */
export function skuSaleKey(sku: SkuKey, startsAt: number): string {
  return `${sku}@${startsAt}`;
}

export function emptyState(): ShopState {
  return {
    n: 0,
    seen: new Set(),
    decided: new Set(),
    shop: undefined,
    products: new Map(),
    inventory: new Map(),
    promotions: new Map(),
    orders: new Map(),
    teams: new Map(),
    reviews: new Map(),
    withdrawals: new Map(),
    balances: new Map(),
    usage: { coupon: new Map(), couponByBuyer: new Map(), flashSold: new Map(), flashByBuyer: new Map(), flashSoldBySku: new Map(), sold: new Map() },
    setAside: new Map(),
  };
}
