/**
 * The ledger as a spreadsheet: one posting a row, in journal order, from the decisions this
 * device holds. Each decision's postings sum to zero, and so does the whole file's `amount`
 * column: an accountant can check it with one SUM. Export only. Pure.
 */
import type { Decision } from '../../domain/index.ts';
import { currencyDigits, formatMinor, formatTime } from './values.ts';
import { literal, writeCsv, type Cell } from './write-csv.ts';

export const LEDGER_COLUMNS = ['decision_id', 'journal_n', 'kind', 'at', 'account', 'buyer', 'amount'] as const;

export function ledgerToCsv(decisions: Iterable<Decision>, currency: string): string {
  const digits = currencyDigits(currency);
  function* rows(): Generator<Cell[]> {
    for (const d of decisions) {
      for (const p of d.postings) {
        const buyer = p.account === 'available' || p.account === 'escrow' ? p.buyer : '';
        yield [d.id, d.n, d.kind, literal(formatTime(d.at)), p.account, buyer, literal(formatMinor(p.amount, digits))];
      }
    }
  }
  return writeCsv(LEDGER_COLUMNS, rows());
}

/** How many postings `ledgerToCsv` writes for these decisions. */
export function postingCount(decisions: Iterable<Decision>): number {
  let n = 0;
  for (const d of decisions) n += d.postings.length;
  return n;
}
