import type { BuyerId, OrderId, PickupPointId, ProductId, ShippingOptionId, TeamId } from '../ids.ts';
import type {
  CartLine,
  Delivery,
  DiscountKind,
  DiscountLine,
  LineMode,
  MoneyHeld,
  Order,
  OrderStatus,
  Payment,
  PricedLine,
  TeamChoice,
  TimelineEntry,
} from '../orders.ts';
import type { Team, TeamMember } from '../teams.ts';
import { arrayOf, type Check, child, fields, none } from './check.ts';
import { ADDRESS, bool, INITIALS, CARRIER, CODE, id, int, keysOf, LONG_TEXT, NAME, oneOf, PHOTO_LIST, PRICE, QTY, text, time, TOTAL, TRACKING } from './scalars.ts';
import { attachmentsField, optionsField } from './base.ts';
import { combinationId, offerCombinations } from './options.ts';

export const buyerId = id<BuyerId>();
export const orderId = id<OrderId>();
export const productId = id<ProductId>();
export const teamId = id<TeamId>();

const LINE_MODES = keysOf<LineMode>({ regular: true, team: true, flash: true });
const lineMode = oneOf(LINE_MODES);

export const ORDER_STATUSES = keysOf<OrderStatus>({
  'team-forming': true,
  accepted: true,
  shipped: true,
  'ready-for-pickup': true,
  received: true,
  finished: true,
  rejected: true,
  cancelled: true,
  'refund-requested': true,
  refunded: true,
  'claim-filed': true,
  compensated: true,
});
const orderStatus = oneOf(ORDER_STATUSES, 'order status');

/* ------------------------------------------------------------------ what a buyer sends */

export const cartLine: Check<CartLine> = (x, path, ctx) => {
  const f = fields(x, path, ctx);
  return f.end({
    productId: f.req('productId', productId),
    ...f.opt('combination', optionsField(combinationId)),
    qty: f.req('qty', QTY),
    mode: f.req('mode', lineMode),
  });
};

const PHONE = CODE;

export const delivery: Check<Delivery> = (x, path, ctx) => {
  const f = fields(x, path, ctx);
  const kind = f.req('kind', oneOf(['ship', 'pickup'] as const));
  switch (kind) {
    case 'ship':
      return f.end({
        kind,
        optionId: f.req('optionId', id<ShippingOptionId>()),
        address: f.req('address', ADDRESS),
        recipient: f.req('recipient', NAME),
        phone: f.req('phone', PHONE),
      });
    case 'pickup':
      return f.end({ kind, pointId: f.req('pointId', id<PickupPointId>()) });
    default:
      return none();
  }
};

export const payment: Check<Payment> = oneOf<Payment>(['wallet', 'on-pickup']);

export const teamChoice: Check<TeamChoice> = (x, path, ctx) => {
  const f = fields(x, path, ctx);
  const action = f.req('action', oneOf(['start', 'join'] as const));
  switch (action) {
    case 'start':
      return f.end({ action });
    case 'join':
      return f.end({ action, teamId: f.req('teamId', teamId) });
    default:
      return none();
  }
};

/* ------------------------------------------------------------------ order snapshot */

const VARIANT = text({ max: 130, required: true });

const pricedLine: Check<PricedLine> = (x, path, ctx) => {
  const f = fields(x, path, ctx);
  return f.end({
    productId: f.req('productId', productId),
    ...f.opt('combination', optionsField(combinationId)),
    name: f.req('name', NAME),
    // Up to 3 values' names (40 characters each) and their commas.
    ...f.opt('variant', optionsField(VARIANT)),
    qty: f.req('qty', QTY),
    mode: f.req('mode', lineMode),
    listPrice: f.req('listPrice', TOTAL),
    unitPrice: f.req('unitPrice', TOTAL),
    amount: f.req('amount', TOTAL),
    ...f.opt('sale', time),
  });
};

const DISCOUNT_KINDS = keysOf<DiscountKind>({ flash: true, team: true, threshold: true, coupon: true });

