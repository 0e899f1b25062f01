import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/domain/result.ts';
import { MAX_ERRORS, validateEvent } from '../../src/domain/validate/index.ts';
import * as fx from './fixtures/events-fixture.ts';

/** Every valid example in the fixture, as plain JSON. */
const examples: unknown[] = JSON.parse(
  JSON.stringify([
    ...Object.values(fx.buyerIntents()),
    ...fx.teamOrderIntents(),
    ...Object.values(fx.sellerCommands()),
    ...Object.values(fx.decisions()),
    ...fx.optionEvents(),
  ]),
) as unknown[];

/** A well-formed answer: ok with a value, or a short list of non-empty messages, none an internal failure. */
function expectResult(result: Result<unknown>): void {
  if (result.ok) {
    expect(result.value).toBeTypeOf('object');
    return;
  }
  expect(result.errors.length).toBeGreaterThan(0);
  expect(result.errors.length).toBeLessThanOrEqual(MAX_ERRORS + 1);
  for (const e of result.errors) {
    expect(e).toBeTypeOf('string');
    expect(e.length).toBeLessThan(400);
  }
  // "could not be read" is only for exotic objects; on JSON it would mean a bug in the validators.
  expect(result.errors).not.toContain('document: could not be read');
}

type Path = (string | number)[];

/** Every path to a value inside `x` (objects and arrays), the root excluded. */
function paths(x: unknown, at: Path = []): Path[] {
  if (typeof x !== 'object' || x === null) return [];
  const keys: (string | number)[] = Array.isArray(x) ? x.map((_, i) => i) : Object.keys(x);
  return keys.flatMap((k) => [[...at, k], ...paths((x as Record<string | number, unknown>)[k], [...at, k])]);
}

/** A deep copy of `doc` with the value at `path` deleted (if `replacement` is absent) or replaced. */
function mutate(doc: unknown, path: Path, replace: boolean, replacement: unknown): unknown {
  const out = JSON.parse(JSON.stringify(doc)) as unknown;
  let parent = out as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (replace) parent[last] = replacement;
  else if (Array.isArray(parent)) parent.splice(last as number, 1);
  else delete parent[last];
  return out;
}

const weird = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 1e300, -0.5, 2 ** 53, '', 'x'.repeat(5000), '\u0000', '\uD800', [], {}, null),
  fc.constantFrom(JSON.parse('{"__proto__":{"polluted":true}}') as unknown, JSON.parse('{"constructor":{"prototype":{}}}') as unknown),
);

describe('validateEvent never throws', () => {
  it('on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (doc) => {
        expectResult(validateEvent(doc));
      }),
      { numRuns: 2000 },
    );
  });

  it('on any JSON object that looks a little like an event', () => {
    const eventish = fc.record(
      {
        id: fc.oneof(fc.string(), fc.constant('evt-1')),
        v: fc.oneof(fc.constant(1), fc.jsonValue()),
        at: fc.oneof(fc.constant(fx.T0), fc.jsonValue()),
        type: fc.constantFrom('intent', 'decision', 'other'),
        by: fc.constantFrom('buyer', 'seller', 'x'),
        kind: fc.constantFrom('order.place', 'order.accepted', 'wallet.credit', 'shop.save', 'x'),
        buyer: fc.jsonValue(),
        postings: fc.jsonValue(),
        set: fc.jsonValue(),
        lines: fc.jsonValue(),
      },
      { requiredKeys: [] },
    );
    fc.assert(fc.property(eventish, (doc) => expectResult(validateEvent(doc))), { numRuns: 2000 });
  });

  it('on valid events with a field deleted or replaced anywhere', () => {
    const mutation = fc
      .nat({ max: examples.length - 1 })
      .chain((i) => {
        const doc = examples[i];
        const all = paths(doc);
        return fc.tuple(fc.constant(doc), fc.constantFrom(...all), fc.boolean(), weird);
      });
    fc.assert(
      fc.property(mutation, ([doc, path, replace, replacement]) => {
        expectResult(validateEvent(mutate(doc, path, replace, replacement)));
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves Object.prototype alone', () => {
    for (const doc of examples) validateEvent(JSON.parse(JSON.stringify(doc).replace(/^\{/, '{"__proto__":{"polluted":true},')));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
