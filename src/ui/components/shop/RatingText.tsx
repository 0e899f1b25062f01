import type { RatingSummary } from '../../../domain/ratings.ts';
import { formatCount, formatRating } from '../../format.ts';
import { useI18n } from '../../i18n/index.ts';

/** "★ 4.5 · 12 reviews" (zh "4.5 分 · 1.2万 条评价"): a product's rating, on its page and on its card. */
export function RatingText({ rating }: { rating: RatingSummary }) {
  const { t, intl } = useI18n();
  const values = { rating: formatRating(rating.average, intl), count: formatCount(rating.count, intl) };
  return (
    <>
      <span aria-hidden="true">★ </span>
      {t(rating.count === 1 ? 'reviews.summaryOne' : 'reviews.summary', values)}
    </>
  );
}
