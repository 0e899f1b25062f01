import type { Money } from '../domain/index.ts';

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