const discountLine: Check<DiscountLine> = (x, path, ctx) => {
  const f = fields(x, path, ctx);
  return f.end({
    kind: f.req('kind', oneOf(DISCOUNT_KINDS)),
    // Made by the pricing function from a promotion's label and some words of its own.
    label: f.req('label', text({ max: 500, required: true })),
    amount: f.req('amount', TOTAL),
    ...f.opt('productId', productId),
    ...f.opt('promotionId', id<string>()),
  });
};

const timelineEntry: Check<TimelineEntry> = (x, path, ctx) => {
  const f = fields(x, path, ctx);
  return f.end({
    what: f.req('what', oneOf([...ORDER_STATUSES, 'refund-declined', 'claim-declined'] as const, 'order status or event')),
    at: f.req('at', time),
    ...f.opt('note', LONG_TEXT),
  });
};

const MONEY_HELD = keysOf<MoneyHeld>({ none: true, escrow: true, revenue: true, returned: true });

export const order: Check<Order> = (x, path, ctx) => {
  const f = fields(x, path, ctx);
  return f.end({
    id: f.req('id', orderId),
    buyer: f.req('buyer', buyerId),
    status: f.req('status', orderStatus),
    // A rejected order keeps only the lines that could be priced, which may be none.
    lines: f.req('lines', arrayOf(pricedLine, 0, 100)),
    discounts: f.req('discounts', arrayOf(discountLine, 0, 200)),
    subtotal: f.req('subtotal', TOTAL),
    shipping: f.req('shipping', TOTAL),
    total: f.req('total', TOTAL),
    payment: f.req('payment', payment),
    delivery: f.req('delivery', delivery),
    ...f.opt('coupon', CODE),
    ...f.opt('team', teamId),
    placedAt: f.req('placedAt', time),
    sentAt: f.req('sentAt', time),
    held: f.req('held', oneOf(MONEY_HELD)),
    ...f.opt('autoConfirmAt', time),
    ...f.opt('receivedAt', time),
    ...f.opt('carrier', CARRIER),
    ...f.opt('tracking', TRACKING),
    ...f.opt('pickupPointId', id<PickupPointId>()),
    ...f.opt('before', orderStatus),
    ...f.opt('requestedAt', time),
    ...f.opt('reason', LONG_TEXT),
    ...f.opt('photos', attachmentsField(PHOTO_LIST)),
    reviewed: f.req('reviewed', bool),
    timeline: f.req('timeline', arrayOf(timelineEntry, 0, 1000)),
  });
};

/* ------------------------------------------------------------------ team snapshot */

const teamMember: Check<TeamMember> = (x, path, ctx) => {
  const f = fields(x, path, ctx);
  return f.end({ orderId: f.req('orderId', orderId), buyer: f.req('buyer', buyerId) });
};

export const team: Check<Team> = (x, path, ctx) => {
  const before = ctx.count;
  const f = fields(x, path, ctx);
  const t = f.end({
    id: f.req('id', teamId),
    productId: f.req('productId', productId),
    ...f.opt('combination', optionsField(combinationId)),
    ...f.opt('anyCombination', optionsField(bool)),
    ...f.opt('prices', optionsField(offerCombinations)),
    price: f.req('price', PRICE),
    size: f.req('size', int(2, 100)),
    ...f.opt('leader', buyerId),
    members: f.req('members', arrayOf(teamMember, 0, 100)),
    ...f.opt('joined', int(0, 100)),
    ...f.opt('initials', arrayOf(INITIALS, 0, 100)),
    openedAt: f.req('openedAt', time),
    deadline: f.req('deadline', time),
    status: f.req('status', oneOf(['forming', 'succeeded', 'failed'] as const)),
    ...f.opt('closedAt', time),
  });
  if (ctx.count === before) {
    if (t.members.length > t.size) ctx.add(child(path, 'members'), `must have at most size (${t.size}) members, got ${t.members.length}`);
    if (t.joined !== undefined && t.joined > t.size) ctx.add(child(path, 'joined'), `must be at most size (${t.size}), got ${t.joined}`);
    if (t.deadline <= t.openedAt) ctx.add(child(path, 'deadline'), 'must be after openedAt');
  }
  return t;
};
