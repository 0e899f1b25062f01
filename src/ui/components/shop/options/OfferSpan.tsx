import { combinationLabel, isWholeSpan, type OfferSpan, type Product } from '../../../../domain/index.ts';
import { formatMoney } from '../../../format.ts';
import { useI18n } from '../../../i18n/index.ts';
import { Price } from '../../Price.tsx';

/** How many covered combinations the page names one by one before it counts them instead. */
const NAMED = 3;

/**
 * An offer's price before the buyer has chosen a combination (domain `offerSpan`): the price
 * itself when it is one for every combination for sale, else "from" its lowest.
 */
export function OfferSpanPrice({ span, currency }: { span: OfferSpan; currency: string }) {
  const { t, intl } = useI18n();
  if (isWholeSpan(span)) return <Price amount={span.min} currency={currency} />;
  return <span class="price">{t('options.offerFrom', { price: formatMoney(span.min, currency, intl) })}</span>;
}

/** Which combinations an offer covers, when not all of those for sale: "On 250 g, Bag", or "On 4 of 9 combinations". */
export function OfferCovers({ product, span }: { product: Product; span: OfferSpan }) {
  const { t } = useI18n();
  if (span.covered.length >= span.of) return null;
  const text = span.covered.length <= NAMED
    ? t('options.offerOn', { list: span.covered.map((c) => combinationLabel(product, c)).join(t('options.listSep')) })
    : t('options.offerOnCount', { count: span.covered.length, total: span.of });
  return <p class="note offer-covers">{text}</p>;
}
