/**
 * Shared by the storage tests: a fresh database per test, a shop history made by the real
 * authority (`decide`), and the views read back from Dexie next to the domain's own fold.
 */
import 'fake-indexeddb/auto';
import {
  apply, decide, emptyState, type Decision, type Intent, type OrderId, type PromotionId, type ShopState, type TeamId,
  type WithdrawalId,
} from '../../src/domain/index.ts';
import { ShopDb } from '../../src/storage/index.ts';
import { buyer, DAY, HOUR, intent, line, m, order, product, SHIP, SHOP, seller, T0 } from '../domain/fixtures/shop.ts';

let dbCount = 0;
/** A database no other test uses. */
export function freshDb(): ShopDb {
  dbCount += 1;
  return new ShopDb(`test-${dbCount}-${Math.random().toString(36).slice(2)}`);
}

export const ann = buyer('ann');
export const bo = buyer('bo');
export const cy = buyer('cy');

export const PRODUCTS = [
  product('tea', { name: 'Green Tea', category: 'Tea', tags: ['organic', 'loose-leaf'], price: m(1500) }),
  product('longjing', { name: '西湖龙井绿茶', category: '茶叶', tags: ['明前'], price: m(6800) }),
  product('teapot', { name: 'Clay Teapot', category: 'Teaware', tags: ['yixing'], price: m(12000) }),
  product('cups', { name: 'Tea Cups (set of 4)', category: 'Teaware', price: m(3000) }),
  product('duck', { name: 'Roast Duck', category: 'Food', price: m(3000), team: { price: m(2000), size: 3, windowHours: 24 } }),
  product('secret', { name: 'Secret Tea', category: 'Tea', hidden: true, price: m(999) }),
];

/** Decisions made one `decide` call after another, with the state they lead to. */
export class History {
  state: ShopState = emptyState();
  readonly decisions: Decision[] = [];

  step(intents: Intent[], now: number): Decision[] {
    const { decisions, state } = decide(this.state, intents, now);
    this.state = state;
    this.decisions.push(...decisions);
    return decisions;
  }
}

/**
 * A shop's busy first weeks: catalog, wallets, orders shipped and picked up, a team buy that
 * succeeds, a cancellation, a refused order, a review, a withdrawal, a price change and the
 * clock's own decisions (auto-confirm, finish).
 */
export function busyShop(): History {
  const h = new History();
  h.step([
    seller('shop.save', { shop: SHOP }),
    ...PRODUCTS.map((p) => seller('product.save', { product: p, stock: 20 })),
    seller('promotion.save', {
      promotion: { id: 'big-spender' as PromotionId, kind: 'threshold', label: 'Spend 1000, save 100', spend: m(100_000), save: m(10_000), repeat: false, active: true },
    }),
  ], T0);
  h.step([
    seller('wallet.credit', { buyer: ann, amount: m(50_000), method: 'cash', note: '' }),
    seller('wallet.credit', { buyer: bo, amount: m(30_000), method: 'bank-transfer', note: 'ref 1' }),
    seller('wallet.credit', { buyer: cy, amount: m(10_000), method: 'cash', note: '' }),
  ], T0 + 1);
  const annTea = order(ann, T0 + HOUR, [line('tea', 2)], 3000 + 800, { delivery: SHIP });
  const boPot = order(bo, T0 + HOUR + 1, [line('teapot')], 12000);
  const lead = order(cy, T0 + HOUR + 2, [line('duck', 1, 'team')], 2000, { team: { action: 'start' } });
  const tooDear = order(cy, T0 + HOUR + 3, [line('longjing', 2)], 13600);
  h.step([annTea, boPot, lead, tooDear], T0 + 2 * HOUR);
  const join = (who: typeof ann, at: number) =>
    order(who, at, [line('duck', 1, 'team')], 2000, { team: { action: 'join', teamId: lead.id as string as TeamId } });
  const cups = order(bo, T0 + 3 * HOUR, [line('cups')], 3000, { payment: 'on-pickup' });
  h.step([join(ann, T0 + 3 * HOUR), join(bo, T0 + 3 * HOUR + 1), cups], T0 + 3 * HOUR + 2);
  h.step([
    seller('order.ship', { orderId: annTea.id as string as OrderId, carrier: 'SF', tracking: 'SF1' }, T0 + 4 * HOUR),
    seller('order.ready', { orderId: boPot.id as string as OrderId }, T0 + 4 * HOUR),
    intent('order.cancel', bo, T0 + 4 * HOUR, { orderId: cups.id as string as OrderId, reason: 'changed my mind' }),
  ], T0 + 5 * HOUR);
  h.step([
    intent('order.confirm-receipt', ann, T0 + DAY, { orderId: annTea.id as string as OrderId }),
    seller('order.hand-over', { orderId: boPot.id as string as OrderId }, T0 + DAY),
    seller('product.save', { product: { ...PRODUCTS[0]!, price: m(1800) }, stock: 30 }, T0 + DAY),
  ], T0 + DAY + 1);
  const withdraw = intent('withdrawal.request', ann, T0 + 2 * DAY, { amount: m(5000) });
  h.step([
    intent('review.write', ann, T0 + 2 * DAY, { orderId: annTea.id as string as OrderId, rating: 5, text: '很好喝 Lovely' }),
    withdraw,
  ], T0 + 2 * DAY + 1);
  h.step([seller('withdrawal.pay', { withdrawalId: withdraw.id as string as WithdrawalId, note: 'cash' }, T0 + 3 * DAY)], T0 + 3 * DAY);
  h.step([], T0 + 30 * DAY); // the clock: refund windows close, orders finish
  return h;
}

