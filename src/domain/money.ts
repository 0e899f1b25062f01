import type { Brand } from './brand.ts';

/**
 * An amount in the shop currency's minor units (fen, cents), always a safe integer.
 * Floats never hold money: 0.1 + 0.2 is not 0.3, and a shop must add up to the cent.
 * Formatting for people lives in the UI (Intl.NumberFormat), not here.
 */
export type Money = Brand<number, 'Money'>;

export const ZERO = 0 as Money;

export function isMoney(x: unknown): x is Money {
  return typeof x === 'number' && Number.isSafeInteger(x);
}

/** Makes Money from a number, refusing anything that is not a safe integer. */
export function money(n: number): Money {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Money must be a safe integer of minor units, got ${n}`);
  return n as Money;
}

export function add(a: Money, b: Money): Money {
  return money(a + b);
}

export function sub(a: Money, b: Money): Money {
  return money(a - b);
}

/** Money times a whole count (a quantity, a compensation multiple). */
export function times(a: Money, k: number): Money {
  if (!Number.isSafeInteger(k)) throw new RangeError(`Multiplier must be an integer, got ${k}`);
  return money(a * k);
}

/** A whole-percent share of an amount, rounded down so a discount never exceeds what was said. */
export function percentOf(a: Money, percent: number): Money {
  return money(Math.floor((a * percent) / 100));
}

export function sum(xs: Iterable<Money>): Money {
  let total = 0;
  for (const x of xs) total += x;
  return money(total);
}

export function min(a: Money, b: Money): Money {
  return (a < b ? a : b);
}

export function max(a: Money, b: Money): Money {
  return (a > b ? a : b);
}
