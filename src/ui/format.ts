import type { Money } from '../domain/index.ts';

/**
 * Money and dates for people, through Intl: the domain keeps integers of minor units, and
 * the number of minor digits comes from the currency itself (2 for CNY and USD, 0 for JPY).
 */
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(amount: Money | number, currency: string, locale: string): string {
  const key = `${locale}|${currency}`;
  let fmt = moneyFormats.get(key);
  if (!fmt) {
    // narrowSymbol: "¥6.90" rather than "CN¥6.90"; one shop has one currency, so no ambiguity.
    fmt = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' });
    moneyFormats.set(key, fmt);
  }
  const digits = fmt.resolvedOptions().maximumFractionDigits ?? 2;
  return fmt.format(amount / 10 ** digits);
}

// Reading typed money is the forms' alone: its own module, so the first screen (which shows money
// but reads none) does not carry it.
export { parseMoney } from './parse-money.ts';

export function formatDateTime(at: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

export function formatDate(at: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(at);
}

/** A rating's stars to one decimal ("4.5"), the same on the product page and its card. */
export function formatRating(average: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(average);
}

/** A count as shops show it, short: "1.2K" in English, "1.2万" in Chinese (Intl's compact notation). */
export function formatCount(count: number, locale: string): string {
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(count);
}

/** "02:15:09" for a countdown; days are spelled by the caller's strings. */
export function formatCountdown(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = s % 60;
  return [hh, mm, ss].map((n) => String(n).padStart(2, '0')).join(':');
}
