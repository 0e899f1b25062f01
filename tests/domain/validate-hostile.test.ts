import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/domain/result.ts';
import { MAX_ERRORS, validateDecision, validateEvent, validateIntent } from '../../src/domain/validate/index.ts';
import * as fx from './fixtures/events-fixture.ts';

type Doc = Record<string, unknown>;

/** A deep, plain copy (as JSON would bring it), so a case can break it freely. */
const copy = <T>(x: T): Doc => JSON.parse(JSON.stringify(x)) as Doc;
const place = (): Doc => copy(fx.buyerIntents()['order.place']);
const buyer = (kind: keyof ReturnType<typeof fx.buyerIntents>): Doc => copy(fx.buyerIntents()[kind]);
const seller = (kind: keyof ReturnType<typeof fx.sellerCommands>): Doc => copy(fx.sellerCommands()[kind]);
const decision = (kind: keyof ReturnType<typeof fx.decisions>): Doc => copy(fx.decisions()[kind]);
const lines = (d: Doc) => d.lines as Doc[];
const productOf = (d: Doc) => d.product as Doc;

function errorsOf(result: Result<unknown>): string[] {
  if (result.ok) expect.fail('expected the document to be refused, but it passed');
  return result.errors;
}

/** Refused, with (at least) these exact errors. */
function expectRefused(doc: unknown, ...expected: string[]): string[] {
  const errors = errorsOf(validateEvent(doc));
  for (const e of expected) expect(errors, errors.join('\n')).toContain(e);
  return errors;
}

const with_ = (base: Doc, patch: Doc): Doc => ({ ...base, ...patch });

describe('not an event at all', () => {
  it.each([
    ['null', null, 'document: must be an object, got null'],
    ['a string', 'order.place', 'document: must be an object, got text "order.place"'],
    ['a number', 42, 'document: must be an object, got 42'],
    ['an array', [place()], 'document: must be an object, got a list'],
    ['undefined', undefined, 'document: must be an object, got undefined'],
    ['an empty object', {}, 'type: is required'],
    ['an unknown type', { type: 'command' }, 'type: must be one of "intent", "decision", got text "command"'],
  ])('%s', (_name, doc, error) => {
    expect(errorsOf(validateEvent(doc))).toEqual([error]);
  });

  it('a decision is not an intent, nor the other way round', () => {
    expect(errorsOf(validateIntent(decision('order.accepted')))).toEqual(['type: must be one of "intent", got text "decision"']);
    expect(errorsOf(validateDecision(place()))).toEqual(['type: must be one of "decision", got text "intent"']);
  });
});

describe('version and kind', () => {
  it('a newer version asks for an update, and says nothing else', () => {
    expect(errorsOf(validateEvent(with_(place(), { v: 4, lines: 'garbage', extra: 1 })))).toEqual(['v: unsupported version 4; update the app']);
  });
  it.each([[0], ['1'], [1.5], [null]])('v: %j is refused', (v) => {
    expect(errorsOf(validateEvent(with_(place(), { v }))).some((e) => e.startsWith('v: must be 1, 2 or 3, got'))).toBe(true);
  });
  it('unknown kinds, and kinds for the other side', () => {
    expectRefused(with_(place(), { kind: 'order.teleport' }), 'kind: unknown intent kind "order.teleport"');
    expectRefused(with_(place(), { kind: 'order.ship' }), 'kind: "order.ship" is a seller command, not a buyer intent');
    expectRefused(with_(seller('order.ship'), { kind: 'order.place' }), 'kind: "order.place" is a buyer intent, not a seller command');
    expectRefused(with_(place(), { by: 'admin' }), 'by: must be one of "buyer", "seller", got text "admin"');
    expectRefused(with_(decision('order.accepted'), { kind: 'order.teleported' }), 'kind: must be a known decision kind, got text "order.teleported"');
  });
});

