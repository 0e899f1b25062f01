import type { ShopProfile } from '../catalog.ts';
import { add, max, sub, sum, ZERO, type Money } from '../money.ts';
import type { Delivery, DiscountLine, PricedLine } from '../orders.ts';
import { priceLines } from './lines.ts';
import { problem } from './problem.ts';
import { applyCoupon, bestThreshold } from './promotions.ts';
import type { PricingInput, PricingProblem, Quote } from './types.ts';

/**
 * The shop's one pricing function: the cart, the checkout and the authority all call it, so
 * a buyer is charged exactly what they were shown. It is pure and deterministic: the same
 * input gives the same quote, discount lines in a fixed order (flash and team savings in
 * cart order, then the threshold, then the coupon).
 *
 * It never throws for a bad cart: whatever cannot be priced is left out of the totals and
 * explained in `problems`, and the caller decides whether a quote with problems may be
 * placed (the authority refuses it; the cart shows it).
 */
export function quote(input: PricingInput): Quote {
  if (input.lines.length === 0) {
    return nothingPriced(problem('empty-cart', 'The cart is empty'));
  }
  // A team order is for one product: with several lines there is no telling which one the
  // team is for, so the whole cart is refused rather than guessed at.
  if (input.team !== undefined && input.lines.length > 1) {
    return nothingPriced(problem('team-needs-one-line', 'A team order must be for exactly one product, on one team line'));
  }

  const { lines, specials, problems } = priceLines(input.lines, {
    product: input.product,
    findTeam: input.findTeam,
    at: input.at,
    choice: input.team,
  });
  const subtotal = sum(lines.map((l) => l.amount));
  const discounts: DiscountLine[] = [...specials];

  // Thresholds and coupons apply to regular-priced goods only: a flash or team price is
  // already the deal, and stacking a store-wide promotion on top of it would sell below the
  // price the seller chose for that deal.
  const eligible = regularAmount(lines);
  const promotions = [...input.promotions]; // read once: the iterable may be a one-shot generator
  const threshold = bestThreshold(promotions, eligible, input.at);
  if (threshold !== undefined) discounts.push(threshold);

  const afterThreshold = sub(eligible, threshold?.amount ?? ZERO);
  const coupon = applyCoupon(input.coupon, afterThreshold, {
    promotions,
    couponUses: input.couponUses,
    at: input.at,
  });
  if (coupon.kind === 'refused') problems.push(coupon.problem);
  if (coupon.kind === 'applied' && coupon.discount !== undefined) discounts.push(coupon.discount);

  const delivery = shippingFee(input.shop, input.delivery);
  if (delivery.problem !== undefined) problems.push(delivery.problem);
  // Nothing to send, nothing to pay for sending: a cart whose every line has a problem
  // shows a total of zero rather than a bare shipping fee.
  const shipping = lines.length > 0 ? delivery.fee : ZERO;

  const discountTotal = sum(discounts.map((d) => d.amount));
  const result: Quote = {
    lines,
    subtotal,
    discounts,
    discountTotal,
    shipping,
    // Discounts are each capped at what they apply to, so this is never negative; the max is
    // a last guard for the promise the Quote type makes.
    total: max(ZERO, add(sub(subtotal, discountTotal), shipping)),
    problems,
  };
  if (coupon.kind === 'applied') result.coupon = coupon.code;
  return result;
}

function regularAmount(lines: readonly PricedLine[]): Money {
  return sum(lines.filter((l) => l.mode === 'regular').map((l) => l.amount));
}

/** The fee for the chosen delivery; an unknown option or point costs nothing but is a problem. */
function shippingFee(shop: ShopProfile | undefined, delivery: Delivery | undefined): { fee: Money; problem?: PricingProblem } {
  if (delivery === undefined) return { fee: ZERO };
  if (delivery.kind === 'pickup') {
    const known = shop?.pickupPoints.some((p) => p.id === delivery.pointId) ?? false;
    return known
      ? { fee: ZERO }
      : { fee: ZERO, problem: problem('unknown-pickup-point', `There is no pickup point ${delivery.pointId}`) };
  }
  const option = shop?.shippingOptions.find((o) => o.id === delivery.optionId);
  return option !== undefined
    ? { fee: option.fee }
    : { fee: ZERO, problem: problem('unknown-shipping-option', `There is no shipping option ${delivery.optionId}`) };
}

function nothingPriced(why: PricingProblem): Quote {
  return { lines: [], subtotal: ZERO, discounts: [], discountTotal: ZERO, shipping: ZERO, total: ZERO, problems: [why] };
}
