import { formatCount } from '../../format.ts';
import { useI18n } from '../../i18n/index.ts';

/**
 * "1.2K sold" (zh "已售 1.2万"): a product's units sold on its page; nothing before the first.
 * The catalog's card says the same in one line of its own (ProductCard.tsx): the first screen's
 * budget has no room for a component's import there.
 */
export function SoldCount({ sold }: { sold: number | undefined }) {
  const { t, intl } = useI18n();
  return sold ? <span class="sold-count">{t('sold.count', { count: formatCount(sold, intl) })}</span> : null;
}