describe('missing fields and wrong types', () => {
  it('names each missing field', () => {
    const doc = place();
    delete doc.lines;
    delete doc.id;
    delete doc.sentAt;
    expectRefused(doc, 'lines: is required', 'id: is required', 'sentAt: is required');
    const cancel = buyer('order.cancel');
    delete cancel.orderId;
    expectRefused(cancel, 'orderId: is required');
    const ship = place();
    delete (ship.delivery as Doc).address;
    expectRefused(ship, 'delivery.address: is required');
  });
  it('refuses string numbers, and numbers for strings', () => {
    const doc = place();
    (lines(doc)[0] as Doc).qty = '2';
    doc.expectedTotal = '17650';
    doc.buyer = 7;
    expectRefused(doc, 'lines[0].qty: must be a number, got text "2"', 'expectedTotal: must be a number, got text "17650"', 'buyer: must be an id (letters, digits, ".", "_", ":" or "-", starting with a letter or digit, not too long), got 7');
  });
  it('refuses an array or null where an object belongs', () => {
    expectRefused(with_(place(), { delivery: [] }), 'delivery: must be an object, got a list');
    expectRefused(with_(decision('order.accepted'), { set: null }), 'set: must be an object, got null');
    expectRefused(with_(place(), { lines: { 0: { productId: 'p-tea', qty: 1, mode: 'regular' } } }), 'lines: must be a list, got an object');
  });
});

describe('money', () => {
  const money = 'a whole number of minor units';
  it.each([
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [1e300, '1e+300'],
    [-0.5, '-0.5'],
    [-1, '-1'],
    [2 ** 53, '9007199254740992'],
  ])('expectedTotal %s is refused', (value, shown) => {
    expectRefused(with_(place(), { expectedTotal: value }), `expectedTotal: must be ${money} 0 or more, got ${shown}`);
  });
  it('a top-up, withdrawal or credit is more than zero and at most 10^10', () => {
    expectRefused(with_(buyer('wallet.demo-top-up'), { amount: 0 }), `amount: must be ${money} from 1 to 10000000000, got 0`);
    expectRefused(with_(buyer('withdrawal.request'), { amount: -500 }), `amount: must be ${money} from 1 to 10000000000, got -500`);
    expectRefused(with_(seller('wallet.credit'), { amount: 1e10 + 1 }), `amount: must be ${money} from 1 to 10000000000, got 10000000001`);
  });
  it('a price of zero is refused', () => {
    const doc = seller('product.save');
    productOf(doc).price = 0;
    expectRefused(doc, `product.price: must be ${money} from 1 to 10000000000, got 0`);
  });
});

