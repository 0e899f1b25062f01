import { fail, ok, type Result } from '../result.ts';

/**
 * A tiny, hand-written kit for checking untrusted JSON. A `Check<T>` looks at a value found
 * at `path` (such as `lines[2].qty`), reports what is wrong to the `Ctx`, and returns a new,
 * clean `T` built only from what it read. When it has reported an error, what it returns is
 * meaningless and must not be looked at: the caller decides by `Ctx.count`, never by value.
 */
export type Check<T> = (x: unknown, path: string, ctx: Ctx) => T;

export const MAX_ERRORS = 20;

export class Ctx {
  readonly errors: string[] = [];
  /** Every error found, including those past the cap: compare before and after a check. */
  count = 0;
  /** The version of the event being read, once read (see `optionsField`); undefined for a document that is not an event. */
  version: number | undefined;

  add(path: string, message: string): void {
    this.count += 1;
    if (this.errors.length < MAX_ERRORS) this.errors.push(`${path === '' ? 'document' : path}: ${message}`);
    else if (this.errors.length === MAX_ERRORS) this.errors.push(`stopped after ${MAX_ERRORS} errors`);
  }

  /** Past the cap: loops may stop looking. */
  get full(): boolean {
    return this.count > MAX_ERRORS;
  }
}

/** Runs a check on a whole document. Never throws: a document that cannot even be read fails. */
export function run<T>(doc: unknown, check: Check<T>): Result<T> {
  const ctx = new Ctx();
  let value: T;
  try {
    value = check(doc, '', ctx);
  } catch {
    // Only reachable through exotic objects (a Proxy whose traps throw); JSON never gets here.
    return fail('document: could not be read');
  }
  return ctx.count === 0 ? ok(value) : fail(...ctx.errors);
}

/** What a failed check returns: never looked at, as the errors say the value is unusable. */
export function none<T>(): T {
  return undefined as unknown as T;
}

export const child = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);

/** A short, safe description of a bad value for a message (never the whole of a huge string). */
export function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'a list';
  if (typeof x === 'number') return Object.is(x, -0) ? '-0' : String(x);
  if (typeof x === 'string') return `text ${quote(x)}`;
  if (typeof x === 'boolean') return String(x);
  if (typeof x === 'object') return 'an object';
  return typeof x;
}

