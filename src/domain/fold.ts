import type { Decision, Review, ShopEvent, Withdrawal } from './events.ts';
import type { BuyerId, EventId, OrderId, ProductId, PromotionId, TeamId, WithdrawalId } from './ids.ts';
import { addPostings, type AccountKey } from './ledger.ts';
import type { Money } from './money.ts';
import type { Order } from './orders.ts';
import { saleKey, usageKey, type ShopState, type Versioned } from './state.ts';
import type { Inventory, Product, Promotion, ShopProfile } from './catalog.ts';
import type { Team } from './teams.ts';

/** A private, mutable copy of the state: how `apply` and `decide` work without copying per event. */
export interface Draft {
  n: number;
  seen: Set<EventId>;
  decided: Set<EventId>;
  shop: Versioned<ShopProfile> | undefined;
  products: Map<ProductId, Versioned<Product>>;
  inventory: Map<ProductId, Versioned<Inventory>>;
  promotions: Map<PromotionId, Versioned<Promotion>>;
  orders: Map<OrderId, Versioned<Order>>;
  teams: Map<TeamId, Versioned<Team>>;
  reviews: Map<EventId, Review>;
  withdrawals: Map<WithdrawalId, Versioned<Withdrawal>>;
  balances: Map<AccountKey, Money>;
  usage: { coupon: Map<string, number>; couponByBuyer: Map<string, number>; flashSold: Map<string, number>; flashByBuyer: Map<string, number> };
}

export function draftOf(s: ShopState): Draft {
  return {
    n: s.n,
    seen: new Set(s.seen),
    decided: new Set(s.decided),
    shop: s.shop,
    products: new Map(s.products),
    inventory: new Map(s.inventory),
    promotions: new Map(s.promotions),
    orders: new Map(s.orders),
    teams: new Map(s.teams),
    reviews: new Map(s.reviews),
    withdrawals: new Map(s.withdrawals),
    balances: new Map(s.balances),
    usage: {
      coupon: new Map(s.usage.coupon),
      couponByBuyer: new Map(s.usage.couponByBuyer),
      flashSold: new Map(s.usage.flashSold),
      flashByBuyer: new Map(s.usage.flashByBuyer),
    },
  };
}

/**
 * Folds events into the shop's state. Intents change nothing until the shop decides them;
 * each decision is folded once (by id), its postings added, and each thing it sets kept if
 * its journal number is the highest seen for that thing. So any delivery order, with
 * repeats, gives the same state as the journal's own order.
 */
export function apply(state: ShopState, events: Iterable<ShopEvent>): ShopState {
  let draft: Draft | undefined;
  for (const e of events) {
    if (e.type !== 'decision' || state.seen.has(e.id)) continue;
    draft ??= draftOf(state);
    foldDecision(draft, e);
  }
  return draft ?? state;
}

/** Folds one decision into a draft; false if it was already there. */
export function foldDecision(d: Draft, e: Decision): boolean {
  if (d.seen.has(e.id)) return false;
  d.seen.add(e.id);
  if (e.intentId !== undefined) d.decided.add(e.intentId);
  if (e.n > d.n) d.n = e.n;
  addPostings(d.balances, e.postings);
  const { set } = e;
  if (set.shop && (!d.shop || e.n > d.shop.n)) d.shop = { n: e.n, value: set.shop };
  for (const p of set.products ?? []) keepNewest(d.products, p.id, e.n, p);
  for (const i of set.inventory ?? []) keepNewest(d.inventory, i.productId, e.n, i);
  for (const p of set.promotions ?? []) keepNewest(d.promotions, p.id, e.n, p);
  for (const t of set.teams ?? []) keepNewest(d.teams, t.id, e.n, t);
  for (const w of set.withdrawals ?? []) keepNewest(d.withdrawals, w.id, e.n, w);
  for (const r of set.reviews ?? []) d.reviews.set(r.id, r);
  for (const o of set.orders ?? []) {
    const old = d.orders.get(o.id);
    if (old && old.n >= e.n) continue;
    if (old) countUsage(d, old.value, -1);
    countUsage(d, o, +1);
    d.orders.set(o.id, { n: e.n, value: o });
  }
  return true;
}

function keepNewest<K, T>(map: Map<K, Versioned<T>>, key: K, n: number, value: T): void {
  const old = map.get(key);
  if (!old || n > old.n) map.set(key, { n, value });
}

/** Orders the shop did not reject or cancel use up coupons, flash-sale units and allowances. */
function countUsage(d: Draft, o: Order, sign: 1 | -1): void {
  if (o.status === 'rejected' || o.status === 'cancelled') return;
  if (o.coupon !== undefined) {
    bump(d.usage.coupon, o.coupon, sign);
    bump(d.usage.couponByBuyer, usageKey(o.coupon, o.buyer), sign);
  }
  for (const line of o.lines) {
    if (line.mode !== 'flash' || line.sale === undefined) continue;
    const sale = saleKey(line.productId, line.sale);
    bump(d.usage.flashSold, sale, sign * line.qty);
    bump(d.usage.flashByBuyer, usageKey(sale, o.buyer), sign * line.qty);
  }
}

function bump(map: Map<string, number>, key: string, by: number): void {
  const next = (map.get(key) ?? 0) + by;
  if (next === 0) map.delete(key);
  else map.set(key, next);
}

export function couponUsesOf(s: ShopState | Draft, buyer: BuyerId) {
  return (code: string) => ({
    total: s.usage.coupon.get(code) ?? 0,
    byBuyer: s.usage.couponByBuyer.get(usageKey(code, buyer)) ?? 0,
  });
}
