/**
 * The demo's wiring without a browser: the seed, the use cases and the local authority over
 * a real (fake-indexeddb) database. The browser tests play the same story through the UI.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { BuyerId, OrderId, ProductId } from '../../src/domain/index.ts';
import { ShopDb, walletOf, listCart } from '../../src/storage/index.ts';
import type { AppContext } from '../../src/app/context.ts';
import { LocalAuthority } from '../../src/app/demo/local-authority.ts';
import { seedDemoShop } from '../../src/app/demo/seed-demo-shop.ts';
import { DEMO_WELCOME_CREDIT, FLASH_PRODUCT } from '../../src/app/demo/demo-catalog.ts';
import { addToCart } from '../../src/app/actions/add-to-cart.ts';
import { placeOrder } from '../../src/app/actions/place-order.ts';
import { cancelOrder } from '../../src/app/actions/cancel-order.ts';
import { InvalidInputError } from '../../src/app/errors.ts';
import { listMyOrders } from '../../src/app/queries/my-orders.ts';

let n = 0;
function demo(start = Date.UTC(2026, 10, 11)) {
  n += 1;
  const db = new ShopDb(`demo-flow-${n}-${Math.random()}`);
  let online = true;
  let clock = start;
  const authority = new LocalAuthority(db, () => online, () => clock);
  const ctx: AppContext = { store: db, buyer: () => 'ann' as BuyerId, nudge: () => undefined, now: () => clock };
  return {
    db, ctx, authority,
    setOnline: (v: boolean) => { online = v; },
    advance: (ms: number) => { clock += ms; },
  };
}

const pickup = { kind: 'pickup' as const, pointId: 'kiosk-north' as never };

describe('the demo shop in one browser', () => {
  it('seeds once, through the authority, with a welcome credit', async () => {
    const d = demo();
    expect(await seedDemoShop(d.ctx)).toBe(true);
    expect(await seedDemoShop(d.ctx)).toBe(false);
    await d.authority.run();
    expect(await d.db.products.count()).toBeGreaterThanOrEqual(36);
    expect(await d.db.outbox.count()).toBe(0);
    expect((await walletOf(d.db, 'ann' as BuyerId)).available).toBe(DEMO_WELCOME_CREDIT);
  });

  it('keeps an order queued while offline and decides it once back online', async () => {
    const d = demo();
    await seedDemoShop(d.ctx);
    await d.authority.run();
    d.setOnline(false);
    await addToCart(d.ctx, 'tangerine' as ProductId, 'regular', 2);
    const id = await placeOrder(d.ctx, { lines: (await listCart(d.db, 'ann' as BuyerId)).map((r) => ({ productId: r.productId, qty: r.qty, mode: r.mode })), payment: 'wallet', delivery: pickup, fromCart: true });
    expect(await listCart(d.db, 'ann' as BuyerId)).toEqual([]);
    await d.authority.run();
    expect((await listMyOrders(d.db, 'ann' as BuyerId)).map((o) => o.stage)).toEqual(['queued']);
    d.setOnline(true);
    d.advance(1000);
    await d.authority.run();
    const [view] = await listMyOrders(d.db, 'ann' as BuyerId);
    expect(view?.stage).toBe('accepted');
    expect(view?.order?.sentAt).toBe(Date.UTC(2026, 10, 11) + 1000); // stamped when it went out, not when queued
    expect((await walletOf(d.db, 'ann' as BuyerId)).escrow).toBe(1980);
    await cancelOrder(d.ctx, id as string as OrderId, 'changed my mind');
    await d.authority.run();
    expect((await walletOf(d.db, 'ann' as BuyerId))).toEqual({ available: DEMO_WELCOME_CREDIT, escrow: 0 });
  });

  it('refuses a bad order before it reaches the outbox', async () => {
    const d = demo();
    await seedDemoShop(d.ctx);
    await d.authority.run();
    await expect(placeOrder(d.ctx, { lines: [], payment: 'wallet', delivery: pickup, fromCart: true })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(placeOrder(d.ctx, { lines: [{ productId: FLASH_PRODUCT, qty: 1, mode: 'flash' }], payment: 'wallet', delivery: pickup, fromCart: false })).rejects.toThrow(/not started/i);
    expect(await d.db.outbox.count()).toBe(0);
  });
});

describe('seeding the demo', () => {
  it('is all or nothing: a failure half way leaves nothing, and the next start seeds it whole', async () => {
    const d = demo();
    let calls = 0;
    const original = d.db.outbox.add.bind(d.db.outbox);
    // Fail the tenth write, as a closed tab or a full disk would cut the seed short.
    d.db.outbox.add = ((...args: Parameters<typeof original>) => (++calls === 10 ? Promise.reject(new Error('cut short')) : original(...args))) as typeof original;
    await expect(seedDemoShop(d.ctx)).rejects.toThrow();
    expect(await d.db.events.count()).toBe(0);
    d.db.outbox.add = original;
    expect(await seedDemoShop(d.ctx)).toBe(true);
    await d.authority.run();
    expect(await d.db.products.count()).toBe(41);
  });
});