export function quote(s: string): string {
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}...` : s);
}

/* ------------------------------------------------------------------ objects */

/** Keys that can poison an object when code later merges or indexes with them. */
const HOSTILE = new Set(['__proto__', 'constructor', 'prototype']);
/** CouchDB's own fields: allowed on a top-level document and never copied into the value. */
const COUCH = new Set(['_id', '_rev', '_conflicts', '_deleted', '_revisions', '_attachments']);

function isPlainObject(x: unknown): x is object {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto: unknown = Object.getPrototypeOf(x);
  // Object.prototype (of any realm) or none: refuses Date, Map, class instances and the like.
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** Reads the fields of one object, remembering which were read so that `end` can refuse the rest. */
export class Fields {
  private readonly read = new Set<string>();

  constructor(
    private readonly src: object | undefined,
    readonly path: string,
    private readonly ctx: Ctx,
    private readonly top: boolean,
  ) {}

  /** The raw value of a field, without checking or marking it as read. Only for dispatching. */
  peek(key: string): unknown {
    if (this.src === undefined) return undefined;
    const d = Object.getOwnPropertyDescriptor(this.src, key);
    return d !== undefined && 'value' in d ? (d.value as unknown) : undefined;
  }

  private take(key: string): { found: boolean; value: unknown } {
    this.read.add(key);
    const d = this.src === undefined ? undefined : Object.getOwnPropertyDescriptor(this.src, key);
    if (d === undefined) return { found: false, value: undefined };
    if (!('value' in d)) {
      this.ctx.add(child(this.path, key), 'must be a plain value, not a getter');
      return { found: false, value: undefined };
    }
    return { found: d.value !== undefined, value: d.value as unknown };
  }

  req<T>(key: string, check: Check<T>): T {
    if (this.src === undefined) return none();
    const before = this.ctx.count;
    const { found, value } = this.take(key);
    if (!found) {
      if (this.ctx.count === before) this.ctx.add(child(this.path, key), 'is required');
      return none();
    }
    return check(value, child(this.path, key), this.ctx);
  }

  /** An optional field, ready to spread: `{}` when absent, `{ key: value }` when present. */
  opt<K extends string, T>(key: K, check: Check<T>): { [P in K]?: T } {
    if (this.src === undefined) return {};
    const { found, value } = this.take(key);
    if (!found) return {};
    return { [key]: check(value, child(this.path, key), this.ctx) } as { [P in K]?: T };
  }

  /** Refuses every field not read; returns `value` for convenience. */
  end<T>(value: T): T {
    if (this.src === undefined) return value;
    for (const key of Object.getOwnPropertyNames(this.src)) {
      if (this.ctx.full) break;
      if (this.read.has(key) || HOSTILE.has(key) || (this.top && COUCH.has(key))) continue;
      this.ctx.add(this.path, `unknown field ${quote(key)}`);
    }
    return value;
  }
}

/** Starts reading an object. `top` allows (and drops) CouchDB's own `_id`, `_rev` and so on. */
export function fields(x: unknown, path: string, ctx: Ctx, top = false): Fields {
  if (!isPlainObject(x)) {
    const plain = typeof x === 'object' && x !== null && !Array.isArray(x);
    ctx.add(path, plain ? 'must be a plain object, as JSON gives' : `must be an object, got ${describe(x)}`);
    return new Fields(undefined, path, ctx, top);
  }
  for (const key of Object.getOwnPropertyNames(x)) {
    if (HOSTILE.has(key)) ctx.add(path, `field ${quote(key)} is not allowed`);
  }
  if (Object.getOwnPropertySymbols(x).length > 0) ctx.add(path, 'must not have symbol keys');
  return new Fields(x, path, ctx, top);
}

/* ------------------------------------------------------------------ lists */

export function arrayOf<T>(item: Check<T>, min: number, max: number): Check<T[]> {
  return (x, path, ctx) => {
    if (!Array.isArray(x)) {
      ctx.add(path, `must be a list, got ${describe(x)}`);
      return none();
    }
    if (x.length < min || x.length > max) {
      const want = min === 0 ? `at most ${max}` : `${min} to ${max}`;
      ctx.add(path, `must have ${want} items, got ${x.length}`);
      return none();
    }
    const out: T[] = [];
    for (let i = 0; i < x.length && !ctx.full; i++) {
      const p = `${path}[${i}]`;
      const d = Object.getOwnPropertyDescriptor(x, i);
      if (d === undefined || !('value' in d)) ctx.add(p, d === undefined ? 'is missing' : 'must be a plain value, not a getter');
      else out.push(item(d.value as unknown, p, ctx));
    }
    return out;
  };
}

/** Reports items whose `key` repeats an earlier one's (a snapshot or a profile lists each thing once). */
export function unique<T>(items: readonly T[], key: (t: T) => string, path: string, field: string, ctx: Ctx): void {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const k = key(item);
    const j = first.get(k);
    if (j === undefined) first.set(k, i);
    else ctx.add(`${path}[${i}].${field}`, `repeats ${path}[${j}].${field} ${quote(k)}`);
  });
}

/** Runs `test` on a value that passed `check`; `test` returns a problem or undefined. */
export function refine<T>(check: Check<T>, test: (v: T) => string | undefined): Check<T> {
  return (x, path, ctx) => {
    const before = ctx.count;
    const v = check(x, path, ctx);
    if (ctx.count === before) {
      const problem = test(v);
      if (problem !== undefined) ctx.add(path, problem);
    }
    return v;
  };
}
