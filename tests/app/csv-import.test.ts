/**
 * The Data tab's use cases over a real (fake-indexeddb) database with the demo shop: export,
 * import all or nothing, and the orders and ledger files.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { BuyerId, Money, ProductId } from '../../src/domain/index.ts';
import { ShopDb } from '../../src/storage/index.ts';
import type { AppContext } from '../../src/app/context.ts';
import { LocalAuthority } from '../../src/app/demo/local-authority.ts';
import { seedDemoShop } from '../../src/app/demo/seed-demo-shop.ts';
import { addToCart } from '../../src/app/actions/add-to-cart.ts';
import { placeOrder } from '../../src/app/actions/place-order.ts';
import { importCatalog } from '../../src/app/actions/import-catalog.ts';
import { InvalidInputError } from '../../src/app/errors.ts';
import { csvToProducts } from '../../src/engines/csv/catalog-csv.ts';
import { parseCsv } from '../../src/engines/csv/parse-csv.ts';
import { catalogForImport, countExisting, exportCsv, importOutcome } from '../../src/app/queries/data.ts';

const START = Date.UTC(2026, 10, 11, 4);
let n = 0;

async function shop() {
  n += 1;
  const db = new ShopDb(`csv-import-${n}-${Math.random()}`);
  const clock = START;
  const authority = new LocalAuthority(db, () => true, () => clock);
  const ctx: AppContext = { store: db, buyer: () => 'ann' as BuyerId, nudge: () => undefined, now: () => clock };
  await seedDemoShop(ctx);
  await authority.run();
  return { db, ctx, authority };
}

describe('importing a catalog', () => {
  it('exports the catalog and imports it back exactly', async () => {
    const { db, ctx, authority } = await shop();
    const before = await exportCsv(db, 'products', START);
    expect(before.name).toBe('products-2026-11-11.csv');
    expect(before.rows).toBe(45);
    // The oolong (options) is one row per combination: its weight and pack, its SKU, price and stock.
    expect(before.text).toContain(',88.00,20,false,photos/teacup-without-handle.svg,,,,,,,,,Weight 重量: 250 g,Pack 包装: Bag 袋装,,250g-bag,,true,,,\r\n');
    expect(before.text).toContain(',108.00,0,false,photos/teacup-without-handle.svg,,,,,,,,,Weight 重量: 250 g,Pack 包装: Gift tin 礼盒,,250g-tin,photos/moon-cake.svg,true,,,\r\n');
    const parsed = csvToProducts(before.text, 'CNY');
    expect(parsed.errors).toEqual([]);

    // Change it, import, and see the change; then import the first file and see it all back.
    const changed = parsed.rows.map((r) => (r.product.id === 'banana' ? { ...r, stock: 7, product: { ...r.product, name: 'Plantains', hidden: true } } : r));
    expect(await countExisting(db, changed.map((r) => r.product.id))).toBe(41);
    const result = await importCatalog(ctx, changed);
    expect(result.count).toBe(41);
    await authority.run();
    expect(await importOutcome(db, result.ids)).toEqual({ saved: 41, refused: 0, waiting: 0 });
    expect((await db.products.get('banana'))?.value).toMatchObject({ name: 'Plantains', hidden: true });
    expect((await db.skus.get('banana'))?.value.stock).toBe(7);

    await importCatalog(ctx, csvToProducts(before.text, 'CNY').rows);
    await authority.run();
    expect((await exportCsv(db, 'products', START)).text).toBe(before.text);
  });

  it('adds new products beside the others', async () => {
    const { db, ctx, authority } = await shop();
    const text = `id,name,description,category,tags,price,stock,hidden,photos,team_price,team_size,team_window_hours,flash_price,flash_starts_at,flash_ends_at,flash_stock,flash_per_buyer_limit
lychee,Lychees 荔枝 (500 g),"Sweet, from Guangdong",Fruit,fresh|summer,29.90,12,false,,,,,,,,,
`;
    const { rows, errors } = csvToProducts(text, 'CNY');
    expect(errors).toEqual([]);
    expect(await countExisting(db, rows.map((r) => r.product.id))).toBe(0);
    await importCatalog(ctx, rows);
    await authority.run();
    expect(await db.products.count()).toBe(42);
    expect((await db.products.get('lychee'))?.value).toMatchObject({ price: 2990, tags: ['fresh', 'summer'], description: 'Sweet, from Guangdong' });
  });

  it('takes a sheet of id,name,price,stock: those change, every other column stays (photos, the team buy, the category)', async () => {
    const { db, ctx, authority } = await shop();
    const text = 'id,name,price,stock\ndumpling,Frozen dumplings 速冻水饺 (50),38.00,55\n,Teddy bear 泰迪熊,75,\n';
    const { rows, errors } = csvToProducts(text, 'CNY', { existing: await catalogForImport(db), newId: () => 'p-new' });
    expect(errors).toEqual([]);
    expect(await countExisting(db, rows.map((r) => r.product.id))).toBe(2); // the bear found by its name
    await importCatalog(ctx, rows);
    await authority.run();
    expect((await db.products.get('dumpling'))?.value).toMatchObject({
      price: 3800, photos: ['photos/dumpling.svg'], category: 'Snacks', team: { price: 2600, size: 3, windowHours: 24 },
    });
    expect((await db.skus.get('dumpling'))?.value.stock).toBe(55);
    expect((await db.products.get('teddy-bear'))?.value).toMatchObject({ price: 7500, photos: ['photos/teddy-bear.svg'] });
    expect((await db.skus.get('teddy-bear'))?.value.stock).toBe(14);
    expect(await db.products.count()).toBe(41);
  });

  it('queues nothing at all when one row is refused', async () => {
    const { db, ctx } = await shop();
    const events = await db.events.count();
    const rows = csvToProducts((await exportCsv(db, 'products', START)).text, 'CNY').rows;
    // A row the parser would never let through: the shop's own check refuses it at the 30th command.
    rows[29] = { ...rows[29]!, product: { ...rows[29]!.product, price: 0 as Money } };
    await expect(importCatalog(ctx, rows)).rejects.toBeInstanceOf(InvalidInputError);
    expect(await db.events.count()).toBe(events);
    expect(await db.outbox.count()).toBe(0);
  });

  it('queues nothing when the disk fails half way', async () => {
    const { db, ctx } = await shop();
    const events = await db.events.count();
    const rows = csvToProducts((await exportCsv(db, 'products', START)).text, 'CNY').rows;
    const original = db.outbox.add.bind(db.outbox);
    let calls = 0;
    db.outbox.add = ((...args: Parameters<typeof original>) => (++calls === 20 ? Promise.reject(new Error('cut short')) : original(...args))) as typeof original;
    await expect(importCatalog(ctx, rows)).rejects.toThrow('cut short');
    db.outbox.add = original;
    expect(await db.events.count()).toBe(events);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('exporting orders and the ledger', () => {
  it('lists every order and every posting, and the ledger sums to zero', async () => {
    const { db, ctx, authority } = await shop();
    await addToCart(ctx, 'tangerine' as ProductId, 'regular', 2);
    await placeOrder(ctx, { lines: [{ productId: 'tangerine' as ProductId, qty: 2, mode: 'regular' }], payment: 'wallet', delivery: { kind: 'pickup', pointId: 'kiosk-north' as never }, fromCart: true });
    await authority.run();

    const orders = await exportCsv(db, 'orders', START);
    expect(orders.rows).toBe(1);
    const o = parseCsv(orders.text);
    expect(o.ok && o.records.map((r) => r.fields)).toEqual([
      ['id', 'buyer', 'status', 'placed_at', 'lines', 'subtotal', 'discounts', 'shipping', 'total', 'payment', 'delivery', 'delivery_to', 'carrier', 'tracking'],
      [expect.any(String), 'ann', 'accepted', '2026-11-11T04:00:00.000Z', 'Tangerines 砂糖橘 (1 kg) × 2', '19.80', '0.00', '0.00', '19.80', 'wallet', 'pickup', 'North Gate Kiosk 北门驿站', '', ''],
    ]);

    const ledger = await exportCsv(db, 'ledger', START);
    const l = parseCsv(ledger.text);
    if (!l.ok) throw new Error(l.error.message);
    const [header, ...postings] = l.records.map((r) => r.fields);
    expect(header).toEqual(['decision_id', 'journal_n', 'kind', 'at', 'account', 'buyer', 'amount']);
    expect(postings).toHaveLength(ledger.rows);
    expect(postings.length).toBeGreaterThan(4);
    const cents = postings.reduce((sum, p) => sum + Math.round(Number(p[6]) * 100), 0);
    expect(cents).toBe(0);
    expect(postings.at(-1)).toEqual([expect.any(String), expect.any(String), 'order.accepted', '2026-11-11T04:00:00.000Z', 'escrow', 'ann', '19.80']);
  });

  it('says there is nothing to export before the shop exists', async () => {
    const db = new ShopDb(`csv-empty-${Math.random()}`);
    await expect(exportCsv(db, 'products', START)).rejects.toThrow(/no shop/);
  });
});
