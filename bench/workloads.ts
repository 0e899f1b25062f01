/**
 * Workloads for the benchmarks, made with the tests' shop fixture and a seeded random source,
 * so every run (and every machine) measures the same thing. Building them is not timed.
 */
import {
  skuKey, type CartLine, type Combination, type CombinationId, type Decision, type FlashSale, type Intent, type OptionValueId, type OrderId,
  type Product, type ProductId, type ShopState,
} from '../src/domain/index.ts';
import {
  buyer, DAY, decide, emptyState, fund, HOUR, intent, line, m, openShop, order, PICKUP, product, seller, SHIP, SHOP, T0,
} from '../tests/domain/fixtures/shop.ts';
import { random } from './table.ts';

export interface FlashSaleLoad {
  /** The shop open, the phone's flash sale set up, every buyer's wallet credited. */
  state: ShopState;
  /** In the order they reached the server (by sentAt). */
  intents: Intent[];
  flash: FlashSale;
  /** When the last intent was sent: the authority decides at this time. */
  end: number;
}

/**
 * The seed story: 100,000 people try to buy a phone in three minutes, one unit each, from a
 * flash sale of 1,000 with a limit of 5 per buyer; 20,000 buyers, each with money to pay.
 */
export function flashSaleLoad({ intents = 100_000, buyers = 20_000, units = 1_000, limit = 5, spreadMs = 3 * 60_000, seed = 20261111 } = {}): FlashSaleLoad {
  const startsAt = T0 + HOUR;
  const flash: FlashSale = { price: m(1999), startsAt, endsAt: startsAt + HOUR, stock: units, perBuyerLimit: limit };
  const names = Array.from({ length: buyers }, (_, i) => `fan${String(i).padStart(6, '0')}`);
  // The sale's units come off the shelf: it holds them all.
  let state = openShop([{ product: product('phone', { price: m(4999), flash }), stock: units }]);
  state = fund(state, Object.fromEntries(names.map((n) => [n, 10 * 1999])));
  const rnd = random(seed);
  const list: Intent[] = [];
  for (let i = 0; i < intents; i++) {
    // Every buyer tries at least once; the rest of the crowd tries again at random.
    const who = buyer(names[i < buyers ? i : Math.floor(rnd() * buyers)]!);
    list.push(order(who, startsAt + Math.floor(rnd() * spreadMs), [line('phone', 1, 'flash')], 1999));
  }
  list.sort((a, b) => (a.by === 'buyer' && b.by === 'buyer' ? a.sentAt - b.sentAt : 0) || (a.id < b.id ? -1 : 1));
  return { state, intents: list, flash, end: startsAt + spreadMs };
}

export interface MixedHistory {
  decisions: Decision[];
  state: ShopState;
  intents: number;
}

/**
 * A month of an ordinary shop: buyers credited at the counter, orders shipped or made ready
 * for pickup, received by the buyer or by the clock, some cancelled, some refunded (approved
 * or declined), some reviewed, every refund window closing. Decided by the authority from an
 * empty shop, so the decisions are exactly what devices fold.
 */
export function mixedHistory({ buyers = 2_000, orders = 24_000, days = 30, seed = 7 } = {}): MixedHistory {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const catalog = [
    product('tea', { price: m(1200) }),
    product('cup', { price: m(800) }),
    product('lamp', { price: m(3000) }),
    product('rice', { price: m(550) }),
    product('pen', { price: m(333) }),
  ];
  const intents: Intent[] = [seller('shop.save', { shop: SHOP }, T0)];
  for (const p of catalog) intents.push(seller('product.save', { product: p, stock: 10_000_000 }, T0));
  intents.push(seller('promotion.save', {
    promotion: { id: 'spend50' as never, kind: 'threshold', label: 'Save 5 for every 50', spend: m(5000), save: m(500), repeat: true, active: true },
  }, T0));
  const names = Array.from({ length: buyers }, (_, i) => buyer(`shopper${String(i).padStart(5, '0')}`));
  for (const b of names) intents.push(seller('wallet.credit', { buyer: b, amount: m(10_000_000), method: 'cash', note: '' }, T0));

  const span = days * DAY;
  for (let k = 0; k < orders; k++) {
    const b = pick(names);
    let t = T0 + HOUR + Math.floor((k * span) / orders);
    const lines = [line(pick(catalog).id, 1 + Math.floor(rnd() * 2))];
    if (rnd() < 0.3) {
      const other = pick(catalog).id;
      if (other !== lines[0]!.productId) lines.push(line(other, 1));
    }
    const pickup = rnd() < 0.3;
    const payment = pickup && rnd() < 0.3 ? 'on-pickup' : 'wallet';
    const placed = order(b, t, lines, 1_000_000, { delivery: pickup ? PICKUP : SHIP, payment });
    intents.push(placed);
    const orderId = placed.id as string as OrderId;
    const later = (max: number) => (t += 1 + Math.floor(rnd() * max));
    if (rnd() < 0.05) {
      intents.push(intent('order.cancel', b, later(6 * HOUR), { orderId, reason: 'changed my mind' }));
      continue;
    }
    intents.push(pickup ? seller('order.ready', { orderId }, later(DAY)) : seller('order.ship', { orderId, carrier: 'SF', tracking: `SF${k}` }, later(DAY)));
    if (pickup) intents.push(seller('order.hand-over', { orderId }, later(3 * DAY)));
    else if (rnd() < 0.6) intents.push(intent('order.confirm-receipt', b, later(5 * DAY), { orderId }));
    else t += 10 * DAY; // confirmed by the clock
    if (rnd() < 0.08) {
      intents.push(intent('refund.request', b, later(2 * DAY), { orderId, reason: 'broken' }));
      intents.push(rnd() < 0.5
        ? seller('refund.approve', { orderId }, later(DAY))
        : seller('refund.decline', { orderId, reason: 'used' }, later(DAY)));
    }
    if (rnd() < 0.3) intents.push(intent('review.write', b, later(2 * DAY), { orderId, rating: 1 + Math.floor(rnd() * 5), text: 'ok' }));
  }
  const end = T0 + span + 30 * DAY;
  const r = decide(emptyState(), intents, end);
  return { decisions: r.decisions, state: r.state, intents: intents.length };
}

