import type { BuyerId } from './ids.ts';
import { money, type Money } from './money.ts';

/**
 * The double-entry ledger. A buyer has `available` (spendable wallet) and `escrow` (held for
 * orders and withdrawals not yet settled). The shop has `revenue`, `cash` (money from or to
 * the outside world, so it runs negative as money comes in) and `compensation` (paid out for
 * counterfeit claims, so it runs negative too). Every decision's postings sum to zero.
 */
export type ShopAccount = 'revenue' | 'cash' | 'compensation';
export type BuyerAccount = 'available' | 'escrow';

export type Posting =
  | { account: BuyerAccount; buyer: BuyerId; amount: Money }
  | { account: ShopAccount; amount: Money };

export type AccountKey = `${BuyerAccount}:${string}` | ShopAccount;

export function accountKey(p: Posting): AccountKey {
  return p.account === 'available' || p.account === 'escrow' ? `${p.account}:${p.buyer}` : p.account;
}

/** Moves `amount` from one account to another: the only way the authority makes postings. */
export function transfer(from: Omit<Posting, 'amount'>, to: Omit<Posting, 'amount'>, amount: Money): Posting[] {
  if (amount === 0) return [];
  return [
    { ...from, amount: money(-amount) } as Posting,
    { ...to, amount } as Posting,
  ];
}

export const available = (buyer: BuyerId) => ({ account: 'available', buyer }) as const;
export const escrow = (buyer: BuyerId) => ({ account: 'escrow', buyer }) as const;
export const REVENUE = { account: 'revenue' } as const;
export const CASH = { account: 'cash' } as const;
export const COMPENSATION = { account: 'compensation' } as const;

export function postingsBalance(postings: readonly Posting[]): number {
  let total = 0;
  for (const p of postings) total += p.amount;
  return total;
}

export type Balances = ReadonlyMap<AccountKey, Money>;

/** Folds postings into balances. */
export function addPostings(balances: Map<AccountKey, Money>, postings: readonly Posting[]): void {
  for (const p of postings) {
    const key = accountKey(p);
    balances.set(key, money((balances.get(key) ?? 0) + p.amount));
  }
}

export function balanceOf(balances: Balances, key: AccountKey): Money {
  return balances.get(key) ?? (0 as Money);
}

export function walletOf(balances: Balances, buyer: BuyerId): { available: Money; escrow: Money } {
  return { available: balanceOf(balances, `available:${buyer}`), escrow: balanceOf(balances, `escrow:${buyer}`) };
}
