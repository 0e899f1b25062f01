import type { Millis } from '../catalog.ts';
import { ID_PATTERN, OPTION_ID_PATTERN } from '../ids.ts';
import { isPhotoRef, MAX_ATTACHED_PHOTOS } from '../attached-photos.ts';
import type { Money } from '../money.ts';
import { arrayOf, type Check, describe, none, refine } from './check.ts';

/* Checks for single values: flags, words from a fixed list, whole numbers, money, times, ids, text. */

export const bool: Check<boolean> = (x, path, ctx) => {
  if (typeof x !== 'boolean') ctx.add(path, `must be true or false, got ${describe(x)}`);
  return x as boolean;
};

export function literal<T extends string | number>(value: T): Check<T> {
  return (x, path, ctx) => {
    if (x !== value) ctx.add(path, `must be ${JSON.stringify(value)}, got ${describe(x)}`);
    return value;
  };
}

/** One of a few strings; long lists are named by `what` rather than spelled out. */
export function oneOf<T extends string>(values: readonly T[], what?: string): Check<T> {
  const set = new Set<string>(values);
  const want = what ?? values.map((v) => JSON.stringify(v)).join(', ');
  return (x, path, ctx) => {
    if (typeof x !== 'string' || !set.has(x)) {
      ctx.add(path, `must be ${what === undefined ? 'one of ' : 'a known '}${want}, got ${describe(x)}`);
      return none();
    }
    return x as T;
  };
}

/** The values of a string union, spelled once as a record so that the compiler checks the list is complete. */
export const keysOf = <T extends string>(r: Record<T, true>): readonly T[] => Object.keys(r) as T[];

function wholeNumber(min: number, max: number, what: string): Check<number> {
  const unbounded = max === Number.MAX_SAFE_INTEGER;
  const range = unbounded && min === -max ? '' : unbounded ? ` ${min} or more` : ` from ${min} to ${max}`;
  return (x, path, ctx) => {
    if (typeof x !== 'number') {
      ctx.add(path, `must be a number, got ${describe(x)}`);
      return none();
    }
    if (!Number.isSafeInteger(x) || x < min || x > max) {
      ctx.add(path, `must be ${what}${range}, got ${describe(x)}`);
      return none();
    }
    return x === 0 ? 0 : x; // no -0
  };
}

export const int = (min: number, max: number): Check<number> => wholeNumber(min, max, 'a whole number');

/** Money in minor units: a safe integer in [min, max]. */
export const money = (min: number, max: number): Check<Money> =>
  wholeNumber(min, max, 'a whole number of minor units') as Check<Money>;

export const TIME_MIN: Millis = Date.UTC(2000, 0, 1);
export const TIME_MAX: Millis = Date.UTC(2200, 0, 1);

export const time: Check<Millis> = (x, path, ctx) => {
  if (typeof x !== 'number') {
    ctx.add(path, `must be a number, got ${describe(x)}`);
    return none();
  }
  if (!Number.isSafeInteger(x) || x < TIME_MIN || x > TIME_MAX) {
    ctx.add(path, `must be a time in whole milliseconds between 2000-01-01 and 2200-01-01, got ${describe(x)}`);
    return none();
  }
  return x;
};

export function id<T extends string>(): Check<T> {
  return (x, path, ctx) => {
    if (typeof x !== 'string' || !ID_PATTERN.test(x)) {
      ctx.add(path, `must be an id (letters, digits, ".", "_", ":" or "-", starting with a letter or digit, not too long), got ${describe(x)}`);
      return none();
    }
    return x as T;
  };
}

/** An option value's or a combination's id: as `id`, shorter, as it lives inside stock keys (see OPTION_ID_PATTERN). */
export function optionId<T extends string>(): Check<T> {
  return (x, path, ctx) => {
    if (typeof x !== 'string' || !OPTION_ID_PATTERN.test(x)) {
      ctx.add(path, `must be an id of 1 to 40 letters, digits, ".", "_", ":" or "-", starting with a letter or digit, got ${describe(x)}`);
      return none();
    }
    return x as T;
  };
}

/** A CouchDB document revision: the generation, "-", and a hash in hex. */
export const REV_PATTERN = /^[1-9]\d{0,9}-[0-9a-f]{1,64}$/;
export const rev: Check<string> = (x, path, ctx) => {
  if (typeof x !== 'string' || !REV_PATTERN.test(x)) {
    ctx.add(path, `must be a document revision like "1-abc…", got ${describe(x)}`);
    return none();
  }
  return x;
};

