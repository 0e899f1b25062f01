import type { Quote } from '../../../domain/index.ts';
import { useI18n } from '../../i18n/index.ts';
import { Price } from '../Price.tsx';
import { discountText, type PricingWords } from './pricing-text.ts';
import { lineName } from '../../../domain/orders.ts';

interface Props {
  quote: Quote;
  words: PricingWords;
  /** List the priced lines too (the checkout does; the cart shows them above). */
  showLines?: boolean;
  /** False in the cart, where the delivery is not chosen yet. */
  shippingKnown: boolean;
}

/** What the shop's one pricing function says: subtotal, every discount in words, shipping, total. */
export function QuoteSummary({ quote, words, showLines = false, shippingKnown }: Props) {
  const { t } = useI18n();
  const { currency } = words;
  return (
    <dl class="summary">
      {showLines &&
        quote.lines.map((line) => (
          <div class="summary-row summary-line">
            <dt>
              {lineName(line)} × {line.qty}
              {line.mode !== 'regular' && <span class="tag">{t(line.mode === 'flash' ? 'cart.mode.flash' : 'cart.mode.team')}</span>}
            </dt>
            <dd>
              <Price amount={line.amount} currency={currency} />
            </dd>
          </div>
        ))}
      <div class="summary-row">
        <dt>{t('summary.subtotal')}</dt>
        <dd>
          <Price amount={quote.subtotal} currency={currency} />
        </dd>
      </div>
      {quote.discounts.map((d) => (
        <div class="summary-row summary-discount">
          <dt>{discountText(d, words)}</dt>
          <dd>
            −<Price amount={d.amount} currency={currency} />
          </dd>
        </div>
      ))}
      <div class="summary-row">
        <dt>{t('summary.shipping')}</dt>
        <dd>{!shippingKnown ? t('summary.shippingLater') : quote.shipping === 0 ? t('summary.free') : <Price amount={quote.shipping} currency={currency} />}</dd>
      </div>
      <div class="summary-row summary-total">
        <dt>{t('summary.total')}</dt>
        <dd>
          <Price amount={quote.total} currency={currency} />
        </dd>
      </div>
      {quote.discountTotal > 0 && (
        <div class="summary-row summary-saved">
          <dt>{t('summary.saved')}</dt>
          <dd>
            <Price amount={quote.discountTotal} currency={currency} />
          </dd>
        </div>
      )}
    </dl>
  );
}
