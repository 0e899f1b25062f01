/**
 * A backup's rows, checked before anything is restored: every row of every table through the
 * domain's validators (events as the shop's documents; products, orders, money, ids as the
 * domain has them), the columns storage derives from a row's value (a product's search words,
 * an order's status…), and the references between tables (an outbox entry's intent, the
 * decision that set each view row, each balance against the postings of the stored decisions).
 * The first problem found is returned, naming the table, the row and the field.
 */
import type { AccountKey, BuyerId, Decision, Inventory, Order, Product, Promotion, Review, ShopEvent, ShopProfile, Team, Withdrawal } from '../domain/index.ts';
import { accountKey, searchTags, skuKeyOf } from '../domain/index.ts';
import { inventory, product, promotion, shopProfile, STOCK } from '../domain/validate/catalog.ts';
import { arrayOf, type Check, type Ctx, fields, none, run } from '../domain/validate/check.ts';
import { review, withdrawal } from '../domain/validate/decisions.ts';
import { combinationId } from '../domain/validate/options.ts';
import { validateEvent } from '../domain/validate/index.ts';
import { validateMessage } from '../domain/validate/messages.ts';
import { buyerId, order, orderId, productId, team, teamId } from '../domain/validate/order.ts';
import { bool, id, int, literal, oneOf, POSTING_AMOUNT, PRICE, QTY, time } from '../domain/validate/scalars.ts';
import { cartKey, personKey, SHOP_KEY } from './rows.ts';
import { indexWords } from './words.ts';

export interface Damage {
  table: string;
  /** 1 for the first row; 0 for the table as a whole. */
  row: number;
  /** The field's path in the row (`amount`, `value.lines[0].qty`), or '' for the whole row. */
  field: string;
  /** What is wrong, in English (the UI says the kind of it in the reader's language). */
  problem: string;
  kind: DamageKind;
}

/** What kind of damage, for the person in their language. */
export type DamageKind = 'missing' | 'wrong' | 'newer' | 'reference' | 'duplicate';

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
    return f.end({
      buyer: f.req('buyer', buyerId), lastAt: f.req('lastAt', int(0, Number.MAX_SAFE_INTEGER)), ...f.opt('lastId', id()),
      ...f.opt('lastFrom', oneOf(['buyer', 'seller'] as const)), ...f.opt('lastText', anyText(2000)),
      ...f.opt('buyerReadUpTo', time), ...f.opt('sellerReadUpTo', time),
    });
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

/** The kind of a validator's message. */
function kindOf(problem: string): DamageKind {
  if (/unsupported version/.test(problem)) return 'newer';
  if (problem === 'is required') return 'missing';
  if (/^repeats /.test(problem)) return 'duplicate';
  if (/^does not match|^names no |^is not the sum/.test(problem)) return 'reference';
  return 'wrong';
}

