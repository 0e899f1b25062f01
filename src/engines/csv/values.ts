/**
 * Cells to values and back, exactly: money as decimal major units ("12.90") converted to and
 * from integer minor units by string arithmetic (never a float), times as ISO 8601, whole
 * numbers, true/false, and `|`-separated lists. Pure: Intl only tells a currency's digits.
 */
import type { Millis } from '../../domain/index.ts';

export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

const done = <T>(value: T): Read<T> => ({ ok: true, value });
const no = (reason: string): Read<never> => ({ ok: false, reason });

const digitCache = new Map<string, number>();

/** Minor digits of a currency (2 for CNY and USD, 0 for JPY, 3 for KWD), as Intl knows them. */
export function currencyDigits(currency: string): number {
  let digits = digitCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitCache.set(currency, digits);
  }
  return digits;
}

/** 1290 with 2 digits → "12.90"; -5 → "-0.05"; 1290 with 0 digits → "1290". */
export function formatMinor(amount: number, digits: number): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`An amount must be a whole number of minor units, got ${amount}`);
  const sign = amount < 0 ? '-' : '';
  const abs = String(Math.abs(amount));
  if (digits === 0) return `${sign}${abs}`;
  const padded = abs.padStart(digits + 1, '0');
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

const MONEY = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * "12.90" → 1290 minor units. Refuses exponents ("1e3"), separators ("1,290"), symbols, a
 * second point ("12.5.1") and more decimals than the currency has; the range is the validator's.
 */
/** Reasons: 'money' (not an amount), 'decimals' (more than the currency has), 'large'. */
export function readMoney(cell: string, digits: number): Read<number> {
  const m = MONEY.exec(cell);
  if (!m) return no('money');
  const [, sign = '', whole = '', frac = ''] = m;
  if (frac.length > digits) return no('decimals');
  const minor = `${whole}${frac.padEnd(digits, '0')}`.replace(/^0+(?=\d)/, '');
  // 15 digits always fit a double exactly; past that, the amount is far beyond any price anyway.
  if (minor.length > 15) return no('large');
  const value = Number(minor);
  return done(sign === '-' && value !== 0 ? -value : value);
}

const WHOLE = /^[+-]?\d+$/;

export function readWhole(cell: string): Read<number> {
  if (!WHOLE.test(cell)) return no('number');
  const value = Number(cell);
  return Number.isSafeInteger(value) ? done(value === 0 ? 0 : value) : no('number');
}

const TRUE = new Set(['true', 'yes', '1']);
const FALSE = new Set(['false', 'no', '0', '']);

/** true/false as this app writes them; also TRUE/FALSE (Excel), yes/no and 1/0; empty is false. */
export function readBool(cell: string): Read<boolean> {
  const s = cell.toLowerCase();
  if (TRUE.has(s)) return done(true);
  if (FALSE.has(s)) return done(false);
  return no('bool');
}

/** The exact instant, in UTC, to the millisecond: "2026-11-11T12:00:00.000Z". */
export function formatTime(at: Millis): string {
  return new Date(at).toISOString();
}

const TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * ISO 8601: "2026-11-11T20:00:00+08:00", "2026-11-11T12:00:00.000Z", "2026-11-11 20:00"; a
 * time with no zone (as a spreadsheet writes it) is the device's local time; a date alone is
 * its midnight. Impossible dates (31 February) are refused, not rolled over.
 */
export function readTime(cell: string): Read<Millis> {
  const m = TIME.exec(cell);
  if (!m) return no('time');
  const [, y, mo, d, h = '0', mi = '0', s = '0', ms = '0', zone] = m;
  const parts = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(ms.padEnd(3, '0'))] as const;
  const [year, month, day, hour, minute, second, milli] = parts;
  if (month > 11 || hour > 23 || minute > 59 || second > 59) return no('time');
  let at: number;
  if (zone === undefined) {
    const local = new Date(year, month, day, hour, minute, second, milli);
    if (local.getFullYear() !== year || local.getMonth() !== month || local.getDate() !== day) return no('time');
    at = local.getTime();
  } else {
    const utc = new Date(Date.UTC(year, month, day, hour, minute, second, milli));
    if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month || utc.getUTCDate() !== day) return no('time');
    let offset = 0;
    if (zone.toUpperCase() !== 'Z') {
      const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
      if (!z || Number(z[2]) > 23 || Number(z[3]) > 59) return no('time');
      offset = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3])) * 60_000;
    }
    at = utc.getTime() - offset;
  }
  return Number.isSafeInteger(at) ? done(at) : no('time');
}

/*
 * Lists in one cell, separated by `|` ("fresh|crisp"). A `|` or `\` inside an item is written
 * `\|` or `\\`, so any item comes back exactly; a `\` before anything else is kept as it is.
 * Items are trimmed and empty ones dropped ("fresh | crisp |" is two tags), as people type them.
 */
export function joinList(items: readonly string[]): string {
  return items.map((s) => s.replace(/[\\|]/g, (c) => `\\${c}`)).join('|');
}

export function splitList(cell: string): string[] {
  const out: string[] = [];
  let item = '';
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i]!;
    const next = cell[i + 1];
    if (c === '\\' && (next === '|' || next === '\\')) {
      item += next;
      i++;
    } else if (c === '|') {
      out.push(item);
      item = '';
    } else item += c;
  }
  out.push(item);
  return out.map((s) => s.trim()).filter((s) => s !== '');
}
