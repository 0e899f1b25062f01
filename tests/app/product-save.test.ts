/**
 * The seller's product saves carry what they were made from, through the app's use cases and
 * the demo's authority on a real (fake-indexeddb) database: a form opened before a sale keeps
 * the sale counted; a catalog started again over a shop that has one saves nothing over it.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { BuyerId, ProductId } from '../../src/domain/index.ts';
import { ShopDb } from '../../src/storage/index.ts';
import type { AppContext } from '../../src/app/context.ts';
import { LocalAuthority } from '../../src/app/demo/local-authority.ts';
import { seedDemoShop } from '../../src/app/demo/seed-demo-shop.ts';
import { placeOrder } from '../../src/app/actions/place-order.ts';
import { saveProduct } from '../../src/app/actions/save-product.ts';
import { setProductHidden } from '../../src/app/actions/hide-product.ts';
import { openDemoCatalog } from '../../src/app/actions/open-demo-catalog.ts';
import { decisionOn } from '../../src/app/queries/my-orders.ts';
import { productToEdit } from '../../src/app/queries/seller-catalog.ts';

let n = 0;
async function openDemo() {
  n += 1;
  const db = new ShopDb(`product-save-${n}-${Math.random()}`);
  let clock = Date.UTC(2026, 10, 11);
  const authority = new LocalAuthority(db, () => true, () => clock);
  const ctx: AppContext = { store: db, buyer: () => 'ann' as BuyerId, nudge: () => undefined, now: () => (clock += 1000) };
  await seedDemoShop(ctx);
  await authority.run();
  return { db, ctx, authority };
}
const APPLE = 'red-apple' as ProductId;
const pickup = { kind: 'pickup' as const, pointId: 'kiosk-north' as never };
const stockOf = async (db: ShopDb, id: ProductId) => (await db.skus.get(id))?.value.stock;

describe("the seller's product saves", () => {
  it('keep units sold while the form was open: the stock typed is a change to what the form showed', async () => {
    const { db, ctx, authority } = await openDemo();
    const opened = (await productToEdit(db, APPLE))!;
    expect(opened.base.stock).toBe(40);
    await placeOrder(ctx, { lines: [{ productId: APPLE, qty: 3, mode: 'regular' }], payment: 'wallet', delivery: pickup, fromCart: false });
    await authority.run();
    expect(await stockOf(db, APPLE)).toBe(37);
    // The seller received 5 more and types 45 into the form opened at 40.
    await saveProduct(ctx, { ...opened.product, name: 'Fuji apples (2 kg)' }, 45, opened.base);
    await authority.run();
    expect(await stockOf(db, APPLE)).toBe(42);
  });

  it('refuse a save made from a version the shop has saved again since, with the reason', async () => {
    const { db, ctx, authority } = await openDemo();
    const opened = (await productToEdit(db, APPLE))!;
    await setProductHidden(ctx, APPLE, true); // saved again: a new version
    await authority.run();
    const id = await saveProduct(ctx, { ...opened.product, price: 999 as never }, 40, opened.base);
    await authority.run();
    expect(await decisionOn(db, id)).toMatchObject({ kind: 'intent.rejected', reason: 'product-changed' });
    const now = (await productToEdit(db, APPLE))!;
    expect([now.product.hidden, now.product.price]).toEqual([true, 1290]);
  });

  it('starting from the demo catalog over a shop that has one saves no product over it', async () => {
    const { db, ctx, authority } = await openDemo();
    await placeOrder(ctx, { lines: [{ productId: APPLE, qty: 4, mode: 'regular' }], payment: 'wallet', delivery: pickup, fromCart: false });
    await authority.run();
    await openDemoCatalog(ctx);
    await authority.run();
    expect(await stockOf(db, APPLE)).toBe(36);
    const refused = (await db.events.where('kind').equals('intent.rejected').toArray()).filter((d) => d.type === 'decision' && d.reason === 'product-changed');
    expect(refused).toHaveLength(41);
  });
});
