import {
  isPromotionLive,
  normalizeCouponCode,
  type CouponPromotion,
  type Millis,
  type Promotion,
  type ThresholdPromotion,
} from '../catalog.ts';
import { min, percentOf, times, ZERO, type Money } from '../money.ts';
import type { DiscountLine } from '../orders.ts';
import { problem } from './problem.ts';
import type { PricingProblem } from './types.ts';

/**
 * The best single threshold (满减) for an eligible amount, as a discount line, or undefined.
 *
 * Like Taobao's tiers ("spend 100 save 10, spend 200 save 25"), thresholds do not stack:
 * the buyer gets the one that saves the most. Ties go to the lowest promotion id, so the
 * same cart always gets the same explanation. A saving is never more than the eligible
 * amount, whatever the seller typed.
 */
export function bestThreshold(promotions: readonly Promotion[], eligible: Money, at: Millis): DiscountLine | undefined {
  let best: { promo: ThresholdPromotion; saving: Money; count: number } | undefined;
  for (const promo of promotions) {
    if (promo.kind !== 'threshold' || !isPromotionLive(promo, at)) continue;
    // A threshold of nothing (or less) is a misconfiguration, and "for every 0 spent"
    // has no meaning: skip it rather than divide by zero.
    if (promo.spend <= 0 || promo.save <= 0 || eligible < promo.spend) continue;
    const count = promo.repeat ? Math.floor(eligible / promo.spend) : 1;
    const saving = min(times(promo.save, count), eligible);
    const better =
      best === undefined || saving > best.saving || (saving === best.saving && promo.id < best.promo.id);
    if (better) best = { promo, saving, count };
  }
  if (best === undefined) return undefined;
  const { promo, saving, count } = best;
  return {
    kind: 'threshold',
    label: count > 1 ? `${promo.label} (× ${count})` : promo.label,
    amount: saving,
    promotionId: promo.id,
  };
}

export type CouponOutcome =
  /** No code was given (or only spaces): nothing to apply and nothing to complain about. */
  | { kind: 'none' }
  | { kind: 'refused'; problem: PricingProblem }
  /** `discount` is absent only when the coupon applies but rounds to a saving of zero. */
  | { kind: 'applied'; code: string; discount: DiscountLine | undefined };

export interface CouponContext {
  promotions: readonly Promotion[];
  couponUses: (code: string) => { total: number; byBuyer: number };
  at: Millis;
}

/**
 * Applies the buyer's coupon code to `base`: the regular-priced amount still left after the
 * threshold saving, so a coupon and a threshold never both discount the same money.
 */
export function applyCoupon(raw: string | undefined, base: Money, ctx: CouponContext): CouponOutcome {
  const code = normalizeCouponCode(raw ?? '');
  if (code === '') return { kind: 'none' };

  const coupon = findCoupon(ctx.promotions, code, ctx.at);
  if (coupon === undefined) {
    return refused('coupon-unknown', `There is no coupon ${code}`);
  }
  if (ctx.at < coupon.startsAt) return refused('coupon-not-started', `Coupon ${code} cannot be used yet`);
  if (ctx.at >= coupon.endsAt) return refused('coupon-expired', `Coupon ${code} has expired`);

  const uses = ctx.couponUses(code);
  if (coupon.limit !== undefined && uses.total >= coupon.limit) {
    return refused('coupon-used-up', `Coupon ${code} has been used up`);
  }
  if (coupon.perBuyerLimit !== undefined && uses.byBuyer >= coupon.perBuyerLimit) {
    return refused('coupon-buyer-limit', `You have already used coupon ${code} as often as it allows`);
  }
  // A coupon needs something to take money off: with no regular-priced goods left (say, a
  // cart of flash-sale items) it would count as used for nothing, so it is refused instead.
  if (base <= 0 || base < coupon.minSpend) {
    return refused('coupon-min-spend', `Coupon ${code} needs at least ${coupon.minSpend} (minor units) spent on regular-priced goods`);
  }

  const saving = couponSaving(coupon, base);
  const discount: DiscountLine | undefined =
    saving > 0 ? { kind: 'coupon', label: `Coupon ${code}: ${coupon.label}`, amount: saving, promotionId: coupon.id } : undefined;
  return { kind: 'applied', code, discount };
}

/**
 * The coupon with this (normalised) code. Inactive coupons are treated as unknown: a
 * withdrawn code should look the same as one that never existed. Should a seller have two
 * active coupons with one code, the one live at `at` wins, then the lowest id, so the choice
 * does not depend on the order promotions happen to be stored in.
 */
function findCoupon(promotions: readonly Promotion[], code: string, at: Millis): CouponPromotion | undefined {
  const matches = promotions
    .filter((p): p is CouponPromotion => p.kind === 'coupon' && p.active && normalizeCouponCode(p.code) === code)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return matches.find((c) => isPromotionLive(c, at)) ?? matches[0];
}

/** Rounded down (percentOf does), and never more than the amount it applies to. */
function couponSaving(coupon: CouponPromotion, base: Money): Money {
  const { save } = coupon;
  const raw = save.kind === 'amount' ? save.amount : percentOf(base, clamp(save.percent, 0, 100));
  return raw <= 0 ? ZERO : min(raw, base);
}

/** Bounds a percentage; a NaN (a bad import, say) counts as no saving rather than a crash. */
function clamp(x: number, lo: number, hi: number): number {
  return Number.isNaN(x) ? lo : Math.min(hi, Math.max(lo, x));
}

function refused(code: PricingProblem['code'], message: string): CouponOutcome {
  return { kind: 'refused', problem: problem(code, message) };
}