/** A deterministic shuffle (so a failure can be rerun). */
export function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const byKey = <T>(entries: Iterable<[string, T]>) => Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : 1)));

/** The domain's state as the same plain shape as `viewsOf(db)`. */
export function viewsOfState(s: ShopState) {
  const versioned = <T>(map: ReadonlyMap<string, { n: number; value: T }>) =>
    byKey([...map].map(([k, v]): [string, { n: number; value: T }] => [k, { n: v.n, value: v.value }]));
  return {
    shop: s.shop && { n: s.shop.n, value: s.shop.value },
    products: versioned(s.products),
    inventory: versioned(s.inventory),
    promotions: versioned(s.promotions),
    teams: versioned(s.teams),
    orders: versioned(s.orders),
    reviews: byKey(s.reviews),
    withdrawals: versioned(s.withdrawals),
    balances: byKey(s.balances),
    // Units sold of each product, as the fold counts them (stored in `sold`, schema version 9).
    sold: byKey(s.usage.sold),
  };
}

/** The view tables read back from Dexie. */
export async function viewsOf(db: ShopDb) {
  const versioned = async <R extends { n: number; value: unknown }>(rows: Promise<R[]>, key: (r: R) => string) =>
    byKey((await rows).map((r): [string, { n: number; value: unknown }] => [key(r), { n: r.n, value: r.value }]));
  const shop = await db.shop.get('shop');
  return {
    shop: shop && { n: shop.n, value: shop.value },
    products: await versioned(db.products.toArray(), (r) => r.id),
    inventory: await versioned(db.skus.toArray(), (r) => r.sku),
    promotions: await versioned(db.promotions.toArray(), (r) => r.id),
    teams: await versioned(db.teams.toArray(), (r) => r.id),
    orders: await versioned(db.orders.toArray(), (r) => r.id),
    reviews: byKey((await db.reviews.toArray()).map((r): [string, unknown] => [r.id, r.value])),
    withdrawals: await versioned(db.withdrawals.toArray(), (r) => r.id),
    balances: byKey((await db.balances.toArray()).map((r): [string, number] => [r.account, r.amount])),
    sold: byKey((await db.sold.toArray()).filter((r) => r.counted !== 0).map((r): [string, number] => [r.productId, r.counted])),
  };
}

/** What the fold gives from these decisions. */
export const folded = (decisions: readonly Decision[]) => viewsOfState(apply(emptyState(), decisions));
