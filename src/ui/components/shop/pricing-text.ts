import type { CouponPromotion, DiscountLine, PricedLine, PricingProblem, Promotion } from '../../../domain/index.ts';
import { normalizeCouponCode } from '../../../domain/index.ts';
import { formatMoney } from '../../format.ts';
import type { I18n, StringKey } from '../../i18n/index.ts';
import { lineName } from '../../../domain/orders.ts';

/**
 * The domain explains prices and problems in plain English for logs; people read them in
 * their own language, made here from the codes and the numbers.
 */
export interface PricingWords {
  i18n: I18n;
  currency: string;
  lines: readonly PricedLine[];
  promotions: ReadonlyMap<string, Promotion>;
  /** The code the buyer typed, and the coupon it names (if any). */
  couponCode: string;
  coupon: CouponPromotion | undefined;
  /** Product names, for lines the quote left out. */
  nameOf?: (productId: string) => string | undefined;
}

export function discountText(d: DiscountLine, w: PricingWords): string {
  const { t, intl } = w.i18n;
  const money = (n: number) => formatMoney(n, w.currency, intl);
  switch (d.kind) {
    case 'flash':
    case 'team': {
      const line = w.lines.find((l) => l.productId === d.productId && l.mode === d.kind);
      const params = { name: (line && lineName(line)) ?? w.nameOf?.(d.productId ?? '') ?? '', qty: line?.qty ?? 1 };
      return t(d.kind === 'flash' ? 'discount.flash' : 'discount.team', params);
    }
    case 'threshold': {
      const p = d.promotionId === undefined ? undefined : w.promotions.get(d.promotionId);
      if (p?.kind !== 'threshold') return t('discount.thresholdGone');
      const count = p.save > 0 ? Math.round(d.amount / p.save) : 1;
      const params = { spend: money(p.spend), save: money(p.save), count };
      return t(count > 1 ? 'discount.thresholdRepeat' : 'discount.threshold', params);
    }
    case 'coupon': {
      const p = d.promotionId === undefined ? undefined : w.promotions.get(d.promotionId);
      return t('discount.coupon', { code: p?.kind === 'coupon' ? normalizeCouponCode(p.code) : normalizeCouponCode(w.couponCode) });
    }
  }
}

const COUPON_CODES = new Set(['coupon-unknown', 'coupon-not-started', 'coupon-expired', 'coupon-used-up', 'coupon-buyer-limit', 'coupon-min-spend']);

export function isCouponProblem(p: PricingProblem): boolean {
  return COUPON_CODES.has(p.code);
}

/** Problems that belong to a line of a given mode: flash ones to the flash line, team ones to the team line. */
export function problemMode(p: PricingProblem): 'flash' | 'team' | undefined {
  if (p.code.startsWith('flash-') || p.code === 'no-flash-sale') return 'flash';
  if (p.code.startsWith('team-') || p.code === 'no-team-offer' || p.code === 'unknown-team') return 'team';
  return undefined;
}

export function problemText(p: PricingProblem, w: PricingWords, flashLimit?: number): string {
  const { t, intl } = w.i18n;
  const code = w.coupon ? normalizeCouponCode(w.coupon.code) : normalizeCouponCode(w.couponCode);
  const amount = w.coupon ? formatMoney(w.coupon.minSpend, w.currency, intl) : '';
  const key = `problem.${p.code}` as StringKey;
  return t(key, { code, amount, limit: flashLimit ?? '' });
}
