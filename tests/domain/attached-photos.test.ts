// Photos on messages, reviews and claims (src/domain/attached-photos.ts): the limits (a
// non-image, too many, too big), a message of photos alone, the validators of what arrives, and
// the authority carrying a review's photos to the published review and a claim's to the order.
import { describe, expect, it } from 'vitest';
import {
  ATTACHED_PHOTO_MAX_BYTES, MAX_ATTACHED_PHOTOS, makeMessage, MESSAGE_VERSION, pickedPhotoProblem, photoListProblems, publicReview,
  SOURCE_PHOTO_MAX_BYTES, storedPhotoProblem, type BuyerId, type EventId, type OrderId,
} from '../../src/domain/index.ts';
import { validateDecision, validateIntent } from '../../src/domain/validate/index.ts';
import { validateMessage } from '../../src/domain/validate/messages.ts';
import { DAY, HOUR, buyer, fund, intent, line, m, openShop, order, orderOf, product, run, seller, SHIP, T0 } from './fixtures/shop.ts';

const ann = buyer('ann');
const photo = (n: number, ext = 'webp') => `photo-0190a3b4-0000-7000-8000-${String(n).padStart(12, '0')}.${ext}`;
const base = { id: 'm-1' as EventId, v: MESSAGE_VERSION, now: T0, writer: { side: 'buyer' as const, buyer: ann }, buyer: ann as BuyerId };

describe('the limits of an attached photo', () => {
  it('refuses a picked file that says it is not a picture, one too many, one too big; takes a picker that says nothing', () => {
    expect(pickedPhotoProblem({ type: 'image/jpeg', size: 3_000_000 }, 0)).toBeUndefined();
    expect(pickedPhotoProblem({ type: '', size: 3_000_000 }, 2)).toBeUndefined();
    expect(pickedPhotoProblem({ type: 'application/pdf', size: 10 }, 0)).toBe('not-an-image');
    expect(pickedPhotoProblem({ type: 'text/html', size: 10 }, 0)).toBe('not-an-image');
    expect(pickedPhotoProblem({ type: 'image/png', size: 10 }, MAX_ATTACHED_PHOTOS)).toBe('too-many');
    expect(pickedPhotoProblem({ type: 'image/png', size: SOURCE_PHOTO_MAX_BYTES + 1 }, 0)).toBe('too-big');
  });

  it('stores only a WebP or JPEG within the bound', () => {
    expect(storedPhotoProblem({ type: 'image/webp', bytes: 140_000 })).toBeUndefined();
    expect(storedPhotoProblem({ type: 'image/jpeg', bytes: ATTACHED_PHOTO_MAX_BYTES })).toBeUndefined();
    expect(storedPhotoProblem({ type: 'image/jpeg', bytes: ATTACHED_PHOTO_MAX_BYTES + 1 })).toBe('too-big');
    expect(storedPhotoProblem({ type: 'image/svg+xml', bytes: 100 })).toBe('not-an-image');
  });

  it('names what is wrong with a list of photo ids', () => {
    expect(photoListProblems([photo(1), photo(2, 'jpg'), photo(3)])).toEqual([]);
    expect(photoListProblems([photo(1), photo(2), photo(3), photo(4)])).toEqual(['at most 3 photos, got 4']);
    expect(photoListProblems(['../secret', photo(1)])).toEqual(["[0]: must be a photo's id (photo-<uuid>.webp or .jpg)"]);
    expect(photoListProblems([photo(1), photo(1)])).toEqual(['the same photo twice']);
    expect(photoListProblems(['photos/tea.svg'])).toHaveLength(1);
  });
});

