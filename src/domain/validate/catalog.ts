import type {
  CouponPromotion,
  CouponSaving,
  FlashSale,
  Inventory,
  PickupPoint,
  Product,
  Promotion,
  ShippingOption,
  ShopPolicies,
  ShopProfile,
  TeamOffer,
  ThresholdPromotion,
} from '../catalog.ts';
import type { PickupPointId, ProductId, PromotionId, ShippingOptionId } from '../ids.ts';
import { arrayOf, type Check, child, type Ctx, type Fields, fields, none, refine, unique } from './check.ts';
import { ADDRESS, AMOUNT, bool, CODE, FEE, id, int, LONG_TEXT, MAX_COUNT, NAME, oneOf, PHOTO, PRICE, STOCK, text, time } from './scalars.ts';
import { optionsField } from './base.ts';
import { checkProductOptions, combinationId, combinations, offerCombinations, optionGroups } from './options.ts';

/* ------------------------------------------------------------------ shop profile */

const CURRENCY = refine(text({ max: 3, required: true }), (s) =>
  /^[A-Z]{3}$/.test(s) ? undefined : `must be a three-letter ISO 4217 code such as "CNY", got ${JSON.stringify(s)}`,
);
const DAYS = int(0, 365);

const policies: Check<ShopPolicies> = (x, path, ctx) => {
  const f = fields(x, path, ctx);
  return f.end({
    autoConfirmDaysShipped: f.req('autoConfirmDaysShipped', DAYS),
    autoConfirmDaysPickup: f.req('autoConfirmDaysPickup', DAYS),
    refundWindowDays: f.req('refundWindowDays', DAYS),
    compensationMultiple: f.req('compensationMultiple', int(0, 10)),
    demoTopUps: f.req('demoTopUps', bool),
  });
};

const pickupPoint: Check<PickupPoint> = (x, path, ctx) => {
  const f = fields(x, path, ctx);
  return f.end({
    id: f.req('id', id<PickupPointId>()),
    name: f.req('name', NAME),
    address: f.req('address', ADDRESS),
  });
};

const shippingOption: Check<ShippingOption> = (x, path, ctx) => {
  const f = fields(x, path, ctx);
  return f.end({
    id: f.req('id', id<ShippingOptionId>()),
    name: f.req('name', NAME),
    fee: f.req('fee', FEE),
  });
};

/** Lists checked for repeated ids once every item is known to be well formed. */
function uniqueList<T extends { id: string }>(item: Check<T>, max: number): Check<T[]> {
  const list = arrayOf(item, 0, max);
  return (x, path, ctx) => {
    const before = ctx.count;
    const items = list(x, path, ctx);
    if (ctx.count === before) unique(items, (t) => t.id, path, 'id', ctx);
    return items;
  };
}

export const shopProfile: Check<ShopProfile> = (x, path, ctx) => {
  const f = fields(x, path, ctx, path === '');
  return f.end({
    name: f.req('name', NAME),
    currency: f.req('currency', CURRENCY),
    policies: f.req('policies', policies),
    pickupPoints: f.req('pickupPoints', uniqueList(pickupPoint, 50)),
    shippingOptions: f.req('shippingOptions', uniqueList(shippingOption, 50)),
  });
};

/* ------------------------------------------------------------------ products */

const TAG = text({ max: 40, required: true });
const CATEGORY = text({ max: 120 });

const teamOffer: Check<TeamOffer> = (x, path, ctx) => {
  const f = fields(x, path, ctx);
  return f.end({
    price: f.req('price', PRICE),
    size: f.req('size', int(2, 100)),
    windowHours: f.req('windowHours', int(1, 720)),
    ...f.opt('combinations', optionsField(offerCombinations)),
    ...f.opt('anyCombination', optionsField(bool)),
  });
};

/** Reports `endsAt` not after `startsAt` when both were read cleanly. */
function endsAfterStart(startsAt: number | undefined, endsAt: number | undefined, path: string, ctx: Ctx, before: number): void {
  if (ctx.count !== before || startsAt === undefined || endsAt === undefined) return;
  if (endsAt <= startsAt) ctx.add(child(path, 'endsAt'), 'must be after startsAt');
}

