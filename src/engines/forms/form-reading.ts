/**
 * What the seller's forms share (product, promotion, shop, options): reading what was typed
 * (whole numbers, money in the shop's currency, local times), the kinds of error a field can
 * have, and the domain's `path: message` errors turned into errors by field.
 */
import type { Money, Result } from '../../domain/index.ts';
import { MAX_AMOUNT } from '../../domain/validate/scalars.ts';

/** What is wrong with one field, as a kind (the UI says it in the reader's language). */
export type FormError =
  | { code: 'required' }
  | { code: 'not-a-number' }
  | { code: 'not-whole' }
  | { code: 'not-a-time' }
  | { code: 'too-small'; min: number }
  | { code: 'too-large'; max: number }
  | { code: 'too-long'; max: number }
  | { code: 'too-many'; max: number }
  | { code: 'ends-before-start' }
  | { code: 'save-over-spend' }
  | { code: 'duplicate' }
  /** A flash sale's units beyond the stock they come from: at most `max`. */
  | { code: 'over-stock'; max: number }
  /** A team or flash price that is not below the regular `price` (minor units). */
  | { code: 'not-below-price'; price: number }
  /** Anything else the domain refused, in its own (English) words. */
  | { code: 'invalid'; message: string };

/** Errors by field: the document's path (`price`, `flash.endsAt`, `pickupPoints[1].name`). */
export type FieldErrors = Record<string, FormError>;

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** Money as people type it, in the shop's currency and the reader's language (`parseMoney` in the UI). */
export interface MoneyReader {
  /** Minor units, or undefined if the text is not an amount. */
  money(text: string): Money | undefined;
  /** Minor units as a person would type them back ("12.90"), for a form's first values. */
  moneyText(amount: Money): string;
}

type Read<T> = { value: T } | { error: FormError } | { blank: true };

/** A whole number as typed ("12", "-3"); "1.5" is not whole, "abc" is not a number. */
export function readWhole(text: string): Read<number> {
  const s = text.trim();
  if (s === '') return { blank: true };
  if (/^[-+]?\d+$/.test(s)) return { value: Number(s) };
  if (/^[-+]?\d*[.,]\d+$/.test(s)) return { error: { code: 'not-whole' } };
  return { error: { code: 'not-a-number' } };
}

/**
 * An amount as typed; a minus sign is kept so that the domain's rule says what is wrong with it.
 * One past the largest amount the shop takes (MAX_AMOUNT) is said as such, with that limit, not
 * as "not an amount" (99999999999999 is an amount, only too large).
 */
export function readMoney(text: string, reader: MoneyReader): Read<Money> {
  const s = text.trim();
  if (s === '') return { blank: true };
  const negative = s.startsWith('-');
  const amount = reader.money(negative ? s.slice(1) : s);
  if (amount === undefined || amount > MAX_AMOUNT) {
    const whole = /^\d[\d,\s]*/.exec(negative ? s.slice(1) : s)?.[0].replace(/[,\s]/g, '');
    const limit = Number(reader.moneyText(MAX_AMOUNT as Money).replace(/[^\d.]/g, ''));
    if (whole !== undefined && Number(whole) > limit) return { error: { code: 'too-large', max: MAX_AMOUNT } };
    if (amount === undefined) return { error: { code: 'not-a-number' } };
  }
  return { value: (negative ? -amount : amount) as Money };
}

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/** A `datetime-local` value ("2026-11-11T20:00") in this device's time zone → milliseconds. */
export function readLocalTime(text: string, original?: number): Read<number> {
  const s = text.trim();
  if (s === '') return { blank: true };
  // Unchanged from what the form was given: keep the exact time (a flash sale is known by its start).
  if (original !== undefined && localTimeText(original) === s) return { value: original };
  const m = LOCAL_TIME.exec(s);
  if (!m) return { error: { code: 'not-a-time' } };
  const [y, mo, d, h, mi, sec = '0', ms = '0'] = m.slice(1).map((x) => x ?? '0');
  const date = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec), Number(ms.padEnd(3, '0')));
  // The Date rolls "02-30" over to March: refuse what does not come back as typed.
  if (Number.isNaN(date.getTime()) || date.getMonth() !== Number(mo) - 1 || date.getDate() !== Number(d) || date.getHours() !== Number(h)) {
    return { error: { code: 'not-a-time' } };
  }
  return { value: date.getTime() };
}

