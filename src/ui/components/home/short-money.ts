import { formatMoney } from '../../format.ts';

const whole = new Map<string, Intl.NumberFormat>();

/**
 * Money as promotions write it: "¥200" rather than "¥200.00" when the amount is whole (a
 * banner's "Spend ¥200, save ¥30"), else as everywhere else. Through Intl, as `formatMoney`.
 */
export function shortMoney(amount: number, currency: string, locale: string): string {
  const key = `${locale}|${currency}`;
  let fmt = whole.get(key);
  if (!fmt) {
    fmt = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol', minimumFractionDigits: 0, maximumFractionDigits: 0 });
    whole.set(key, fmt);
  }
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  const unit = 10 ** digits;
  return amount % unit === 0 ? fmt.format(amount / unit) : formatMoney(amount, currency, locale);
}