const flashSale: Check<FlashSale> = (x, path, ctx) => {
  const before = ctx.count;
  const f = fields(x, path, ctx);
  const flash = f.end({
    price: f.req('price', PRICE),
    startsAt: f.req('startsAt', time),
    endsAt: f.req('endsAt', time),
    stock: f.req('stock', int(1, MAX_COUNT)),
    perBuyerLimit: f.req('perBuyerLimit', int(1, MAX_COUNT)),
    ...f.opt('combinations', optionsField(offerCombinations)),
  });
  endsAfterStart(flash.startsAt, flash.endsAt, path, ctx, before);
  return flash;
};

export const product: Check<Product> = (x, path, ctx) => {
  const before = ctx.count;
  const f = fields(x, path, ctx, path === '');
  const p = f.end({
    id: f.req('id', id<ProductId>()),
    name: f.req('name', NAME),
    description: f.req('description', LONG_TEXT),
    category: f.req('category', CATEGORY),
    tags: f.req('tags', arrayOf(TAG, 0, 20)),
    price: f.req('price', PRICE),
    photos: f.req('photos', arrayOf(PHOTO, 0, 12)),
    hidden: f.req('hidden', bool),
    ...f.opt('team', teamOffer),
    ...f.opt('flash', flashSale),
    ...f.opt('options', optionsField(optionGroups)),
    ...f.opt('combinations', optionsField(combinations)),
  });
  if (ctx.count === before) checkProductOptions(p, path, ctx);
  return p;
};

export { STOCK } from './scalars.ts';

export const inventory: Check<Inventory> = (x, path, ctx) => {
  const f = fields(x, path, ctx, path === '');
  return f.end({
    productId: f.req('productId', id<ProductId>()),
    ...f.opt('combination', optionsField(combinationId)),
    stock: f.req('stock', STOCK),
    flashSold: f.req('flashSold', STOCK),
    ...f.opt('sale', optionsField(time)),
  });
};

/* ------------------------------------------------------------------ promotions */

const couponSaving: Check<CouponSaving> = (x, path, ctx) => {
  const f = fields(x, path, ctx);
  const kind = f.req('kind', oneOf(['amount', 'percent'] as const));
  switch (kind) {
    case 'amount':
      return f.end({ kind, amount: f.req('amount', AMOUNT) });
    case 'percent':
      return f.end({ kind, percent: f.req('percent', int(1, 100)) });
    default:
      return none();
  }
};

function thresholdPromotion(f: Fields, kind: 'threshold', path: string, ctx: Ctx, before: number): ThresholdPromotion {
  const p = f.end({
    id: f.req('id', id<PromotionId>()),
    kind,
    label: f.req('label', NAME),
    spend: f.req('spend', AMOUNT),
    save: f.req('save', AMOUNT),
    repeat: f.req('repeat', bool),
    ...f.opt('startsAt', time),
    ...f.opt('endsAt', time),
    active: f.req('active', bool),
  });
  if (ctx.count === before && p.save > p.spend) ctx.add(child(path, 'save'), 'must not be more than spend');
  endsAfterStart(p.startsAt, p.endsAt, path, ctx, before);
  return p;
}

function couponPromotion(f: Fields, kind: 'coupon', path: string, ctx: Ctx, before: number): CouponPromotion {
  const p = f.end({
    id: f.req('id', id<PromotionId>()),
    kind,
    code: f.req('code', CODE),
    label: f.req('label', NAME),
    save: f.req('save', couponSaving),
    minSpend: f.req('minSpend', FEE),
    startsAt: f.req('startsAt', time),
    endsAt: f.req('endsAt', time),
    ...f.opt('limit', int(1, MAX_COUNT)),
    ...f.opt('perBuyerLimit', int(1, MAX_COUNT)),
    active: f.req('active', bool),
  });
  endsAfterStart(p.startsAt, p.endsAt, path, ctx, before);
  return p;
}

export const promotion: Check<Promotion> = (x, path, ctx) => {
  const before = ctx.count;
  const f = fields(x, path, ctx, path === '');
  const kind = f.req('kind', oneOf(['threshold', 'coupon'] as const));
  if (kind === 'threshold') return thresholdPromotion(f, kind, path, ctx, before);
  if (kind === 'coupon') return couponPromotion(f, kind, path, ctx, before);
  return none();
};
