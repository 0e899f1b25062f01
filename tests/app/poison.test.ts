/**
 * One bad item never stalls the shop (issue 10, item 1's story): a device whose balance row
 * was damaged (say, by a backup restored before restores were checked) must still have every
 * other intent decided, and its own wallet put right, not wait "queued" for ever.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { BuyerId, ProductId } from '../../src/domain/index.ts';
import { outboxCounts, ShopDb, walletOf, listCart } from '../../src/storage/index.ts';
import type { AppContext } from '../../src/app/context.ts';
import { LocalAuthority } from '../../src/app/demo/local-authority.ts';
import { seedDemoShop } from '../../src/app/demo/seed-demo-shop.ts';
import { DEMO_WELCOME_CREDIT } from '../../src/app/demo/demo-catalog.ts';
import { addToCart } from '../../src/app/actions/add-to-cart.ts';
import { placeOrder } from '../../src/app/actions/place-order.ts';
import { listMyOrders } from '../../src/app/queries/my-orders.ts';

let n = 0;
async function openDemo() {
  n += 1;
  const db = new ShopDb(`poison-${n}-${Math.random()}`);
  const clock = Date.UTC(2026, 10, 11);
  const authority = new LocalAuthority(db, () => true, () => clock);
  const ctx: AppContext = { store: db, buyer: () => 'ann' as BuyerId, nudge: () => undefined, now: () => clock };
  await seedDemoShop(ctx);
  await authority.run();
  return { db, ctx, authority };
}

const pickup = { kind: 'pickup' as const, pointId: 'kiosk-north' as never };
const ann = 'ann' as BuyerId;

describe('a damaged balance row on the device', () => {
  it('does not stop the shop: the next order is decided and the wallet is put right from the journal', async () => {
    const { db, ctx, authority } = await openDemo();
    // As a restore of `tables.balances[0].amount: "x"` left it before restores were checked.
    await db.balances.put({ account: `available:${ann}`, amount: 'x' as never });
    await addToCart(ctx, 'tangerine' as ProductId, 'regular', 2);
    await placeOrder(ctx, { lines: (await listCart(db, ann)).map((r) => ({ productId: r.productId, qty: r.qty, mode: r.mode })), payment: 'wallet', delivery: pickup, fromCart: true });
    await authority.run();
    expect((await listMyOrders(db, ann)).map((o) => o.stage)).toEqual(['accepted']);
    expect(await walletOf(db, ann)).toEqual({ available: DEMO_WELCOME_CREDIT - 1980, escrow: 1980 });
    const counts = await outboxCounts(db);
    expect(counts.queued + counts.sent).toBe(0);
  });

  it("does not hold up another buyer's order decided in the same run", async () => {
    const { db, ctx, authority } = await openDemo();
    await db.balances.put({ account: `available:${ann}`, amount: 'x' as never });
    const bo: AppContext = { ...ctx, buyer: () => 'bo' as BuyerId };
    const tangerines = [{ productId: 'tangerine' as ProductId, qty: 1, mode: 'regular' as const }];
    await placeOrder(ctx, { lines: tangerines, payment: 'wallet', delivery: pickup, fromCart: false });
    await placeOrder(bo, { lines: tangerines, payment: 'wallet', delivery: pickup, fromCart: false });
    await authority.run();
    expect((await listMyOrders(db, ann)).map((o) => o.stage)).toEqual(['accepted']);
    expect((await listMyOrders(db, 'bo' as BuyerId)).map((o) => o.stage)).toEqual(['accepted']);
    expect((await walletOf(db, ann)).available).toBe(DEMO_WELCOME_CREDIT - 990);
  });
});
