/**
 * The cart's coupon: a wrong code leaves a good one in place, a used one-time coupon is not
 * offered again (not even while the order that used it is still queued on the device).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { BuyerId, PricingProblem, ProductId } from '../../src/domain/index.ts';
import { ShopDb } from '../../src/storage/index.ts';
import { LocalAuthority } from '../../src/app/demo/local-authority.ts';
import { seedDemoShop } from '../../src/app/demo/seed-demo-shop.ts';
import { addToCart } from '../../src/app/actions/add-to-cart.ts';
import { applyCouponCode, chooseCoupon, isSpentCoupon } from '../../src/app/actions/apply-coupon-code.ts';
import { placeOrder } from '../../src/app/actions/place-order.ts';
import { getMySetting } from '../../src/app/person-settings.ts';
import { cartLines, pricedCart } from '../../src/app/queries/shop.ts';

const problem = (code: PricingProblem['code']): PricingProblem => ({ code, message: code });

describe('which coupon the cart keeps', () => {
  const good = { code: 'WELCOME10', problem: undefined };
  const none = { code: '', problem: undefined };
  it('keeps a code that applies, whatever was there', () => {
    expect(chooseCoupon(none, { code: 'NEW', problem: undefined })).toBe('NEW');
    expect(chooseCoupon(good, { code: 'NEW', problem: undefined })).toBe('NEW');
  });
  it('keeps the good coupon when the new code is wrong, expired or used', () => {
    for (const code of ['coupon-unknown', 'coupon-expired', 'coupon-used-up', 'coupon-buyer-limit'] as const) {
      expect(chooseCoupon(good, { code: 'WELCOME1', problem: problem(code) }), code).toBe('WELCOME10');
      expect(chooseCoupon(none, { code: 'WELCOME1', problem: problem(code) }), code).toBe('');
    }
  });
  it('keeps a code that only waits (more to spend, not started) unless a coupon that applies is there', () => {
    for (const code of ['coupon-min-spend', 'coupon-not-started'] as const) {
      expect(chooseCoupon(none, { code: 'BIG', problem: problem(code) }), code).toBe('BIG');
      expect(chooseCoupon({ code: 'OLD', problem: problem('coupon-expired') }, { code: 'BIG', problem: problem(code) }), code).toBe('BIG');
      expect(chooseCoupon(good, { code: 'BIG', problem: problem(code) }), code).toBe('WELCOME10');
    }
  });
});

let n = 0;
function demo(who: string) {
  n += 1;
  const db = new ShopDb(`coupon-${n}-${Math.random()}`);
  let online = true;
  const clock = Date.UTC(2026, 10, 11);
  const authority = new LocalAuthority(db, () => online, () => clock);
  const app = { store: db, buyer: () => who as BuyerId, person: () => `coupon-test ${n} ${who}`, ready: Promise.resolve(), nudge: () => undefined, now: () => clock };
  return { db, app, authority, setOnline: (v: boolean) => (online = v) };
}

const pickup = { kind: 'pickup' as const, pointId: 'kiosk-north' as never };

describe('applying a coupon code to the cart', () => {
  it('a wrong code is refused and named; the good coupon stays', async () => {
    const d = demo('ann');
    await seedDemoShop(d.app);
    await d.authority.run();
    await addToCart(d.app, 'cookie' as ProductId, 'regular', 2); // ¥57.80: enough for WELCOME10
    expect(await applyCouponCode(d.app, 'WELCOME1')).toMatchObject({ kind: 'refused', code: 'WELCOME1', problem: { code: 'coupon-unknown' }, still: '' });
    expect(await getMySetting(d.app, 'coupon')).toBe('');
    expect(await applyCouponCode(d.app, ' welcome10 ')).toMatchObject({ kind: 'kept', code: 'WELCOME10', problem: undefined });
    expect(await getMySetting(d.app, 'coupon')).toBe('WELCOME10');
    expect(await applyCouponCode(d.app, 'WELCOME1')).toMatchObject({ kind: 'refused', code: 'WELCOME1', still: 'WELCOME10' });
    expect(await getMySetting(d.app, 'coupon')).toBe('WELCOME10');
    expect((await pricedCart(d.db, 'ann' as BuyerId, d.app.now(), 'WELCOME10')).quote.coupon).toBe('WELCOME10');
  });

  it('a code that needs more in the cart is kept, and applies once there is', async () => {
    const d = demo('bo');
    await seedDemoShop(d.app);
    await d.authority.run();
    await addToCart(d.app, 'banana' as ProductId); // ¥6.90, under WELCOME10's ¥50
    expect(await applyCouponCode(d.app, 'WELCOME10')).toMatchObject({ kind: 'kept', problem: { code: 'coupon-min-spend' } });
    expect(await getMySetting(d.app, 'coupon')).toBe('WELCOME10');
    await addToCart(d.app, 'cookie' as ProductId, 'regular', 2);
    expect((await pricedCart(d.db, 'bo' as BuyerId, d.app.now(), 'WELCOME10')).quote.coupon).toBe('WELCOME10');
  });

  it('a one-time coupon used by an order still queued here counts as used, once, before and after the shop decides', async () => {
    const d = demo('cy');
    await seedDemoShop(d.app);
    await d.authority.run();
    d.setOnline(false);
    await addToCart(d.app, 'cookie' as ProductId, 'regular', 2);
    await placeOrder(d.app, { lines: await cartLines(d.db, 'cy' as BuyerId), coupon: 'WELCOME10', payment: 'wallet', delivery: pickup, fromCart: true });
    await addToCart(d.app, 'cookie' as ProductId, 'regular', 2);
    const queued = await pricedCart(d.db, 'cy' as BuyerId, d.app.now(), 'WELCOME10');
    expect(queued.quote.problems.filter(isSpentCoupon)).toHaveLength(1);
    expect(queued.quote.coupon).toBeUndefined();
    // Another buyer on the same device may still use theirs.
    expect((await pricedCart(d.db, 'ann' as BuyerId, d.app.now(), 'WELCOME10')).quote.problems.some(isSpentCoupon)).toBe(false);
    d.setOnline(true);
    await d.authority.run();
    expect(await d.db.outbox.count()).toBe(0);
    const decided = await pricedCart(d.db, 'cy' as BuyerId, d.app.now(), 'WELCOME10');
    expect(decided.quote.problems.filter(isSpentCoupon)).toHaveLength(1);
  });
});
