import type { Decision, Review, ShopEvent, Withdrawal } from './events.ts';
import type { BuyerId, EventId, OrderId, ProductId, PromotionId, TeamId, WithdrawalId } from './ids.ts';
import { accountKey, type AccountKey } from './ledger.ts';
import { money, type Money } from './money.ts';
import { holdsAllowance, type Order } from './orders.ts';
import { countsAsSold } from './sold-count.ts';
import { saleKey, skuSaleKey, usageKey, type ShopState, type Usage, type Versioned } from './state.ts';
import { skuKeyOf, type SkuKey } from './options.ts';
import type { Inventory, Product, Promotion, ShopProfile } from './catalog.ts';
import type { Team } from './teams.ts';

/** A private, mutable copy of the state: how `apply` and `decide` work without copying per event. */
export interface Draft {
  n: number;
  seen: Set<EventId>;
  decided: Set<EventId>;
  shop: Versioned<ShopProfile> | undefined;
  products: Map<ProductId, Versioned<Product>>;
  inventory: Map<SkuKey, Versioned<Inventory>>;
  promotions: Map<PromotionId, Versioned<Promotion>>;
  orders: Map<OrderId, Versioned<Order>>;
  teams: Map<TeamId, Versioned<Team>>;
  reviews: Map<EventId, Review>;
  withdrawals: Map<WithdrawalId, Versioned<Withdrawal>>;
  balances: Map<AccountKey, Money>;
  usage: {
    coupon: Map<string, number>;
    couponByBuyer: Map<string, number>;
    flashSold: Map<string, number>;
    flashByBuyer: Map<string, number>;
    flashSoldBySku: Map<string, number>;
    sold: Map<string, number>;
  };
  setAside: Map<EventId, string>;
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
      flashSoldBySku: new Map(s.usage.flashSoldBySku),
      // A working copy saved before sold counts were kept has none: it starts from nothing.
      sold: new Map(s.usage.sold ?? []),
    },
    // A state made before decisions could be set aside has none.
    setAside: new Map(s.setAside ?? []),
  };
}

/**
 * What folding changed, to put it back: in threes (where, which key, the old value), oldest
 * first. Copying the whole shop before each item would cost O(shop) per intent; this costs
 * only what the item changed, and no closure per change. `decideInto` keeps one per intent (so
 * an intent whose deciding throws half way leaves no trace), and `foldDecision` one per decision.
 */
export type UndoLog = unknown[];

/** The old value of a key that was not there: putting it back deletes the key. */
const ABSENT = Symbol('absent');

/** Takes back every change noted after `to` entries, newest first. */
export function undo(log: UndoLog, to = 0): void {
  for (let i = log.length - 3; i >= to; i -= 3) {
    const where = log[i];
    const key = log[i + 1];
    const old = log[i + 2];
    if (where instanceof Map) {
      if (old === ABSENT) where.delete(key);
      else where.set(key, old);
    } else if (where instanceof Set) {
      where.delete(key);
    } else {
      (where as Record<string, unknown>)[key as string] = old;
    }
  }
  log.length = to;
}

/** Notes how to put `key` of `map` back as it is now. */
function remember<K>(log: UndoLog | undefined, map: Map<K, unknown>, key: K): void {
  if (log) log.push(map, key, map.has(key) ? map.get(key) : ABSENT);
}

/** Adds to a set, noting how to take it out again. */
function addNoted<K>(log: UndoLog | undefined, set: Set<K>, key: K): void {
  if (set.has(key)) return;
  if (log) log.push(set, key, undefined);
  set.add(key);
}

/**
 * Folds events into the shop's state. Intents change nothing until the shop decides them;
 * each decision is folded once (by id), its postings added, and each thing it sets kept if
 * its journal number is the highest seen for that thing. So any delivery order, with
 * repeats, gives the same state as the journal's own order. A decision that cannot be folded
 * is set aside (see `foldDecision`) and the others are folded all the same.
 */
export function apply(state: ShopState, events: Iterable<ShopEvent>): ShopState {
  let draft: Draft | undefined;
  for (const e of events) {
    if (typeof e !== 'object' || e === null || e.type !== 'decision' || state.seen.has(e.id)) continue;
    draft ??= draftOf(state);
    foldDecision(draft, e);
  }
  return draft ?? state;
}

/** Shared by every `foldDecision` call: it never runs inside another, and is emptied after each. */
const scratch: UndoLog = [];

/**
 * Folds one decision into a draft; false if it was already there or could not be folded.
 * One that cannot be folded (a posting that would take a balance past what Money can hold,
 * a document that is not a decision at all) leaves the draft exactly as it was, apart from
 * being counted as seen and listed in `setAside` with the reason: every device sets the same
 * one aside, so they still agree, and the rest of the journal is folded as usual.
 */
export function foldDecision(d: Draft, e: Decision): boolean {
  scratch.length = 0;
  try {
    const folded = foldInto(d, e, scratch);
    scratch.length = 0;
    return folded;
  } catch (error) {
    undo(scratch);
    setAside(d, e, error);
    return false;
  }
}

