import { normalizeCouponCode, type CouponPromotion, type PricingProblem } from '../../domain/index.ts';
import type { AppContext } from '../context.ts';
import { getMySetting, setMySetting, type Person } from '../person-settings.ts';
import { pricedCart } from '../queries/shop.ts';

/** Problems a code can wait out (more in the cart, its start date): kept, it applies once they pass. */
const PASSING = new Set<PricingProblem['code']>(['coupon-min-spend', 'coupon-not-started']);

const isCouponProblem = (p: PricingProblem) => p.code.startsWith('coupon-');

/** A coupon code and what stands in its way in this cart now (nothing: it applies). */
export interface CodeInCart {
  code: string;
  problem: PricingProblem | undefined;
}

/**
 * Which code the cart keeps when the buyer applies `typed` while `saved` is in it. A code that
 * applies now is kept; one that only waits (more to spend, not started) is kept if the cart
 * has no coupon that applies; anything else (a wrong code, an expired or used one) is not
 * kept, and a good coupon already in the cart stays.
 */
export function chooseCoupon(saved: CodeInCart, typed: CodeInCart): string {
  if (typed.problem === undefined) return typed.code;
  const savedApplies = saved.code !== '' && saved.problem === undefined;
  if (PASSING.has(typed.problem.code) && !savedApplies) return typed.code;
  return saved.code;
}

/**
 * A saved coupon the buyer has used as often as it allows (WELCOME10, once used) will never
 * apply again: it leaves the cart quietly rather than being explained at every checkout.
 */
export const isSpentCoupon = (p: PricingProblem): boolean => p.code === 'coupon-buyer-limit';

export type CouponOutcome =
  /** Kept in the cart: it applies, or waits for what `problem` says. */
  | { kind: 'kept'; code: string; problem: PricingProblem | undefined }
  /** Not kept: `problem` says why; `still` is the coupon still in the cart ('' for none). */
  | { kind: 'refused'; code: string; problem: PricingProblem; coupon: CouponPromotion | undefined; still: string };

/** The buyer applies a coupon code to their cart (normalised; an empty one is the caller's to refuse). */
export async function applyCouponCode(app: AppContext & Person, typed: string): Promise<CouponOutcome> {
  const code = normalizeCouponCode(typed);
  const saved = await getMySetting(app, 'coupon');
  const at = app.now();
  const inCart = async (c: string) => {
    const priced = await pricedCart(app.store, app.buyer(), at, c);
    return { code: c, problem: c === '' ? undefined : priced.quote.problems.find(isCouponProblem), coupon: priced.coupon };
  };
  const [mine, theirs] = await Promise.all([inCart(saved), inCart(code)]);
  const keep = chooseCoupon(mine, theirs);
  if (keep === code) {
    if (code !== saved) await setMySetting(app, 'coupon', code);
    return { kind: 'kept', code, problem: theirs.problem };
  }
  const still = mine.problem !== undefined && isSpentCoupon(mine.problem) ? '' : saved;
  return { kind: 'refused', code, problem: theirs.problem!, coupon: theirs.coupon, still };
}