describe('a message with photos', () => {
  it('may say nothing beside its photos, and reads back as it was made', () => {
    const r = makeMessage({ ...base, text: '  ', photos: [photo(1)] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ kind: 'message.send', text: '', photos: [photo(1)] });
    expect(validateMessage(r.value)).toEqual({ ok: true, value: r.value });
  });

  it('has no photos field when it has none (it reads as before)', () => {
    const r = makeMessage({ ...base, text: 'hi', photos: [] });
    expect(r.ok && 'photos' in r.value).toBe(false);
  });

  it('refuses no text and no photo, more than 3 photos, and something that is not a photo id', () => {
    const problem = (text: string, photos: string[]) => {
      const r = makeMessage({ ...base, text, photos });
      return r.ok ? 'ok' : (r as { problem: string }).problem;
    };
    expect(problem('', [])).toBe('empty');
    expect(problem('look', [photo(1), photo(2), photo(3)])).toBe('ok');
    expect(problem('look', [photo(1), photo(2), photo(3), photo(4)])).toBe('too-many-photos');
    expect(problem('look', ['https://evil.example/x.png'])).toBe('too-many-photos');
  });

  it('is set aside when it arrives with an empty text and no photo, too many, or a bad id', () => {
    const ok = { id: 'm-2', v: 3, at: T0, type: 'message', kind: 'message.send', from: 'buyer', buyer: 'ann', sentAt: T0, text: '', photos: [photo(1)] };
    expect(validateMessage(ok).ok).toBe(true);
    // Photos make a message of version 3: one saying 1 is refused, so an older app's "update the app" is the only word it gets.
    expect(validateMessage({ ...ok, v: 1 })).toMatchObject({ ok: false, errors: [expect.stringMatching(/^photos: needs an event of version 3/)] });
    expect(validateMessage(Object.fromEntries(Object.entries(ok).filter(([key]) => key !== 'photos'))).ok).toBe(false);
    expect(validateMessage({ ...ok, photos: [] }).ok).toBe(false);
    expect(validateMessage({ ...ok, photos: [photo(1), photo(2), photo(3), photo(4)] }).ok).toBe(false);
    expect(validateMessage({ ...ok, photos: ['javascript:alert(1)'] }).ok).toBe(false);
    expect(validateMessage({ ...ok, photos: photo(1) }).ok).toBe(false);
  });
});

describe('reviews and claims with photos', () => {
  function received() {
    const s0 = fund(openShop([{ product: product('vase', { price: m(1000) }), stock: 5 }]), { ann: 10_000 });
    const o = order(ann, T0 + 1000, [line('vase')], 1800, { delivery: SHIP });
    const id = o.id as string as OrderId;
    const shipped = run(s0, [o, seller('order.ship', { orderId: id, carrier: 'SF', tracking: 'SF1' }, T0 + HOUR)], T0 + HOUR).state;
    return { id, s: run(shipped, [intent('order.confirm-receipt', ann, T0 + DAY, { orderId: id })], T0 + DAY).state };
  }

  it('validates a review and a claim intent with up to 3 photos, and refuses 4', () => {
    const review = intent('review.write', ann, T0, { orderId: 'o-1' as OrderId, rating: 5, text: 'Nice', photos: [photo(1), photo(2)] });
    expect(validateIntent(review)).toEqual({ ok: true, value: review });
    const claim = intent('claim.file', ann, T0, { orderId: 'o-1' as OrderId, reason: 'Fake logo', photos: [photo(1)] });
    expect(validateIntent(claim)).toEqual({ ok: true, value: claim });
    expect(validateIntent({ ...claim, photos: [photo(1), photo(2), photo(3), photo(4)] }).ok).toBe(false);
    expect(validateIntent({ ...review, photos: ['photo-x.png'] }).ok).toBe(false);
  });

  it('publishes a review with its photos, in the shop copy and the public copy', () => {
    const { id, s } = received();
    const { state, decisions } = run(s, [intent('review.write', ann, T0 + 2 * DAY, { orderId: id, rating: 4, text: 'See', photos: [photo(7)] })], T0 + 2 * DAY);
    expect(decisions.map((d) => d.kind)).toEqual(['review.published']);
    const review = [...state.reviews.values()][0]!;
    expect(review.photos).toEqual([photo(7)]);
    expect(publicReview(review).photos).toEqual([photo(7)]);
    // The decision reads back through the validator every device uses.
    expect(validateDecision(decisions[0]).ok).toBe(true);
  });

  it('keeps a claim\'s photos on the order for the seller to judge, and lets them go when the claim is declined', () => {
    const { id, s } = received();
    const filed = run(s, [intent('claim.file', ann, T0 + 2 * DAY, { orderId: id, reason: 'Fake', photos: [photo(1), photo(2, 'jpg')] })], T0 + 2 * DAY);
    expect(orderOf(filed.state, id)?.photos).toEqual([photo(1), photo(2, 'jpg')]);
    expect(validateDecision(filed.decisions[0]).ok).toBe(true);
    const declined = run(filed.state, [seller('claim.decline', { orderId: id, reason: 'Genuine' }, T0 + 3 * DAY)], T0 + 3 * DAY).state;
    expect(orderOf(declined, id)?.photos).toBeUndefined();
  });

  it('writes no photos field on a review or claim without photos', () => {
    const { id, s } = received();
    const { state } = run(s, [intent('review.write', ann, T0 + 2 * DAY, { orderId: id, rating: 4, text: 'Fine' })], T0 + 2 * DAY);
    expect('photos' in [...state.reviews.values()][0]!).toBe(false);
  });
});
