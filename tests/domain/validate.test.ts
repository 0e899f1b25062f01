import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/domain/result.ts';
import {
  validateDecision,
  validateEvent,
  validateIntent,
  validateInventory,
  validateProduct,
  validatePromotion,
  validateShopProfile,
} from '../../src/domain/validate/index.ts';
import * as fx from './fixtures/events-fixture.ts';

/** As it arrives from CouchDB: parsed from JSON, with the server's own fields. */
function fromCouch(value: object): Record<string, unknown> {
  const doc = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  return { _id: doc.id ?? 'doc', _rev: '1-9f1c2b3a', ...doc, _revisions: { start: 1, ids: ['9f1c2b3a'] } };
}

function expectRoundTrip<T>(value: object, validate: (doc: unknown) => Result<T>): T {
  const doc = fromCouch(value);
  const result = validate(doc);
  if (!result.ok) expect.fail(`expected valid, got:\n${result.errors.join('\n')}`);
  expect(result.value).toStrictEqual(value);
  expect(result.value).not.toBe(doc);
  expect(Object.keys(result.value as object).filter((k) => k.startsWith('_'))).toEqual([]);
  return result.value;
}

describe('valid events pass and round-trip', () => {
  for (const [kind, intent] of Object.entries(fx.buyerIntents())) {
    it(`buyer intent ${kind}`, () => {
      expectRoundTrip(intent, validateIntent);
      expectRoundTrip(intent, validateEvent);
    });
  }
  it('order.place with pickup, pay on pickup and a team (start and join)', () => {
    for (const intent of fx.teamOrderIntents()) expectRoundTrip(intent, validateEvent);
  });
  for (const [kind, command] of Object.entries(fx.sellerCommands())) {
    it(`seller command ${kind}`, () => {
      expectRoundTrip(command, validateIntent);
      expectRoundTrip(command, validateEvent);
    });
  }
  for (const [kind, decision] of Object.entries(fx.decisions())) {
    it(`decision ${kind}`, () => {
      expectRoundTrip(decision, validateDecision);
      expectRoundTrip(decision, validateEvent);
    });
  }
  it('events of version 2, with options: a product save, an order for combinations, its decisions', () => {
    for (const event of fx.optionEvents()) expectRoundTrip(event, validateEvent);
    expectRoundTrip(fx.optionProduct(), validateProduct);
  });
});

describe('catalog validators for forms and import', () => {
  it('accepts a shop profile, products, promotions and inventory', () => {
    expectRoundTrip(fx.shop(), validateShopProfile);
    expectRoundTrip(fx.product(), validateProduct);
    expectRoundTrip(fx.plainProduct(), validateProduct);
    expectRoundTrip(fx.thresholdPromotion(), validatePromotion);
    expectRoundTrip(fx.couponPromotion(), validatePromotion);
    expectRoundTrip({ ...fx.couponPromotion(), save: { kind: 'amount', amount: 500 } }, validatePromotion);
    const openEnded: Record<string, unknown> = { ...fx.thresholdPromotion() };
    delete openEnded.startsAt;
    delete openEnded.endsAt;
    expectRoundTrip(openEnded, validatePromotion);
    expectRoundTrip(fx.inventory(), validateInventory);
  });
});

describe('the value is a clean copy', () => {
  it('shares no object with the input, so later changes to the input cannot reach it', () => {
    const doc = fromCouch(fx.buyerIntents()['order.place']);
    const result = validateIntent(doc);
    if (!result.ok || result.value.kind !== 'order.place') return expect.fail('expected a valid order');
    const lines = doc.lines as { qty: number }[];
    expect(result.value.lines).not.toBe(lines);
    expect(result.value.lines[0]).not.toBe(lines[0]);
    expect(result.value.delivery).not.toBe(doc.delivery);
    (lines[0] as { qty: number }).qty = 5000;
    expect(result.value.lines[0]?.qty).toBe(2);
  });

  it('normalises -0 to 0', () => {
    const result = validateInventory({ ...fx.inventory(), flashSold: -0 });
    expect(result.ok && Object.is(result.value.flashSold, 0)).toBe(true);
  });

  it('refuses getters rather than calling them twice', () => {
    const doc: Record<string, unknown> = fromCouch(fx.buyerIntents()['withdrawal.request']);
    let reads = 0;
    Object.defineProperty(doc, 'amount', { enumerable: true, get: () => (++reads === 1 ? 100 : -1e12) });
    const result = validateIntent(doc);
    expect(result).toEqual({ ok: false, errors: ['amount: must be a plain value, not a getter'] });
    expect(reads).toBe(0);
  });

  it('refuses objects that are not plain (class instances, Dates, Maps)', () => {
    expect(validateProduct(new Date(0))).toEqual({ ok: false, errors: ['document: must be a plain object, as JSON gives'] });
    class Sneaky {
      id = 'p-tea';
    }
    expect(validateProduct(new Sneaky()).ok).toBe(false);
    expect(validateEvent(Object.create(null) as object).ok).toBe(false); // null prototype is plain, but empty
  });

  it('never throws, even on a Proxy whose traps throw', () => {
    const trap = () => {
      throw new Error('boom');
    };
    const hostile = new Proxy({}, { ownKeys: trap, getOwnPropertyDescriptor: trap, getPrototypeOf: () => Object.prototype });
    expect(validateEvent(hostile)).toEqual({ ok: false, errors: ['document: could not be read'] });
  });
});