describe('quantities and domain sense', () => {
  it.each([
    [-1, '-1'],
    [0, '0'],
    [1000, '1000'],
    [1.5, '1.5'],
  ])('qty %s is refused', (qty, shown) => {
    const doc = place();
    (lines(doc)[1] as Doc).qty = qty;
    expectRefused(doc, `lines[1].qty: must be a whole number from 1 to 999, got ${shown}`);
  });
  it('a review is 1 to 5 whole stars', () => {
    for (const rating of [0, 6, 4.5]) {
      expectRefused(with_(buyer('review.write'), { rating }), `rating: must be a whole number from 1 to 5, got ${rating}`);
    }
  });
  it('a team of one, or an endless window, is refused', () => {
    const doc = seller('product.save');
    productOf(doc).team = { price: 9900, size: 1, windowHours: 721 };
    expectRefused(doc, 'product.team.size: must be a whole number from 2 to 100, got 1', 'product.team.windowHours: must be a whole number from 1 to 720, got 721');
  });
  it('a flash sale ending before (or when) it starts, without stock or limit', () => {
    const doc = seller('product.save');
    const flash = productOf(doc).flash as Doc;
    flash.endsAt = (flash.startsAt as number) - 1;
    expectRefused(doc, 'product.flash.endsAt: must be after startsAt');
    flash.endsAt = flash.startsAt;
    expectRefused(doc, 'product.flash.endsAt: must be after startsAt');
    flash.stock = 0;
    flash.perBuyerLimit = 0.5;
    const errors = expectRefused(doc, 'product.flash.stock: must be a whole number from 1 to 1000000000, got 0', 'product.flash.perBuyerLimit: must be a whole number from 1 to 1000000000, got 0.5');
    expect(errors).not.toContain('product.flash.endsAt: must be after startsAt'); // no comparing half-read values
  });
  it('negative stock, odd currency, policies out of range', () => {
    expectRefused(with_(seller('product.save'), { stock: -1 }), 'stock: must be a whole number from 0 to 1000000000, got -1');
    const doc = seller('shop.save');
    const shop = doc.shop as Doc;
    shop.currency = 'cny';
    (shop.policies as Doc).compensationMultiple = 11;
    (shop.policies as Doc).refundWindowDays = 366;
    expectRefused(doc, 'shop.currency: must be a three-letter ISO 4217 code such as "CNY", got "cny"', 'shop.policies.compensationMultiple: must be a whole number from 0 to 10, got 11', 'shop.policies.refundWindowDays: must be a whole number from 0 to 365, got 366');
  });
  it('unions: delivery, payment, team choice', () => {
    expectRefused(with_(place(), { delivery: { kind: 'drone', pointId: 'x' } }), 'delivery.kind: must be one of "ship", "pickup", got text "drone"');
    expectRefused(with_(place(), { delivery: { kind: 'pickup', pointId: 'shop-front', address: 'x' } }), 'delivery: unknown field "address"');
    expectRefused(with_(place(), { payment: 'credit-card' }), 'payment: must be one of "wallet", "on-pickup", got text "credit-card"');
    expectRefused(with_(place(), { team: { action: 'join' } }), 'team.teamId: is required');
    expectRefused(with_(place(), { team: { action: 'start', teamId: 'x' } }), 'team: unknown field "teamId"');
  });
  it('ids and times', () => {
    expectRefused(with_(buyer('order.cancel'), { orderId: '_design/rules' }), 'orderId: must be an id (letters, digits, ".", "_", ":" or "-", starting with a letter or digit, not too long), got text "_design/rules"');
    for (const orderId of ['', 'a b', '-x', 'x'.repeat(1000), 'ord\u0000er', 'заказ']) {
      expectRefused(with_(buyer('order.cancel'), { orderId }), `orderId: must be an id (letters, digits, ".", "_", ":" or "-", starting with a letter or digit, not too long), got text ${JSON.stringify(orderId.length > 40 ? `${orderId.slice(0, 40)}...` : orderId)}`);
    }
    for (const at of [0, 8e12, 1e300, -1, 1.5]) {
      expectRefused(with_(buyer('order.cancel'), { at }), `at: must be a time in whole milliseconds between 2000-01-01 and 2200-01-01, got ${at}`);
    }
    expectRefused(with_(buyer('order.cancel'), { sentAt: '2025-11-11' }), 'sentAt: must be a number, got text "2025-11-11"');
  });
});

