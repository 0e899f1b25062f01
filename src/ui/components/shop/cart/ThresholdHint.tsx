import { isPromotionLive, type ThresholdPromotion } from '../../../../domain/index.ts';
import type { PricedCart } from '../../../../app/queries/shop.ts';
import { formatMoney } from '../../../format.ts';
import { useI18n } from '../../../i18n/index.ts';

/** "Spend ¥X more to save ¥30": the nearest spend-and-save not reached yet. */
export function ThresholdHint({ data, currency, now }: { data: PricedCart; currency: string; now: number }) {
  const { t, intl } = useI18n();
  if (data.quote.discounts.some((d) => d.kind === 'threshold')) return null;
  const eligible = data.quote.lines.filter((l) => l.mode === 'regular').reduce((n, l) => n + l.amount, 0);
  const next = [...data.promotions.values()]
    .filter((p): p is ThresholdPromotion => p.kind === 'threshold' && isPromotionLive(p, now) && p.spend > eligible)
    .sort((a, b) => a.spend - b.spend)[0];
  if (!next || eligible === 0) return null;
  return (
    <p class="hint">
      {t('cart.thresholdHint', { more: formatMoney(next.spend - eligible, currency, intl), save: formatMoney(next.save, currency, intl) })}
    </p>
  );
}

