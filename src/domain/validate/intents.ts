import type { BuyerIntent, Intent, PlaceOrder, ProductBase, SaveShop, SellerCommand } from '../events.ts';
import { arrayOf, type Check, type Ctx, type Fields, fields, none, quote } from './check.ts';
import { AMOUNT, CARRIER, CODE, int, LONG_TEXT, oneOf, PHOTO_LIST, text, time, TOTAL, TRACKING } from './scalars.ts';
import { attachmentsField, eventBase, optionsField } from './base.ts';
import { checkSaveStocks, combinationStocks } from './options.ts';
import { withdrawalId } from './decisions.ts';
import { product, promotion, shopProfile, STOCK } from './catalog.ts';
import { buyerId, cartLine, delivery, orderId, payment, teamChoice } from './order.ts';

type BuyerBase = Pick<PlaceOrder, 'id' | 'v' | 'at' | 'type' | 'by' | 'buyer' | 'sentAt'>;
type SellerBase = Pick<SaveShop, 'id' | 'v' | 'at' | 'type' | 'by'>;
type OfKind<U, K> = Extract<U, { kind: K }>;

/** Each buyer intent's own fields. A mapped type, so a kind added to events.ts must be added here. */
const BUYER: { [K in BuyerIntent['kind']]: (f: Fields, base: BuyerBase) => OfKind<BuyerIntent, K> } = {
  'order.place': (f, base) => ({
    ...base,
    kind: 'order.place',
    lines: f.req('lines', arrayOf(cartLine, 1, 100)),
    ...f.opt('coupon', CODE),
    payment: f.req('payment', payment),
    delivery: f.req('delivery', delivery),
    ...f.opt('team', teamChoice),
    expectedTotal: f.req('expectedTotal', TOTAL),
  }),
  'order.cancel': (f, base) => ({ ...base, kind: 'order.cancel', orderId: f.req('orderId', orderId), reason: f.req('reason', LONG_TEXT) }),
  'order.confirm-receipt': (f, base) => ({ ...base, kind: 'order.confirm-receipt', orderId: f.req('orderId', orderId) }),
  'refund.request': (f, base) => ({ ...base, kind: 'refund.request', orderId: f.req('orderId', orderId), reason: f.req('reason', LONG_TEXT) }),
  'claim.file': (f, base) => ({
    ...base, kind: 'claim.file', orderId: f.req('orderId', orderId), reason: f.req('reason', LONG_TEXT), ...f.opt('photos', attachmentsField(PHOTO_LIST)),
  }),
  'review.write': (f, base) => ({
    ...base,
    kind: 'review.write',
    orderId: f.req('orderId', orderId),
    rating: f.req('rating', int(1, 5)),
    text: f.req('text', LONG_TEXT),
    ...f.opt('photos', attachmentsField(PHOTO_LIST)),
  }),
  'withdrawal.request': (f, base) => ({ ...base, kind: 'withdrawal.request', amount: f.req('amount', AMOUNT) }),
  'wallet.demo-top-up': (f, base) => ({ ...base, kind: 'wallet.demo-top-up', amount: f.req('amount', AMOUNT) }),
};

/** What a product edit was made from (see `ProductBase`). */
const productBase: Check<ProductBase> = (x, path, ctx) => {
  const f = fields(x, path, ctx);
  return f.end({
    n: f.req('n', int(0, Number.MAX_SAFE_INTEGER)),
    stock: f.req('stock', STOCK),
    ...f.opt('stocks', optionsField(combinationStocks)),
  });
};