describe('hostile keys and unknown fields', () => {
  /** Adds an own `key` to the JSON text of a (sub)object, as JSON.parse does for "__proto__". */
  const withOwnKey = (doc: Doc, key: string): Doc => JSON.parse(JSON.stringify(doc).replace(/^\{/, `{"${key}":{"admin":true},`)) as Doc;

  it('an own __proto__ key, at the top or nested, is refused', () => {
    const doc = withOwnKey(place(), '__proto__');
    expect(Object.hasOwn(doc, '__proto__')).toBe(true);
    expectRefused(doc, 'document: field "__proto__" is not allowed');
    const nested = place();
    nested.delivery = withOwnKey(nested.delivery as Doc, '__proto__');
    expectRefused(nested, 'delivery: field "__proto__" is not allowed');
    const line = place();
    lines(line)[0] = withOwnKey(lines(line)[0] as Doc, 'constructor');
    expectRefused(line, 'lines[0]: field "constructor" is not allowed');
    expectRefused(withOwnKey(decision('shop.saved'), 'prototype'), 'document: field "prototype" is not allowed');
  });
  it('refuses unknown fields, top-level or nested, and CouchDB fields below the top', () => {
    expectRefused(with_(place(), { admin: true }), 'document: unknown field "admin"');
    expectRefused(with_(place(), { _secret: 1 }), 'document: unknown field "_secret"');
    const doc = seller('product.save');
    productOf(doc)._id = 'p-tea';
    productOf(doc).discount = 50;
    expectRefused(doc, 'product: unknown field "_id"', 'product: unknown field "discount"');
    // Fields a seller command does not have, even if a buyer intent does.
    expectRefused(with_(seller('order.ready'), { sentAt: fx.T0 }), 'document: unknown field "sentAt"');
  });
  it('allows and drops CouchDB fields on the top-level document', () => {
    const doc = with_(place(), { _id: 'x', _rev: '2-a', _deleted: true, _conflicts: ['1-b'], _attachments: {}, _revisions: {} });
    const result = validateEvent(doc);
    expect(result.ok && Object.keys(result.value).some((k) => k.startsWith('_'))).toBe(false);
    expect(result.ok).toBe(true);
  });
});

describe('sizes and text', () => {
  it('bounds lists', () => {
    const line = { productId: 'p-tea', qty: 1, mode: 'regular' };
    expectRefused(with_(place(), { lines: [] }), 'lines: must have 1 to 100 items, got 0');
    expectRefused(with_(place(), { lines: Array.from({ length: 101 }, () => line) }), 'lines: must have 1 to 100 items, got 101');
    const started = Date.now();
    expectRefused(with_(place(), { lines: new Array(1_000_000).fill(line) }), 'lines: must have 1 to 100 items, got 1000000');
    expect(Date.now() - started).toBeLessThan(500);
    const product = seller('product.save');
    productOf(product).photos = Array.from({ length: 13 }, (_, i) => `p${i}.jpg`);
    productOf(product).tags = Array.from({ length: 21 }, (_, i) => `t${i}`);
    expectRefused(product, 'product.photos: must have at most 12 items, got 13', 'product.tags: must have at most 20 items, got 21');
    const posting = { account: 'cash', amount: 0 };
    expectRefused(with_(decision('wallet.credited'), { postings: Array.from({ length: 65 }, () => posting) }), 'postings: must have at most 64 items, got 65');
    const orders = Array.from({ length: 1001 }, () => fx.order());
    expectRefused(with_(decision('order.shipped'), { set: { orders } }), 'set.orders: must have at most 1000 items, got 1001');
  });
  it('bounds text: a 100 KB reason, a long name', () => {
    expectRefused(with_(buyer('refund.request'), { reason: 'x'.repeat(100_000) }), 'reason: must be at most 2000 characters, got 100000');
    const doc = seller('product.save');
    productOf(doc).name = 'n'.repeat(121);
    expectRefused(doc, 'product.name: must be at most 120 characters, got 121');
  });
  it('refuses control characters (new lines and tabs only in long text), blank names, lone surrogates', () => {
    expect(validateEvent(with_(buyer('refund.request'), { reason: 'line one\nline two\ttabbed' })).ok).toBe(true);
    expectRefused(with_(buyer('refund.request'), { reason: 'bell\u0007' }), 'reason: must not contain control characters other than new lines and tabs');
    const doc = seller('product.save');
    productOf(doc).name = 'Tea\nhidden';
    expectRefused(doc, 'product.name: must not contain control characters or new lines');
    productOf(doc).name = 'Tea\u0000';
    expectRefused(doc, 'product.name: must not contain control characters or new lines');
    productOf(doc).name = '   ';
    expectRefused(doc, 'product.name: must not be blank');
    expectRefused(with_(buyer('review.write'), { text: 'broken \uD800 text' }), 'text: must not contain broken Unicode (a lone surrogate)');
  });
  it('refuses photo references with a dangerous scheme', () => {
    const doc = seller('product.save');
    productOf(doc).photos = ['javascript:alert(1)'];
    expectRefused(doc, 'product.photos[0]: must be an attachment name or an http(s) address, not a "javascript:" address');
  });
  it(`caps the errors at ${MAX_ERRORS}`, () => {
    const bad = { productId: '', qty: 0, mode: 'x' };
    const errors = errorsOf(validateEvent(with_(place(), { lines: Array.from({ length: 100 }, () => bad) })));
    expect(errors).toHaveLength(MAX_ERRORS + 1);
    expect(errors.at(-1)).toBe(`stopped after ${MAX_ERRORS} errors`);
  });
});
