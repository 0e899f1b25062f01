/**
 * The ledger's check: every decision's postings sum to zero, so the balances of all accounts
 * together must be exactly zero. Grouped the way a seller reads them: the shop's own three
 * accounts and the buyers' wallets and escrow added up. Pure.
 */
import type { AccountKey } from '../../domain/index.ts';

export interface LedgerCheck {
  /** The sum of every account's balance: zero when the books balance. */
  sum: number;
  balanced: boolean;
  /** How many accounts were added. */
  accounts: number;
  revenue: number;
  cash: number;
  compensation: number;
  /** All buyers' spendable wallet balances. */
  available: number;
  /** All money held in escrow (orders not yet confirmed, withdrawals not yet paid). */
  escrow: number;
  /** Accounts of no kind known here (none today); included in `sum`. */
  other: number;
}

export function checkLedger(balances: Iterable<{ account: AccountKey; amount: number }>): LedgerCheck {
  const c: LedgerCheck = { sum: 0, balanced: true, accounts: 0, revenue: 0, cash: 0, compensation: 0, available: 0, escrow: 0, other: 0 };
  for (const { account, amount } of balances) {
    c.accounts += 1;
    c.sum += amount;
    if (account === 'revenue') c.revenue += amount;
    else if (account === 'cash') c.cash += amount;
    else if (account === 'compensation') c.compensation += amount;
    else if (account.startsWith('available:')) c.available += amount;
    else if (account.startsWith('escrow:')) c.escrow += amount;
    else c.other += amount;
  }
  c.balanced = c.sum === 0;
  return c;
}
