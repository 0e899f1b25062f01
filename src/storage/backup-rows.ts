/**
 * A backup's rows, checked before anything is restored: every row of every table through the
 * domain's validators (events as the shop's documents; products, orders, money, ids as the
 * domain has them), the columns storage derives from a row's value (a product's search words,
 * an order's status…). The first problem found is returned, naming the table, the row and the
 * field. The references between tables are backup-references.ts's.
 */
import type { AccountKey, BuyerId, Inventory, Order, Product, Promotion, Review, ShopProfile, Team, Withdrawal } from '../domain/index.ts';
import { searchTags, skuKeyOf } from '../domain/index.ts';
import { inventory, product, promotion, shopProfile, STOCK } from '../domain/validate/catalog.ts';
import { arrayOf, type Check, type Ctx, fields, none, run } from '../domain/validate/check.ts';
import { review, withdrawal } from '../domain/validate/decisions.ts';
import { combinationId } from '../domain/validate/options.ts';
import { validateEvent } from '../domain/validate/index.ts';
import { validateMessage } from '../domain/validate/messages.ts';
import { buyerId, order, orderId, productId, team, teamId } from '../domain/validate/order.ts';
import { bool, id, int, literal, oneOf, POSTING_AMOUNT, PRICE, QTY, time } from '../domain/validate/scalars.ts';
import { damage, type Damage } from './backup-damage.ts';
import { cartKey, personKey, SHOP_KEY } from './rows.ts';
import { indexWords } from './words.ts';

const N = int(1, Number.MAX_SAFE_INTEGER);
const COUNT = int(0, Number.MAX_SAFE_INTEGER);

/** Any text up to `max` characters: for this device's own bookkeeping (error messages, evidence). */
function anyText(max: number): Check<string> {
  return (x, path, ctx) => {
    if (typeof x !== 'string') ctx.add(path, `must be text, got ${typeof x}`);
    else if (x.length > max) ctx.add(path, `must be at most ${max} characters, got ${x.length}`);
    return x as string;
  };
}

/** Whose row it is (saved-rows.ts): the app's name for a person, never empty. */
const person: Check<string> = (x, path, ctx) => {
  if (x === '') ctx.add(path, 'must name a person');
  return anyText(1000)(x, path, ctx);
};

/** Any value at all (a CouchDB `seq` is opaque), but it must be there. */
const opaque: Check<unknown> = (x) => x;

/** Reports a column that differs from what storage makes of the row's value. */
function same(ctx: Ctx, path: string, field: string, got: unknown, want: unknown): void {
  if (JSON.stringify(got) !== JSON.stringify(want)) ctx.add(path === '' ? field : `${path}.${field}`, `does not match the row's value (${JSON.stringify(want)})`);
}

/**
 * A view row: its key, its journal number, its value, and columns that must agree with the value
 * (those named in `optional` may be absent, as a public review's order is).
 */
function viewRow<T>(
  key: string, keyCheck: Check<string>, value: Check<T>, columns: Record<string, Check<unknown>>, derive: (v: T) => Record<string, unknown>,
  optional: readonly string[] = [],
): Check<unknown> {
  return (x, path, ctx) => {
    const before = ctx.count;
    const f = fields(x, path, ctx);
    const row: Record<string, unknown> = { [key]: f.req(key, keyCheck), n: f.req('n', N), value: f.req('value', value) };
    for (const [name, check] of Object.entries(columns)) {
      if (optional.includes(name)) Object.assign(row, f.opt(name, check));
      else row[name] = f.req(name, check);
    }
    f.end(row);
    if (ctx.count !== before) return none();
    for (const [name, want] of Object.entries(derive(row.value as T))) same(ctx, path, name, row[name], want);
    return row;
  };
}

const STATUS_OF_ORDER = oneOf(['team-forming', 'accepted', 'shipped', 'ready-for-pickup', 'received', 'finished', 'rejected', 'cancelled', 'refund-requested', 'refunded', 'claim-filed', 'compensated'] as const, 'order status');