/* ------------------------------------------------------------------ text */

/** Has a C0 or C1 control character (Unicode category Cc), bar "\t" and "\n" in multi-line text. */
function hasControl(s: string, multiline: boolean): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && !(multiline && (c === 0x09 || c === 0x0a))) || (c >= 0x7f && c <= 0x9f)) return true;
  }
  return false;
}
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface TextRule {
  max: number;
  /** Must have something other than spaces (names, codes); otherwise may be empty. */
  required?: boolean;
  /** Allows "\n" and "\t" (notes, descriptions, addresses). */
  multiline?: boolean;
}

export function text(rule: TextRule): Check<string> {
  const multiline = rule.multiline === true;
  return (x, path, ctx) => {
    if (typeof x !== 'string') {
      ctx.add(path, `must be text, got ${describe(x)}`);
      return none();
    }
    // Length first, so a huge string is never scanned.
    if (x.length > rule.max) ctx.add(path, `must be at most ${rule.max} characters, got ${x.length}`);
    else if (rule.required === true && x.trim() === '') ctx.add(path, 'must not be blank');
    else if (hasControl(x, multiline)) {
      ctx.add(path, multiline ? 'must not contain control characters other than new lines and tabs' : 'must not contain control characters or new lines');
    } else if (LONE_SURROGATE.test(x)) ctx.add(path, 'must not contain broken Unicode (a lone surrogate)');
    return x;
  };
}

/** Names of things and people: one line, 1 to 120 characters. */
export const NAME = text({ max: 120, required: true });
/** Reasons, notes, descriptions, review text: may be empty, up to 2000, new lines allowed. */
export const LONG_TEXT = text({ max: 2000, multiline: true });
/** A person's initials in the public catalog (public-copy.ts): two letters, never a name (4 UTF-16 units for two astral letters). */
export const INITIALS = text({ max: 4, required: true });
export const ADDRESS = text({ max: 500, required: true, multiline: true });
/** Coupon codes, tags, phone numbers. */
export const CODE = text({ max: 40, required: true });
export const CARRIER = text({ max: 80, required: true });
export const TRACKING = text({ max: 80 });

/** A photo is an attachment name or a web address; never `javascript:`, `data:` or another scheme. */
export const PHOTO = refine(text({ max: 500, required: true }), (s) => {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(s)?.[1]?.toLowerCase();
  return scheme === undefined || scheme === 'https' || scheme === 'http'
    ? undefined
    : `must be an attachment name or an http(s) address, not a "${scheme}:" address`;
});

/* ------------------------------------------------------------------ money and counts */

// 10^10 minor units (a hundred million yuan or dollars) per price or amount: with at most 999 units
// of each of 100 lines, no order total can pass Number.MAX_SAFE_INTEGER, so pricing never overflows.
export const MAX_AMOUNT = 10_000_000_000;
/** A price: more than zero. */
export const PRICE = money(1, MAX_AMOUNT);
/** A top-up, withdrawal or credit: more than zero. */
export const AMOUNT = money(1, MAX_AMOUNT);
/** A fee, threshold or saving the seller sets: zero or more. */
export const FEE = money(0, MAX_AMOUNT);
/** A total the app computed (subtotals, totals, discounts): zero or more, any safe size. */
export const TOTAL = money(0, Number.MAX_SAFE_INTEGER);
/** A ledger posting: either sign. */
export const POSTING_AMOUNT = money(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);

export const QTY = int(1, 999);
/** A count of units in stock or a limit on uses. */
export const MAX_COUNT = 1_000_000_000;
/** Units in stock: what the seller counts on the shelf. */
export const STOCK = int(0, MAX_COUNT);

/** A photo's id (domain/attached-photos.ts): `photo-<uuid>.webp` or `.jpg`. */
const photoRef: Check<string> = (x, path, ctx) => {
  if (!isPhotoRef(x)) ctx.add(path, `must be a photo's id (photo-<uuid>.webp or .jpg), got ${describe(x)}`);
  return x as string;
};

/** The photos an event carries: 1 to 3 photo ids (leave the field out for none), each once. Small: the first screen reads it. */
export const PHOTO_LIST: Check<string[]> = refine(arrayOf(photoRef, 1, MAX_ATTACHED_PHOTOS), (list) => (new Set(list).size === list.length ? undefined : 'must not name the same photo twice'));