export interface CatalogOrdersLoad {
  /** The shop open with its catalog on the shelves and every buyer's wallet credited. */
  state: ShopState;
  /** In the order they reached the server (by sentAt). */
  intents: Intent[];
  /** Units put on the shelves, by stock key (`skuKey`). */
  shelves: Map<string, number>;
  skus: number;
  end: number;
}

/**
 * A large catalog's ordinary day: `orders` orders of 1 or 2 lines, 1 or 2 units each, at random
 * over `products` products, each with `combinations` combinations (colour × size) or none, some
 * shelves short (0 to 5 units each, so some orders find theirs empty); 20,000 buyers with money.
 * With `plain`, the same catalog without options: one shelf per product holding what its
 * combinations would, and the same orders on the products (same draws of the seeded source), so
 * the two are measured side by side in one run, as before options and with them.
 */
export function catalogOrdersLoad({ products = 10_000, combinations = 20, plain = false, orders = 100_000, buyers = 20_000, seed = 13 } = {}): CatalogOrdersLoad {
  const rnd = random(seed);
  const colours = Array.from({ length: Math.max(1, Math.ceil(combinations / 5)) }, (_, i) => `col${i}`);
  const sizes = ['XS', 'S', 'M', 'L', 'XL'];
  const catalog: Product[] = [];
  const commands: Intent[] = [seller('shop.save', { shop: SHOP }, T0)];
  const shelves = new Map<string, number>();
  for (let p = 0; p < products; p++) {
    const id = `p${String(p).padStart(5, '0')}`;
    if (plain) {
      // One shelf holding what the 20 would: the same draws, so what follows is drawn alike too.
      let stock = 0;
      for (let k = 0; k < combinations; k++) stock += Math.floor(rnd() * 6);
      catalog.push(product(id, { price: m(1000 + (p % 50) * 100) }));
      commands.push(seller('product.save', { product: catalog[p]!, stock }, T0));
      shelves.set(id, stock);
      continue;
    }
    const combos: Combination[] = [];
    for (let k = 0; k < combinations; k++) {
      combos.push({ id: `c${k}` as CombinationId, values: [colours[Math.floor(k / 5)]!, sizes[k % 5]!] as OptionValueId[], price: m(1000 + (p % 50) * 100 + k * 10), sold: true });
    }
    const options = [
      { name: 'Colour', values: colours.slice(0, Math.ceil(combinations / 5)).map((c) => ({ id: c as OptionValueId, name: c })) },
      { name: 'Size', values: sizes.map((s) => ({ id: s as OptionValueId, name: s })) },
    ];
    catalog.push(product(id, { price: m(1000 + (p % 50) * 100), options, combinations: combos }));
    const stocks = combos.map((c) => ({ combination: c.id, stock: Math.floor(rnd() * 6) }));
    for (const s of stocks) shelves.set(skuKey(id as ProductId, s.combination), s.stock);
    commands.push(seller('product.save', { product: catalog[p]!, stock: 0, stocks }, T0));
  }
  const names = Array.from({ length: buyers }, (_, i) => buyer(`b${String(i).padStart(5, '0')}`));
  for (const b of names) commands.push(seller('wallet.credit', { buyer: b, amount: m(100_000_000), method: 'cash', note: '' }, T0));
  const state = decide(emptyState(), commands, T0).state;

  const intents: Intent[] = [];
  const span = 12 * HOUR;
  for (let k = 0; k < orders; k++) {
    const lines: CartLine[] = [];
    let total = 0;
    const count = rnd() < 0.3 ? 2 : 1;
    for (let j = 0; j < count; j++) {
      const p = catalog[Math.floor(rnd() * products)]!;
      const qty = rnd() < 0.8 ? 1 : 2;
      const pick = Math.floor(rnd() * combinations);
      const c = p.combinations?.[pick];
      if (lines.some((l) => l.productId === p.id && l.combination === c?.id)) continue;
      lines.push(c === undefined ? line(p.id, qty) : { productId: p.id, combination: c.id, qty, mode: 'regular' });
      total += (c?.price ?? p.price) * qty;
    }
    intents.push(order(names[Math.floor(rnd() * buyers)]!, T0 + HOUR + Math.floor((k * span) / orders), lines, total, { delivery: PICKUP }));
  }
  return { state, intents, shelves, skus: shelves.size, end: T0 + HOUR + span };
}