const ROWS: Record<string, Check<unknown>> = {
  outbox: (x, path, ctx) => {
    const f = fields(x, path, ctx);
    return f.end({
      id: f.req('id', id()),
      status: f.req('status', oneOf(['queued', 'sent', 'refused'] as const)),
      queuedAt: f.req('queuedAt', time),
      attempts: f.req('attempts', COUNT),
      ...f.opt('sentAt', time),
      ...f.opt('pushedAt', time),
      ...f.opt('error', anyText(100_000)),
    });
  },
  shop: viewRow<ShopProfile>('key', literal(SHOP_KEY), shopProfile, {}, () => ({})),
  products: viewRow<Product>('id', productId, product, {
    category: anyText(1000), price: PRICE, hidden: int(0, 1), words: arrayOf(anyText(1000), 0, 100_000),
  }, (p) => ({ id: p.id, category: p.category, price: p.price, hidden: p.hidden ? 1 : 0, words: indexWords(p.name, p.category, ...searchTags(p)) })),
  // Schema version 6: a shelf per combination, keyed by its skuKey (an older backup's `inventory` rows are moved here: backup.ts).
  skus: viewRow<Inventory>('sku', anyText(300), inventory, { productId }, (i) => ({ sku: skuKeyOf(i), productId: i.productId })),
  promotions: viewRow<Promotion>('id', id(), promotion, {}, (p) => ({ id: p.id })),
  teams: viewRow<Team>('id', teamId, team, { productId, status: oneOf(['forming', 'succeeded', 'failed'] as const) },
    (t) => ({ id: t.id, productId: t.productId, status: t.status })),
  orders: viewRow<Order>('id', orderId, order, { buyer: buyerId, status: STATUS_OF_ORDER, placedAt: time },
    (o) => ({ id: o.id, buyer: o.buyer, status: o.status, placedAt: o.placedAt })),
  reviews: viewRow<Review>('id', id(), review, { productIds: arrayOf(productId, 1, 100), orderId },
    (r) => ({ id: r.id, productIds: r.productIds, orderId: r.orderId }), ['orderId']),
  withdrawals: viewRow<Withdrawal>('id', id(), withdrawal, { buyer: buyerId, status: oneOf(['pending', 'paid', 'declined'] as const) },
    (w) => ({ id: w.id, buyer: w.buyer, status: w.status })),
  balances: (x, path, ctx) => {
    const f = fields(x, path, ctx);
    return f.end({ account: f.req('account', account), amount: f.req('amount', POSTING_AMOUNT) });
  },
  cart: (x, path, ctx) => {
    const before = ctx.count;
    const f = fields(x, path, ctx);
    const row = f.end({
      key: f.req('key', anyText(300)),
      // '' for a line an older version kept before carts were a person's (rows.ts, CartRow).
      buyer: f.req('buyer', (v, p, c) => (v === '' ? '' : buyerId(v, p, c))),
      productId: f.req('productId', productId),
      ...f.opt('combination', combinationId),
      mode: f.req('mode', oneOf(['regular', 'team', 'flash'] as const)),
      qty: f.req('qty', QTY),
      addedAt: f.req('addedAt', time),
    });
    if (ctx.count === before) same(ctx, path, 'key', row.key, cartKey(row.buyer as BuyerId, row.productId, row.mode, row.combination));
    return row;
  },
  saved: (x, path, ctx) => {
    const before = ctx.count;
    const f = fields(x, path, ctx);
    const row = f.end({
      key: f.req('key', anyText(1300)),
      person: f.req('person', person),
      productId: f.req('productId', productId),
      savedAt: f.req('savedAt', time),
      price: f.req('price', PRICE),
      inStock: f.req('inStock', bool),
    });
    if (ctx.count === before) same(ctx, path, 'key', row.key, personKey(row.person, row.productId));
    return row;
  },
  viewed: (x, path, ctx) => {
    const before = ctx.count;
    const f = fields(x, path, ctx);
    const row = f.end({
      key: f.req('key', anyText(1300)),
      person: f.req('person', person),
      productId: f.req('productId', productId),
      viewedAt: f.req('viewedAt', time),
    });
    if (ctx.count === before) same(ctx, path, 'key', row.key, personKey(row.person, row.productId));
    return row;
  },
  photos: (x, path, ctx) => {
    const before = ctx.count;
    const f = fields(x, path, ctx);
    const row = f.end({
      id: f.req('id', id()),
      type: f.req('type', oneOf(['image/webp', 'image/jpeg', 'image/png'] as const)),
      data: f.req('data', base64),
      width: f.req('width', int(1, 100_000)),
      height: f.req('height', int(1, 100_000)),
      bytes: f.req('bytes', STOCK),
      storedAt: f.req('storedAt', time),
      ...f.opt('thumbData', base64),
    });
    if (ctx.count === before) same(ctx, path, 'bytes', row.bytes, base64Bytes(row.data));
    return row;
  },
  checkpoints: (x, path, ctx) => {
    const f = fields(x, path, ctx);
    return f.end({
      db: f.req('db', anyText(300)), since: f.req('since', opaque), identity: f.req('identity', anyText(300)), syncedAt: f.req('syncedAt', time),
      // The seller's device: how each buyer's channel was guarded and last swept (sync-rows.ts).
      ...f.opt('guard', anyText(300)), ...f.opt('rules', anyText(300)), ...f.opt('seq', opaque), ...f.opt('made', anyText(300)),
      // The seller's device, the catalog: how far its current-state documents are written, and their shape.
      ...f.opt('published', COUNT), ...f.opt('shape', COUNT),
    });
  },
  setAside: (x, path, ctx) => {
    const f = fields(x, path, ctx);
    return f.end({
      key: f.req('key', anyText(1000)),
      db: f.req('db', anyText(300)),
      docId: f.req('docId', anyText(1000)),
      rev: f.req('rev', anyText(300)),
      problems: f.req('problems', arrayOf(anyText(10_000), 0, 100)),
      json: f.req('json', anyText(100_000)),
      at: f.req('at', time),
    });
  },
  publish: (x, path, ctx) => {
    const f = fields(x, path, ctx);
    return f.end({ id: f.req('id', id()), n: f.req('n', N), stage: f.req('stage', oneOf(['journal', 'copies', 'parked'] as const)) });
  },
  // Messages (schema version 8): the conversation rows are checked against the messages in checkReferences.
  conversations: (x, path, ctx) => {
    const f = fields(x, path, ctx);
    // The unread counts are read and left out: derived, they are counted again after a restore.
    f.opt('buyerUnread', int(0, Number.MAX_SAFE_INTEGER));
    f.opt('sellerUnread', int(0, Number.MAX_SAFE_INTEGER));
    return f.end({
      buyer: f.req('buyer', buyerId), lastAt: f.req('lastAt', int(0, Number.MAX_SAFE_INTEGER)), ...f.opt('lastId', id()),
      ...f.opt('lastFrom', oneOf(['buyer', 'seller'] as const)), ...f.opt('lastText', anyText(2000)),
      ...f.opt('buyerReadUpTo', time), ...f.opt('sellerReadUpTo', time),
    });
  },
  // Schema version 9: a product's units sold. `counted` is read and left out: derived from the
  // orders, it is counted again on restore (backup.ts); what the shop published is kept.
  sold: (x, path, ctx) => {
    const f = fields(x, path, ctx);
    f.opt('counted', COUNT);
    return f.end({ productId: f.req('productId', productId), ...f.opt('published', COUNT), ...f.opt('publishedN', N) });
  },
  messageOutbox: (x, path, ctx) => {
    const f = fields(x, path, ctx);
    return f.end({
      id: f.req('id', id()), buyer: f.req('buyer', buyerId), from: f.req('from', oneOf(['buyer', 'seller'] as const)),
      queuedAt: f.req('queuedAt', time), status: f.req('status', oneOf(['queued', 'refused'] as const)), ...f.opt('error', anyText(100_000)),
    });
  },
};