function damage(table: string, index: number, error: string): Damage {
  const at = error.indexOf(': ');
  const field = at < 0 ? '' : error.slice(0, at);
  const problem = at < 0 ? error : error.slice(at + 2);
  return { table, row: index + 1, field: field === 'document' ? '' : field, problem, kind: kindOf(problem) };
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

/** Keys of the things a decision sets in each view table. */
function keysSet(d: Decision): Record<string, string[]> {
  const { set } = d;
  return {
    shop: set.shop ? [SHOP_KEY] : [],
    products: (set.products ?? []).map((p) => p.id),
    skus: (set.inventory ?? []).map(skuKeyOf),
    promotions: (set.promotions ?? []).map((p) => p.id),
    teams: (set.teams ?? []).map((t) => t.id),
    orders: (set.orders ?? []).map((o) => o.id),
    reviews: (set.reviews ?? []).map((r) => r.id),
    withdrawals: (set.withdrawals ?? []).map((w) => w.id),
  };
}

const VIEW_KEY: Record<string, string> = {
  shop: 'key', products: 'id', skus: 'sku', promotions: 'id', teams: 'id', orders: 'id', reviews: 'id', withdrawals: 'id',
};

/**
 * The references between tables, once every row is well formed: what this app keeps together
 * in one transaction must be there together. A view row was set by a stored decision; an
 * outbox entry is a stored intent; a decision to publish is stored; each balance is the sum of
 * the stored decisions' postings to it, and every account they post to has its balance.
 */
export function checkReferences(tables: Record<string, unknown[]>): Damage | undefined {
  const events = tables.events as ShopEvent[];
  const byId = new Map<string, ShopEvent>(events.map((e) => [e.id, e]));
  const byN = new Map<number, Decision[]>();
  const sums = new Map<AccountKey, bigint>();
  for (const e of events) {
    if (e.type !== 'decision') continue;
    byN.set(e.n, [...(byN.get(e.n) ?? []), e]);
    for (const p of e.postings) sums.set(accountKey(p), (sums.get(accountKey(p)) ?? 0n) + BigInt(p.amount));
  }
  const refused = (table: string, i: number, field: string, problem: string): Damage => ({ table, row: i + 1, field, problem, kind: 'reference' });

  for (const [table, key] of Object.entries(VIEW_KEY)) {
    const rows = tables[table] as { n: number; [k: string]: unknown }[];
    for (let i = 0; i < rows.length; i++) {
      const { n } = rows[i]!;
      const thing = String(rows[i]![key]);
      if (!(byN.get(n) ?? []).some((d) => keysSet(d)[table]!.includes(thing))) {
        return refused(table, i, 'n', `names no stored decision that set ${JSON.stringify(thing)} (number ${n})`);
      }
    }
  }
  const outbox = tables.outbox as { id: string }[];
  for (let i = 0; i < outbox.length; i++) {
    if (byId.get(outbox[i]!.id)?.type !== 'intent') return refused('outbox', i, 'id', `names no stored intent ${JSON.stringify(outbox[i]!.id)}`);
  }
  const messageIds = new Set((tables.messages ?? []).map((m) => (m as { id: string }).id));
  const messageOutbox = (tables.messageOutbox ?? []) as { id: string }[];
  for (let i = 0; i < messageOutbox.length; i++) {
    if (!messageIds.has(messageOutbox[i]!.id)) return refused('messageOutbox', i, 'id', `names no stored message ${JSON.stringify(messageOutbox[i]!.id)}`);
  }
  const conversations = (tables.conversations ?? []) as { buyer: string; lastId?: string }[];
  for (let i = 0; i < conversations.length; i++) {
    const last = conversations[i]!.lastId;
    if (last !== undefined && !messageIds.has(last)) return refused('conversations', i, 'lastId', `names no stored message ${JSON.stringify(last)}`);
  }
  const publish = tables.publish as { id: string; n: number }[];
  for (let i = 0; i < publish.length; i++) {
    const d = byId.get(publish[i]!.id);
    if (d?.type !== 'decision' || d.n !== publish[i]!.n) return refused('publish', i, 'id', `names no stored decision ${JSON.stringify(publish[i]!.id)} numbered ${publish[i]!.n}`);
  }
  const balances = tables.balances as { account: AccountKey; amount: number }[];
  const seen = new Set<string>();
  for (let i = 0; i < balances.length; i++) {
    const { account: key, amount } = balances[i]!;
    seen.add(key);
    const sum = sums.get(key) ?? 0n;
    if (BigInt(amount) !== sum) return refused('balances', i, 'amount', `is not the sum of the stored decisions' postings to ${key} (${sum})`);
  }
  for (const [key, sum] of sums) {
    if (!seen.has(key)) return { table: 'balances', row: 0, field: '', problem: `has no balance of ${key}, to which the stored decisions post ${sum}`, kind: 'missing' };
  }
  return undefined;
}

/** The message `BackupError` carries, in English. */
export function damageText(d: Damage): string {
  const where = `${d.row === 0 ? '' : `row ${d.row} of `}the table '${d.table}'${d.field === '' ? '' : `, field '${d.field}'`}`;
  return d.kind === 'newer'
    ? `This backup was made by a newer app version (${where}: ${d.problem}). Update the app, then restore it.`
    : `This backup is damaged: ${where}: ${d.problem}.`;
}