function setAside(d: Draft, e: Decision, error: unknown): void {
  const id: unknown = (e as Partial<Decision> | null)?.id;
  if (typeof id !== 'string') return; // nothing to know it by again
  d.seen.add(id as EventId);
  d.setAside.set(id as EventId, error instanceof Error ? error.message : String(error));
  // It still answers its intent, and numbers the journal: deciding that intent again, or
  // numbering the next decision the same, would make a second document where there is one.
  if (typeof e.intentId === 'string') d.decided.add(e.intentId);
  if (Number.isSafeInteger(e.n) && e.n > d.n) d.n = e.n;
}

/**
 * Folds one decision into a draft, noting in `log` how to take each change back; false if it
 * was already there. Throws if the decision cannot be folded, having changed only what `log`
 * can put back: the caller takes back this item (and whatever else of it came before).
 */
export function foldInto(d: Draft, e: Decision, log: UndoLog | undefined): boolean {
  if (d.seen.has(e.id)) return false;
  addNoted(log, d.seen, e.id);
  if (e.intentId !== undefined) addNoted(log, d.decided, e.intentId);
  if (e.n > d.n) {
    log?.push(d, 'n', d.n);
    d.n = e.n;
  }
  for (const p of e.postings) {
    const key = accountKey(p);
    remember(log, d.balances, key);
    d.balances.set(key, money((d.balances.get(key) ?? 0) + p.amount));
  }
  const { set } = e;
  if (set.shop && (!d.shop || e.n > d.shop.n)) {
    log?.push(d, 'shop', d.shop);
    d.shop = { n: e.n, value: set.shop };
  }
  for (const p of set.products ?? []) keepNewest(d.products, p.id, e.n, p, log);
  for (const i of set.inventory ?? []) keepNewest(d.inventory, skuKeyOf(i), e.n, i, log);
  for (const p of set.promotions ?? []) keepNewest(d.promotions, p.id, e.n, p, log);
  for (const t of set.teams ?? []) keepNewest(d.teams, t.id, e.n, t, log);
  for (const w of set.withdrawals ?? []) keepNewest(d.withdrawals, w.id, e.n, w, log);
  for (const r of set.reviews ?? []) {
    remember(log, d.reviews, r.id);
    d.reviews.set(r.id, r);
  }
  for (const o of set.orders ?? []) {
    const old = d.orders.get(o.id);
    if (old && old.n >= e.n) continue;
    if (old) countUsage(d, old.value, -1, log);
    countUsage(d, o, +1, log);
    remember(log, d.orders, o.id);
    d.orders.set(o.id, { n: e.n, value: o });
  }
  return true;
}

function keepNewest<K, T>(map: Map<K, Versioned<T>>, key: K, n: number, value: T, log: UndoLog | undefined): void {
  const old = map.get(key);
  if (old && !(n > old.n)) return;
  remember(log, map, key);
  map.set(key, { n, value });
}

/**
 * Orders the shop did not reject or cancel use up coupons, flash-sale units and allowances;
 * those it took and the buyer kept count as sold (`countsAsSold`).
 */
function countUsage(d: Pick<Draft, 'usage'>, o: Order, sign: 1 | -1, log: UndoLog | undefined): void {
  if (countsAsSold(o)) for (const line of o.lines) bump(d.usage.sold, line.productId, sign * line.qty, log);
  if (!holdsAllowance(o)) return;
  if (o.coupon !== undefined) {
    bump(d.usage.coupon, o.coupon, sign, log);
    bump(d.usage.couponByBuyer, usageKey(o.coupon, o.buyer), sign, log);
  }
  for (const line of o.lines) {
    if (line.mode !== 'flash' || line.sale === undefined) continue;
    const sale = saleKey(line.productId, line.sale);
    bump(d.usage.flashSold, sale, sign * line.qty, log);
    bump(d.usage.flashByBuyer, usageKey(sale, o.buyer), sign * line.qty, log);
    bump(d.usage.flashSoldBySku, skuSaleKey(skuKeyOf(line), line.sale), sign * line.qty, log);
  }
}

function bump(map: Map<string, number>, key: string, by: number, log: UndoLog | undefined): void {
  remember(log, map, key);
  const next = (map.get(key) ?? 0) + by;
  if (next === 0) map.delete(key);
  else map.set(key, next);
}

/**
 * The usage counters of these orders, counted as the fold counts them: a device that holds
 * some of the shop's orders (a buyer's own) reads its flash-sale units and coupon uses here,
 * never by a count of its own.
 */
export function usageOf(orders: Iterable<Order>): Usage {
  const d: Pick<Draft, 'usage'> = {
    usage: { coupon: new Map(), couponByBuyer: new Map(), flashSold: new Map(), flashByBuyer: new Map(), flashSoldBySku: new Map(), sold: new Map() },
  };
  for (const o of orders) countUsage(d, o, +1, undefined);
  return d.usage;
}

export function couponUsesOf(s: ShopState | Draft, buyer: BuyerId) {
  return (code: string) => ({
    total: s.usage.coupon.get(code) ?? 0,
    byBuyer: s.usage.couponByBuyer.get(usageKey(code, buyer)) ?? 0,
  });
}