/** An account of the ledger: the shop's own, or a buyer's `available:<buyer>` / `escrow:<buyer>`. */
const account: Check<AccountKey> = (x, path, ctx) => {
  if (x === 'revenue' || x === 'cash' || x === 'compensation') return x;
  const m = typeof x === 'string' ? /^(available|escrow):(.*)$/.exec(x) : null;
  if (m) {
    const before = ctx.count;
    buyerId(m[2], path, ctx);
    if (ctx.count === before) return x as AccountKey;
    return none();
  }
  ctx.add(path, `must be an account ("revenue", "cash", "compensation", "available:<buyer>" or "escrow:<buyer>"), got ${JSON.stringify(x)?.slice(0, 60)}`);
  return none();
};

const base64: Check<string> = (x, path, ctx) => {
  if (typeof x !== 'string' || x.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(x)) ctx.add(path, 'must be a picture in base64');
  return x as string;
};

function base64Bytes(data: string): number {
  return (data.length / 4) * 3 - (data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0);
}

/** The first row of `table` that is not what this app writes, or undefined. */
export function checkRows(table: string, rows: readonly unknown[]): Damage | undefined {
  const check = ROWS[table];
  for (let i = 0; i < rows.length; i++) {
    const result = table === 'events' ? validateEvent(rows[i]) : table === 'messages' ? validateMessage(rows[i]) : check ? run(rows[i], check) : undefined;
    if (result && !result.ok) return damage(table, i, result.errors[0]!);
  }
  return undefined;
}
