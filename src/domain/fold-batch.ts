/**
 * The fold of a batch of decisions into a device's stored views: what every view row becomes,
 * decided by the one fold (`foldDecision`, fold.ts), so that storage keeps no rule of its own.
 *
 * Storage asks `touchedBy(decisions)` which rows the batch can change, reads just those into a
 * draft (`draftOf(emptyState())` with the rows it has), and `foldBatch` folds the batch into
 * it and returns the rows that changed, per view, for storage to write (one bulk write per
 * table). A draft holding only the touched rows folds each decision exactly as the whole shop
 * would: a decision reads and writes only the rows it names (the things it sets, the accounts
 * it posts to). Usage counters are not a stored view (the app reads them with `usageOf` from
 * the orders it has), with one exception: the units sold of each product, which a catalog card
 * shows and no screen can count by reading every order. A batch draft starts with no counts and
 * holds the old state of every order the batch changes (`touchedBy`), so what the fold counts in
 * it is exactly the batch's change to each product's count (`ViewRows.sold`), for storage to add.
 */
import type { Decision, Review, Withdrawal } from './events.ts';
import { draftOf, foldDecision, type Draft } from './fold.ts';
import type { EventId, OrderId, ProductId, PromotionId, TeamId, WithdrawalId } from './ids.ts';
import { accountKey, type AccountKey } from './ledger.ts';
import type { Money } from './money.ts';
import { skuKeyOf, type SkuKey } from './options.ts';
import type { Order } from './orders.ts';
import { emptyState, type Versioned } from './state.ts';
import type { Inventory, Product, Promotion, ShopProfile } from './catalog.ts';
import type { Team } from './teams.ts';

/** The rows a batch can change, by view: what storage reads before folding it. */
export interface Touched {
  shop: boolean;
  products: Set<ProductId>;
  inventory: Set<SkuKey>;
  promotions: Set<PromotionId>;
  teams: Set<TeamId>;
  orders: Set<OrderId>;
  reviews: Set<EventId>;
  withdrawals: Set<WithdrawalId>;
  balances: Set<AccountKey>;
}

export function touchedBy(decisions: Iterable<Decision>): Touched {
  const t: Touched = {
    shop: false, products: new Set(), inventory: new Set(), promotions: new Set(), teams: new Set(), orders: new Set(),
    reviews: new Set(), withdrawals: new Set(), balances: new Set(),
  };
  for (const d of decisions) {
    // A document that is not a decision at all touches nothing: the fold sets it aside.
    const set: Partial<Decision['set']> = (typeof d?.set === 'object' && d.set) || {};
    for (const p of Array.isArray(d?.postings) ? d.postings : []) {
      try {
        t.balances.add(accountKey(p));
      } catch {
        // an account that names nothing: the fold sets its decision aside
      }
    }
    if (set.shop) t.shop = true;
    for (const p of set.products ?? []) t.products.add(p.id);
    for (const i of set.inventory ?? []) t.inventory.add(skuKeyOf(i));
    for (const p of set.promotions ?? []) t.promotions.add(p.id);
    for (const x of set.teams ?? []) t.teams.add(x.id);
    for (const o of set.orders ?? []) t.orders.add(o.id);
    for (const r of set.reviews ?? []) t.reviews.add(r.id);
    for (const w of set.withdrawals ?? []) t.withdrawals.add(w.id);
  }
  return t;
}

/** A draft to read a batch's rows into: an empty shop, filled by storage with the rows it has. */
export function batchDraft(): Draft {
  return draftOf(emptyState());
}

/** What a batch made of each view: only the rows it changed, each with the journal number that set it. */
export interface ViewRows {
  shop: Versioned<ShopProfile> | undefined;
  products: Versioned<Product>[];
  inventory: Versioned<Inventory>[];
  promotions: Versioned<Promotion>[];
  teams: Versioned<Team>[];
  orders: Versioned<Order>[];
  /** The fold keeps the last review folded; `n` is the number of the decision that set it. */
  reviews: Versioned<Review>[];
  withdrawals: Versioned<Withdrawal>[];
  balances: [AccountKey, Money][];
  /** Decisions that could not be folded (their postings would break a balance…), with why: stored, their effects left out. */
  setAside: [EventId, string][];
  /** How many more (or fewer) units of each product count as sold after the batch, by product id: to add to the stored counts. */
  sold: [ProductId, number][];
}

/**
 * Folds `decisions` (new to the device) into `base`, a draft holding the rows they touch as
 * stored (see `touchedBy`), and returns the rows that changed. `base` is folded in place.
 */
export function foldBatch(base: Draft, decisions: readonly Decision[]): ViewRows {
  const shop = base.shop;
  const before = {
    products: new Map(base.products), inventory: new Map(base.inventory), promotions: new Map(base.promotions),
    teams: new Map(base.teams), orders: new Map(base.orders), reviews: new Map(base.reviews),
    withdrawals: new Map(base.withdrawals), balances: new Map(base.balances),
  };
  const asideBefore = base.setAside.size;
  const soldBefore = new Map(base.usage.sold);
  const reviewN = new Map<EventId, number>();
  for (const d of decisions) {
    if (!foldDecision(base, d)) continue;
    // The fold keeps each review as the last decision folded set it: that decision's number is its row's.
    for (const r of d.set.reviews ?? []) if (base.reviews.get(r.id) === r) reviewN.set(r.id, d.n);
  }
  return {
    shop: base.shop !== shop ? base.shop : undefined,
    products: changed(before.products, base.products),
    inventory: changed(before.inventory, base.inventory),
    promotions: changed(before.promotions, base.promotions),
    teams: changed(before.teams, base.teams),
    orders: changed(before.orders, base.orders),
    reviews: [...reviewN].flatMap(([id, n]) => {
      const value = base.reviews.get(id);
      return value !== undefined && value !== before.reviews.get(id) ? [{ n, value }] : [];
    }),
    withdrawals: changed(before.withdrawals, base.withdrawals),
    balances: [...base.balances].filter(([k, v]) => before.balances.get(k) !== v || !before.balances.has(k)),
    setAside: [...base.setAside].slice(asideBefore),
    sold: [...new Set([...soldBefore.keys(), ...base.usage.sold.keys()])].flatMap((id): [ProductId, number][] => {
      const by = (base.usage.sold.get(id) ?? 0) - (soldBefore.get(id) ?? 0);
      return by === 0 ? [] : [[id as ProductId, by]];
    }),
  };
}

function changed<K, V>(before: ReadonlyMap<K, V>, after: ReadonlyMap<K, V>): V[] {
  const out: V[] = [];
  for (const [k, v] of after) if (before.get(k) !== v) out.push(v);
  return out;
}
