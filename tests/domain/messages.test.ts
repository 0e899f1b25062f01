// Messages and read receipts (src/domain/messages.ts) and their validator: clear refusals for an
// empty message, a long one, one written as someone else; hostile documents refused field by field.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  floodProblem, intentVersion, MESSAGE_LIMITS, MESSAGE_VERSION, makeMessage, makeReceipt, messageStateOf, messageVersion, snapshotsVersion,
  type BuyerId, type EventId, type ProductId,
} from '../../src/domain/index.ts';
import { validateMessage } from '../../src/domain/validate/messages.ts';

const ann = 'ann' as BuyerId;
const bo = 'bo' as BuyerId;
const T = 1_700_000_000_000;
const base = { id: 'm-1' as EventId, v: MESSAGE_VERSION, now: T };

describe('makeMessage', () => {
  it('makes a buyer message in their own conversation, trimmed, with a product card', () => {
    const r = makeMessage({ ...base, writer: { side: 'buyer', buyer: ann }, buyer: ann, text: '  Is it fresh?\r\nThanks ', about: { product: 'tea' as ProductId } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual({
      id: 'm-1', v: 1, at: T, type: 'message', kind: 'message.send', from: 'buyer', buyer: ann, sentAt: T, text: 'Is it fresh?\nThanks', about: { product: 'tea' },
    });
    expect(validateMessage(r.value)).toEqual({ ok: true, value: r.value });
  });

  it('refuses an empty message, one over 2,000 characters and one written as someone else, saying which', () => {
    const problem = (text: string, writer = { side: 'buyer' as const, buyer: ann }, buyer = ann) => {
      const r = makeMessage({ ...base, writer, buyer, text });
      return r.ok ? 'ok' : (r as { problem: string }).problem;
    };
    expect(problem('   \n ')).toBe('empty');
    expect(problem('x'.repeat(2000))).toBe('ok');
    expect(problem('x'.repeat(2001))).toBe('too-long');
    expect(problem('x'.repeat(100_000))).toBe('too-long');
    expect(problem('hello', { side: 'buyer', buyer: ann }, bo)).toBe('wrong-author');
    expect(problem('hello', { side: 'seller' } as never, bo)).toBe('ok');
  });

  it('keeps HTML as text (the UI never renders it as markup)', () => {
    const r = makeMessage({ ...base, writer: { side: 'seller' }, buyer: ann, text: '<img src=x onerror=alert(1)>' });
    expect(r.ok && r.value.text).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('read receipts and message state', () => {
  it('a buyer marks only their own conversation read', () => {
    expect(makeReceipt({ ...base, writer: { side: 'buyer', buyer: ann }, buyer: ann, upTo: T }).ok).toBe(true);
    expect(makeReceipt({ ...base, writer: { side: 'buyer', buyer: ann }, buyer: bo, upTo: T }).ok).toBe(false);
    const seller = makeReceipt({ ...base, writer: { side: 'seller' }, buyer: bo, upTo: T });
    expect(seller.ok && validateMessage(seller.value).ok).toBe(true);
  });

  it('is queued on the device, sent, then read once the other side read up to it', () => {
    expect(messageStateOf({ at: T }, true, T + 5)).toBe('queued');
    expect(messageStateOf({ at: T }, false, undefined)).toBe('sent');
    expect(messageStateOf({ at: T }, false, T - 1)).toBe('sent');
    expect(messageStateOf({ at: T }, false, T)).toBe('read');
  });
});

describe('validateMessage', () => {
  const good = { _id: 'm-1', _rev: '1-a', id: 'm-1', v: 1, at: T, type: 'message', kind: 'message.send', from: 'buyer', buyer: 'ann', sentAt: T, text: 'hi' };
  const errors = (doc: unknown) => {
    const r = validateMessage(doc);
    return r.ok ? [] : r.errors;
  };

  it('drops CouchDB fields and accepts a good one', () => {
    const clean: Record<string, unknown> = { ...good };
    delete clean._id;
    delete clean._rev;
    expect(validateMessage(good)).toEqual({ ok: true, value: clean });
  });

  it('refuses bad documents field by field', () => {
    expect(errors({ ...good, text: '' })).toEqual(['text: must not be blank']);
    expect(errors({ ...good, text: 'y'.repeat(100_000) })).toEqual(['text: must be at most 2000 characters, got 100000']);
    expect(errors({ ...good, from: 'shop' })[0]).toMatch(/^from:/);
    expect(errors({ ...good, kind: 'message.edit' })[0]).toMatch(/^kind:/);
    expect(errors({ ...good, about: { product: 'tea', order: 'o1' } })).toEqual(['about: unknown field "order"']);
    expect(errors({ ...good, about: {} })).toEqual(['about: must name a product, an order or a coupon']);
    expect(errors({ ...good, extra: 1 })).toEqual(['document: unknown field "extra"']);
    expect(errors({ ...good, v: 99 })).toEqual(['v: unsupported version 99; update the app']);
    expect(errors({ ...good, kind: 'message.read' })).toEqual(['upTo: is required', 'document: unknown field "text"']);
  });
});

describe('floodProblem', () => {
  it('a writer who sends whenever allowed never has more than a limit in any window, and is let go at retryAt', () => {
    // Attempts at random gaps (bursts and pauses); each is sent if allowed, else checked at its retryAt.
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 120_000 }), { minLength: 1, maxLength: 400 }), (gaps) => {
      const sent: number[] = [];
      let now = T;
      for (const gap of gaps) {
        now += gap;
        const problem = floodProblem(sent, now);
        if (problem === undefined) {
          sent.push(now);
          continue;
        }
        expect(problem.retryAt).toBeGreaterThan(now);
        expect(floodProblem(sent, problem.retryAt)).toBeUndefined();
        expect(floodProblem(sent, problem.retryAt - 1)).toBeDefined();
      }
      for (const { count, perMs } of MESSAGE_LIMITS) {
        for (let i = 0; i + count < sent.length; i++) expect(sent[i + count]! - sent[i]!).toBeGreaterThanOrEqual(perMs);
      }
    }));
  });

  it('counts only the window: old messages and the order given do not matter', () => {
    const old = Array.from({ length: 50 }, (_, i) => T - 2 * 60 * 60_000 + i);
    expect(floodProblem(old, T)).toBeUndefined();
    const burst = Array.from({ length: 10 }, (_, i) => T - i * 1000);
    expect(floodProblem(burst, T)).toEqual({ problem: 'too-fast', retryAt: T - 9000 + 60_000 });
    expect(floodProblem([...burst].reverse(), T)).toEqual({ problem: 'too-fast', retryAt: T - 9000 + 60_000 });
    expect(floodProblem(burst.slice(1), T)).toBeUndefined();
  });
});


describe('attachments make version 3 (event-base.ts ATTACHMENTS_VERSION)', () => {
  it("stamps a coupon card or photos as version 3, plain text as 1, and the validator holds each to it", () => {
    const coupon = makeMessage({ ...base, writer: { side: 'seller' }, buyer: ann, text: 'For your next order', about: { coupon: 'WELCOME10' } });
    expect(coupon).toMatchObject({ ok: true, value: { v: 3, about: { coupon: 'WELCOME10' } } });
    const plain = makeMessage({ ...base, writer: { side: 'seller' }, buyer: ann, text: 'Hello', about: { product: 'tea' as ProductId } });
    expect(plain).toMatchObject({ ok: true, value: { v: 1 } });
    if (!coupon.ok) throw new Error('no message');
    expect(validateMessage(coupon.value)).toMatchObject({ ok: true });
    // A coupon card in a version 1 message: an older app could not say why, so it is refused here too.
    expect(validateMessage({ ...coupon.value, v: 1 })).toMatchObject({ ok: false, errors: [expect.stringMatching(/^about\.coupon: needs an event of version 3/)] });
    expect(validateMessage({ ...coupon.value, about: { coupon: '' } }).ok).toBe(false);
    expect(validateMessage({ ...coupon.value, about: { coupon: 'X'.repeat(41) } }).ok).toBe(false);
    expect(validateMessage({ ...coupon.value, v: 2 }).ok).toBe(false);
  });

  it('stamps a review or a claim with photos, and a decision keeping them, as version 3', () => {
    const photos = ['photo-0190a0b0-0000-7000-8000-000000000001.webp'];
    expect(intentVersion({ kind: 'review.write', orderId: 'o-1', rating: 5, text: 'Good', photos })).toBe(3);
    expect(intentVersion({ kind: 'review.write', orderId: 'o-1', rating: 5, text: 'Good' })).toBe(1);
    expect(intentVersion({ kind: 'claim.file', orderId: 'o-1', reason: 'Fake', photos })).toBe(3);
    const review = { id: 'r-1' as EventId, productIds: ['tea' as ProductId], rating: 5, text: 'Good', at: T };
    expect(snapshotsVersion({ reviews: [{ ...review, photos }] })).toBe(3);
    expect(snapshotsVersion({ reviews: [review] })).toBe(1);
    expect(messageVersion({ photos })).toBe(3);
    expect(messageVersion()).toBe(1);
  });
});
