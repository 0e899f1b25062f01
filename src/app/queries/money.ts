/**
 * Reads for the seller's Money and Customers tabs. Plain async functions over the device's
 * database, wrapped by the UI in a live query (they only read, and rerun when what they read
 * changes).
 *
 * The dashboard folds only the decisions that can move the shop's own money (MONEY_KINDS,
 * read by their `kind` index), once: the money by day is kept per database and zone, and a
 * rerun reads just the decisions numbered after the last one seen (the `n` index). Should a
 * decision arrive out of journal order (another device's sync), the count of money decisions
 * no longer matches what was folded and everything is read again, so the figures stay exact.
 */
import type { AccountKey, BuyerId, Decision, Millis, Money, Withdrawal } from '../domain/index.ts';
import type { ShopDb } from '../storage/index.ts';
import { copyMoney, emptyMoney, foldMoney, MONEY_KINDS, type MoneyByDay } from '../engines/dashboard/aggregate.ts';
import { checkLedger, type LedgerCheck } from '../engines/dashboard/ledger-check.ts';
import { summarize, type Period, type Summary } from '../engines/dashboard/summary.ts';
import { localZone, type Zone } from '../engines/dashboard/zone.ts';

export type { Period, Summary } from '../engines/dashboard/summary.ts';
export type { LedgerCheck } from '../engines/dashboard/ledger-check.ts';

/* ------------------------------------------------------------------ the dashboard */

interface Folded {
  zone: string;
  money: MoneyByDay;
  /** How many money decisions were folded, and the highest journal number read. */
  count: number;
  lastN: number;
}

const folded = new WeakMap<ShopDb, Folded>();
let deviceZone: Zone | undefined;

/** The shop's time zone: the device's (one instance, so its cache of days is shared). */
export function shopZone(): Zone {
  return (deviceZone ??= localZone());
}

const KINDS = new Set<string>(MONEY_KINDS);
const isMoneyDecision = (e: unknown): e is Decision =>
  typeof e === 'object' && e !== null && (e as Decision).type === 'decision' && KINDS.has((e as Decision).kind);

async function countMoneyDecisions(db: ShopDb): Promise<number> {
  const counts = await Promise.all(MONEY_KINDS.map((k) => db.events.where('kind').equals(k).count()));
  return counts.reduce((a, b) => a + b, 0);
}

/** The shop's money by local day, folded from the stored decisions (incrementally, see above). */
export function moneyByDay(db: ShopDb, zone: Zone = shopZone()): Promise<MoneyByDay> {
  return db.transaction('r', db.events, async () => {
    const had = folded.get(db);
    const [count, last] = await Promise.all([countMoneyDecisions(db), db.events.orderBy('n').last()]);
    const lastN = last?.type === 'decision' ? last.n : 0;
    if (had && had.zone === zone.id) {
      if (lastN === had.lastN && count === had.count) return had.money;
      const fresh = lastN > had.lastN ? (await db.events.where('n').above(had.lastN).toArray()).filter(isMoneyDecision) : [];
      if (had.count + fresh.length === count) {
        const money = fresh.length === 0 ? had.money : foldMoney(copyMoney(had.money), fresh, zone);
        folded.set(db, { zone: zone.id, money, count, lastN });
        return money;
      }
    }
    // Each kind read whole by its index (getAll: far fewer round trips than a cursor), folded as it comes.
    const money = emptyMoney();
    let seen = 0;
    await Promise.all(MONEY_KINDS.map(async (kind) => {
      const rows = (await db.events.where('kind').equals(kind).toArray()).filter(isMoneyDecision);
      seen += rows.length;
      foldMoney(money, rows, zone);
    }));
    folded.set(db, { zone: zone.id, money, count: seen, lastN });
    return money;
  });
}

export interface MoneyDashboard {
  summary: Summary;
  ledger: LedgerCheck;
}

/** The Money tab: the period's figures ending today (the device's local date), and the ledger's check. */
export async function moneyDashboard(db: ShopDb, period: Period, now: Millis, zone: Zone = shopZone()): Promise<MoneyDashboard> {
  const [money, balances] = await Promise.all([moneyByDay(db, zone), db.balances.toArray()]);
  return { summary: summarize(money, period, zone.dayOf(now)), ledger: checkLedger(balances) };
}

/* ------------------------------------------------------------------ customers */

export interface Customer {
  buyer: BuyerId;
  available: Money;
  escrow: Money;
  orders: number;
  lastOrderAt?: Millis;
  /** Withdrawal requests waiting for the seller, oldest first. */
  pending: Withdrawal[];
}

/**
 * Every buyer the shop knows on this device (from their wallet, orders and withdrawals), by
 * name. Orders are counted from the indexes alone (buyer, placedAt), never read whole, so a
 * shop with a hundred thousand orders still answers quickly.
 */
export async function sellerCustomers(db: ShopDb): Promise<Customer[]> {
  const byBuyer = new Map<string, Customer>();
  const get = (buyer: string): Customer => {
    let c = byBuyer.get(buyer);
    if (!c) byBuyer.set(buyer, (c = { buyer: buyer as BuyerId, available: 0 as Money, escrow: 0 as Money, orders: 0, pending: [] }));
    return c;
  };
  const buyerOf = new Map<string, string>();
  const placed: [string, number][] = [];
  const [balances, pending] = await Promise.all([
    db.balances.toArray(),
    db.withdrawals.where('status').equals('pending').toArray(),
    db.orders.orderBy('buyer').eachKey((key, cursor) => void buyerOf.set(String(cursor.primaryKey), String(key))),
    db.orders.orderBy('placedAt').eachKey((key, cursor) => void placed.push([String(cursor.primaryKey), Number(key)])),
  ]);
  for (const { account, amount } of balances) {
    const [kind, buyer] = splitAccount(account);
    if (buyer === undefined) continue;
    const c = get(buyer);
    if (kind === 'available') c.available = amount;
    else if (kind === 'escrow') c.escrow = amount;
  }
  for (const [orderId, at] of placed) {
    const buyer = buyerOf.get(orderId);
    if (buyer === undefined) continue;
    const c = get(buyer);
    c.orders += 1;
    if (c.lastOrderAt === undefined || at > c.lastOrderAt) c.lastOrderAt = at as Millis;
  }
  for (const { value: w } of pending) get(w.buyer).pending.push(w);
  const out = [...byBuyer.values()];
  for (const c of out) c.pending.sort((a, b) => a.requestedAt - b.requestedAt || (a.id < b.id ? -1 : 1));
  return out.sort((a, b) => a.buyer.localeCompare(b.buyer) || (a.buyer < b.buyer ? -1 : 1));
}

function splitAccount(account: AccountKey): [string, string | undefined] {
  const i = account.indexOf(':');
  return i < 0 ? [account, undefined] : [account.slice(0, i), account.slice(i + 1)];
}
