import type { Decision, DecisionKind, RejectReason, Review, Snapshots, Withdrawal } from '../events.ts';
import type { WithdrawalId } from '../ids.ts';
import type { BuyerAccount, Posting, ShopAccount } from '../ledger.ts';
import { arrayOf, type Check, type Fields, fields, none, unique } from './check.ts';
import { AMOUNT, id, INITIALS, int, keysOf, LONG_TEXT, oneOf, PHOTO_LIST, POSTING_AMOUNT, rev, time } from './scalars.ts';
import { inventory, product, promotion, shopProfile } from './catalog.ts';
import { skuKeyOf } from '../options.ts';
import { attachmentsField, eventBase, eventId } from './base.ts';
import { buyerId, order, orderId, productId, team } from './order.ts';

export const withdrawalId = id<WithdrawalId>();

export const DECISION_KINDS = keysOf<DecisionKind>({
  'order.accepted': true,
  'order.rejected': true,
  'order.cancelled': true,
  'order.shipped': true,
  'order.ready': true,
  'order.received': true,
  'order.finished': true,
  'refund.requested': true,
  'refund.approved': true,
  'refund.declined': true,
  'claim.filed': true,
  'claim.compensated': true,
  'claim.declined': true,
  'review.published': true,
  'wallet.credited': true,
  'withdrawal.held': true,
  'withdrawal.paid': true,
  'withdrawal.declined': true,
  'team.succeeded': true,
  'team.failed': true,
  'shop.saved': true,
  'product.saved': true,
  'promotion.saved': true,
  'intent.rejected': true,
});

const REJECT_REASONS = keysOf<RejectReason>({
  malformed: true,
  'not-allowed': true,
  'unknown-order': true,
  'not-your-order': true,
  'invalid-state': true,
  'product-unavailable': true,
  'out-of-stock': true,
  'flash-not-started': true,
  'flash-ended': true,
  'flash-sold-out': true,
  'flash-limit': true,
  'team-closed': true,
  'team-full': true,
  'team-member': true,
  'insufficient-balance': true,
  'price-changed': true,
  'coupon-invalid': true,
  'delivery-invalid': true,
  'refund-window-closed': true,
  'already-reviewed': true,
  tampered: true,
  'product-changed': true,
});

/* ------------------------------------------------------------------ ledger */

const BUYER_ACCOUNTS = keysOf<BuyerAccount>({ available: true, escrow: true });
const SHOP_ACCOUNTS = keysOf<ShopAccount>({ revenue: true, cash: true, compensation: true });

const posting: Check<Posting> = (x, path, ctx) => {
  const f = fields(x, path, ctx);
  const account = f.req('account', oneOf([...BUYER_ACCOUNTS, ...SHOP_ACCOUNTS]));
  if (account === 'available' || account === 'escrow') {
    return f.end({ account, buyer: f.req('buyer', buyerId), amount: f.req('amount', POSTING_AMOUNT) });
  }
  if (account === undefined) return none();
  return f.end({ account, amount: f.req('amount', POSTING_AMOUNT) });
};

export const MAX_POSTINGS = 64;

/** A decision's postings: at most 64, and summing to exactly zero (summed exactly, as big integers). */
const postings: Check<Posting[]> = (x, path, ctx) => {
  const before = ctx.count;
  const list = arrayOf(posting, 0, MAX_POSTINGS)(x, path, ctx);
  if (ctx.count === before) {
    let total = 0n;
    for (const p of list) total += BigInt(p.amount);
    if (total !== 0n) ctx.add(path, `must sum to zero, but sum to ${total}`);
  }
  return list;
};

/* ------------------------------------------------------------------ snapshots */

export const review: Check<Review> = (x, path, ctx) => {
  const f = fields(x, path, ctx);
  return f.end({
    id: f.req('id', eventId),
    ...f.opt('orderId', orderId),
    ...f.opt('buyer', buyerId),
    ...f.opt('initials', INITIALS),
    productIds: f.req('productIds', arrayOf(productId, 1, 100)),
    rating: f.req('rating', int(1, 5)),
    text: f.req('text', LONG_TEXT),
    ...f.opt('photos', attachmentsField(PHOTO_LIST)),
    at: f.req('at', time),
  });
};

export const withdrawal: Check<Withdrawal> = (x, path, ctx) => {
  const f = fields(x, path, ctx);
  return f.end({
    id: f.req('id', withdrawalId),
    buyer: f.req('buyer', buyerId),
    amount: f.req('amount', AMOUNT),
    status: f.req('status', oneOf(['pending', 'paid', 'declined'] as const)),
    requestedAt: f.req('requestedAt', time),
    ...f.opt('settledAt', time),
    ...f.opt('note', LONG_TEXT),
  });
};

export const MAX_SNAPSHOT = 1000;

/** A snapshot list: each thing at most once, as a fold keeps one value per thing. */
function snapshotList<T>(item: Check<T>, key: (t: T) => string, field: string): Check<T[]> {
  const list = arrayOf(item, 0, MAX_SNAPSHOT);
  return (x, path, ctx) => {
    const before = ctx.count;
    const items = list(x, path, ctx);
    if (ctx.count === before) unique(items, key, path, field, ctx);
    return items;
  };
}

const snapshots: Check<Snapshots> = (x, path, ctx) => {
  const f = fields(x, path, ctx);
  return f.end({
    ...f.opt('shop', shopProfile),
    ...f.opt('products', snapshotList(product, (p) => p.id, 'id')),
    ...f.opt('inventory', snapshotList(inventory, skuKeyOf, 'productId')),
    ...f.opt('promotions', snapshotList(promotion, (p) => p.id, 'id')),
    ...f.opt('orders', snapshotList(order, (o) => o.id, 'id')),
    ...f.opt('teams', snapshotList(team, (t) => t.id, 'id')),
    ...f.opt('reviews', snapshotList(review, (r) => r.id, 'id')),
    ...f.opt('withdrawals', snapshotList(withdrawal, (w) => w.id, 'id')),
  });
};

/* ------------------------------------------------------------------ the decision */

/** Reads a decision from `f`, whose `type` the caller has already found to be "decision". */
export function decisionFrom(f: Fields): Decision {
  return f.end({
    ...eventBase(f),
    type: 'decision',
    kind: f.req('kind', oneOf(DECISION_KINDS, 'decision kind')),
    n: f.req('n', int(1, Number.MAX_SAFE_INTEGER)),
    ...f.opt('intentId', eventId),
    ...f.opt('intentRev', rev),
    ...f.opt('buyer', buyerId),
    ...f.opt('reason', oneOf(REJECT_REASONS, 'reject reason')),
    ...f.opt('message', LONG_TEXT),
    postings: f.req('postings', postings),
    set: f.req('set', snapshots),
  });
}