/** Milliseconds → a `datetime-local` value in this device's time zone, to the minute. */
export function localTimeText(at: number): string {
  const d = new Date(at);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** One of the domain's English messages, as a kind of error. */
export function classify(message: string): FormError {
  let m: RegExpExecArray | null;
  if (message === 'is required' || message === 'must not be blank') return { code: 'required' };
  if ((m = /from (-?\d+) to (-?\d+), got (-?\d+)$/.exec(message))) {
    const [min, max, got] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return got < min ? { code: 'too-small', min } : { code: 'too-large', max };
  }
  if ((m = /(-?\d+) or more, got/.exec(message))) return { code: 'too-small', min: Number(m[1]) };
  if ((m = /^must be at most (\d+) characters/.exec(message))) return { code: 'too-long', max: Number(m[1]) };
  if ((m = /^must have at most (\d+) items/.exec(message))) return { code: 'too-many', max: Number(m[1]) };
  if (/^must be after startsAt$/.test(message)) return { code: 'ends-before-start' };
  if (/^must not be more than spend$/.test(message)) return { code: 'save-over-spend' };
  if (/^repeats /.test(message)) return { code: 'duplicate' };
  if (/^must be a time in whole milliseconds/.test(message)) return { code: 'not-a-time' };
  if (/^must be a number/.test(message)) return { code: 'not-a-number' };
  return { code: 'invalid', message };
}

/** The domain's `path: message` errors by form field (the first error of each field wins). */
export function fieldErrors(errors: readonly string[], fieldOf: (path: string) => string = (p) => p): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors) {
    const at = e.indexOf(': ');
    if (at < 0) continue;
    const field = fieldOf(e.slice(0, at));
    out[field] ??= classify(e.slice(at + 2));
  }
  return out;
}

/**
 * Collects what a form read: each field's value, or its error. `blank` says what an empty
 * field means: an error ('required'), or a value (undefined for an optional field, 0…).
 */
export class FormReading {
  readonly errors: FieldErrors = {};

  take<T>(field: string, read: Read<T>, ifBlank: FormError | { value: T | undefined }): T | undefined {
    if ('value' in read) return read.value;
    if ('error' in read) {
      this.errors[field] ??= read.error;
      return undefined;
    }
    if ('code' in ifBlank) this.errors[field] ??= ifBlank;
    return 'value' in ifBlank ? ifBlank.value : undefined;
  }

  /** Its own errors first, then the domain's for fields it had nothing to say about. */
  finish<T>(checked: Result<T>, fieldOf?: (path: string) => string): FormResult<T> {
    const domain = checked.ok ? {} : fieldErrors(checked.errors, fieldOf);
    const errors = { ...domain, ...this.errors };
    return Object.keys(errors).length === 0 && checked.ok ? { ok: true, value: checked.value } : { ok: false, errors };
  }
}

/**
 * The domain checks a rule between two fields (an end after its start, a saving within its
 * spend) only once the rest of the document is clean. A form says it at once: `standIn` is the
 * document again with good stand-ins for every other field, and only `field`'s error is kept.
 */
export function crossCheck(errors: FieldErrors, field: string, standIn: () => Result<unknown>, fieldOf?: (path: string) => string): void {
  if (errors[field] !== undefined) return;
  const checked = standIn();
  const found = checked.ok ? undefined : fieldErrors(checked.errors, fieldOf)[field];
  if (found !== undefined) errors[field] = found;
}

export const REQUIRED: FormError = { code: 'required' };
export const OPTIONAL = { value: undefined };
