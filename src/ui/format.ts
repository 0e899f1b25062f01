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

/** Parses what a person typed ("12.5", "12,50") into minor units, or undefined if it is not an amount. */
export function parseMoney(text: string, currency: string, locale: string): Money | undefined {
  const digits = new Intl.NumberFormat(locale, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  const cleaned = text.trim().replace(/[^\d.,-]/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return undefined;
  const [whole = '0', frac = ''] = cleaned.split('.');
  if (frac.length > digits) return undefined;
  const minor = Number(whole) * 10 ** digits + Number(frac.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) ? (minor as Money) : undefined;
}

export function formatDateTime(at: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

export function formatDate(at: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(at);
}

/** "02:15:09" for a countdown; days are spelled by the caller's strings. */
export function formatCountdown(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = s % 60;
  return [hh, mm, ss].map((n) => String(n).padStart(2, '0')).join(':');
}
