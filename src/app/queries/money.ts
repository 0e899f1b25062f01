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
import type { AccountKey, BuyerId, Millis, Money, Withdrawal } from '../../domain/index.ts';
import { allBalances, decisionsOfKinds, ordersByBuyer, type KindsSeen } from '../../storage/money-queries.ts';
import { withdrawalsWithStatus } from '../../storage/order-queries.ts';
import type { Store } from '../../storage/store.ts';
import { copyMoney, emptyMoney, foldMoney, MONEY_KINDS, type MoneyByDay } from '../../engines/dashboard/aggregate.ts';
import { checkLedger, type LedgerCheck } from '../../engines/dashboard/ledger-check.ts';
import { summarize, type Period, type Summary } from '../../engines/dashboard/summary.ts';
import { localZone, type Zone } from '../../engines/dashboard/zone.ts';

export type { Period, Summary } from '../../engines/dashboard/summary.ts';
export type { LedgerCheck } from '../../engines/dashboard/ledger-check.ts';

/* ------------------------------------------------------------------ the dashboard */

interface Folded extends KindsSeen {
  zone: string;
  money: MoneyByDay;
}

const folded = new WeakMap<Store, Folded>();
let deviceZone: Zone | undefined;

/** The shop's time zone: the device's (one instance, so its cache of days is shared). */
export function shopZone(): Zone {
  return (deviceZone ??= localZone());
}

/** The shop's money by local day, folded from the stored decisions (incrementally, see above). */
export async function moneyByDay(store: Store, zone: Zone = shopZone()): Promise<MoneyByDay> {
  const had = folded.get(store);
  const seen = had?.zone === zone.id ? had : undefined;
  const read = await decisionsOfKinds(store, MONEY_KINDS, seen);
  const money = read.whole || seen === undefined ? foldMoney(emptyMoney(), read.decisions, zone)
    : read.decisions.length === 0 ? seen.money
    : foldMoney(copyMoney(seen.money), read.decisions, zone);
  folded.set(store, { zone: zone.id, money, count: read.count, lastN: read.lastN });
  return money;
}

export interface MoneyDashboard {
  summary: Summary;
  ledger: LedgerCheck;
}

/** The Money tab: the period's figures ending today (the device's local date), and the ledger's check. */
export async function moneyDashboard(store: Store, period: Period, now: Millis, zone: Zone = shopZone()): Promise<MoneyDashboard> {
  const [money, balances] = await Promise.all([moneyByDay(store, zone), allBalances(store)]);
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
export async function sellerCustomers(store: Store): Promise<Customer[]> {
  const byBuyer = new Map<string, Customer>();
  const get = (buyer: string): Customer => {
    let c = byBuyer.get(buyer);
    if (!c) byBuyer.set(buyer, (c = { buyer: buyer as BuyerId, available: 0 as Money, escrow: 0 as Money, orders: 0, pending: [] }));
    return c;
  };
  const [balances, pending, orders] = await Promise.all([allBalances(store), withdrawalsWithStatus(store, 'pending'), ordersByBuyer(store)]);
  for (const { account, amount } of balances) {
    const [kind, buyer] = splitAccount(account);
    if (buyer === undefined) continue;
    const c = get(buyer);
    if (kind === 'available') c.available = amount;
    else if (kind === 'escrow') c.escrow = amount;
  }
  for (const [buyer, { orders: count, lastOrderAt }] of orders) {
    const c = get(buyer);
    c.orders = count;
    c.lastOrderAt = lastOrderAt;
  }
  for (const w of pending) get(w.buyer).pending.push(w);
  const out = [...byBuyer.values()];
  for (const c of out) c.pending.sort((a, b) => a.requestedAt - b.requestedAt || (a.id < b.id ? -1 : 1));
  return out.sort((a, b) => a.buyer.localeCompare(b.buyer) || (a.buyer < b.buyer ? -1 : 1));
}

function splitAccount(account: AccountKey): [string, string | undefined] {
  const i = account.indexOf(':');
  return i < 0 ? [account, undefined] : [account.slice(0, i), account.slice(i + 1)];
}