/** Each seller command's own fields. */
const SELLER: { [K in SellerCommand['kind']]: (f: Fields, base: SellerBase) => OfKind<SellerCommand, K> } = {
  'shop.save': (f, base) => ({ ...base, kind: 'shop.save', shop: f.req('shop', shopProfile) }),
  'product.save': (f, base) => ({
    ...base,
    kind: 'product.save',
    product: f.req('product', product),
    stock: f.req('stock', STOCK),
    ...f.opt('stocks', optionsField(combinationStocks)),
    ...f.opt('base', productBase),
  }),
  'promotion.save': (f, base) => ({ ...base, kind: 'promotion.save', promotion: f.req('promotion', promotion) }),
  'order.ship': (f, base) => ({
    ...base,
    kind: 'order.ship',
    orderId: f.req('orderId', orderId),
    carrier: f.req('carrier', CARRIER),
    tracking: f.req('tracking', TRACKING),
  }),
  'order.ready': (f, base) => ({ ...base, kind: 'order.ready', orderId: f.req('orderId', orderId) }),
  'order.hand-over': (f, base) => ({ ...base, kind: 'order.hand-over', orderId: f.req('orderId', orderId) }),
  'order.seller-cancel': (f, base) => ({ ...base, kind: 'order.seller-cancel', orderId: f.req('orderId', orderId), reason: f.req('reason', LONG_TEXT) }),
  'refund.approve': (f, base) => ({ ...base, kind: 'refund.approve', orderId: f.req('orderId', orderId) }),
  'refund.decline': (f, base) => ({ ...base, kind: 'refund.decline', orderId: f.req('orderId', orderId), reason: f.req('reason', LONG_TEXT) }),
  'claim.compensate': (f, base) => ({ ...base, kind: 'claim.compensate', orderId: f.req('orderId', orderId) }),
  'claim.decline': (f, base) => ({ ...base, kind: 'claim.decline', orderId: f.req('orderId', orderId), reason: f.req('reason', LONG_TEXT) }),
  'wallet.credit': (f, base) => ({
    ...base,
    kind: 'wallet.credit',
    buyer: f.req('buyer', buyerId),
    amount: f.req('amount', AMOUNT),
    method: f.req('method', oneOf(['cash', 'bank-transfer', 'other'] as const)),
    note: f.req('note', LONG_TEXT),
  }),
  'withdrawal.pay': (f, base) => ({ ...base, kind: 'withdrawal.pay', withdrawalId: f.req('withdrawalId', withdrawalId), note: f.req('note', LONG_TEXT) }),
  'withdrawal.decline': (f, base) => ({
    ...base,
    kind: 'withdrawal.decline',
    withdrawalId: f.req('withdrawalId', withdrawalId),
    reason: f.req('reason', LONG_TEXT),
  }),
};

const isBuyerKind = (k: string): k is BuyerIntent['kind'] => Object.hasOwn(BUYER, k);
const isSellerKind = (k: string): k is SellerCommand['kind'] => Object.hasOwn(SELLER, k);

const KIND = text({ max: 64, required: true });

/** Reads an intent from `f`, whose `type` the caller has already found to be "intent". */
export function intentFrom(f: Fields, ctx: Ctx): Intent {
  const base = { ...eventBase(f), type: 'intent' } as const;
  const by = f.req('by', oneOf(['buyer', 'seller'] as const));
  const kind = f.req('kind', KIND);
  if (by === 'buyer' && isBuyerKind(kind)) {
    const buyerBase: BuyerBase = { ...base, by, buyer: f.req('buyer', buyerId), sentAt: f.req('sentAt', time) };
    return f.end(BUYER[kind](f, buyerBase));
  }
  if (by === 'seller' && isSellerKind(kind)) {
    const before = ctx.count;
    const command = f.end(SELLER[kind](f, { ...base, by }));
    if (ctx.count === before && command.kind === 'product.save') checkSaveStocks(command.product, command.stocks, '', ctx);
    return command;
  }
  if (typeof kind === 'string' && (by === 'buyer' || by === 'seller')) {
    const other = by === 'buyer' ? isSellerKind(kind) : isBuyerKind(kind);
    ctx.add(
      'kind',
      other
        ? `${quote(kind)} is ${by === 'buyer' ? 'a seller command, not a buyer intent' : 'a buyer intent, not a seller command'}`
        : `unknown intent kind ${quote(kind)}`,
    );
  }
  return none();
}
