import type { Review } from './decisions.ts';

/** What a product's published reviews say together: their average stars (1 to 5) and how many there are. */
export interface RatingSummary {
  average: number;
  count: number;
}

/**
 * The rating a product shows, on its page and on its card (one owner, so the two never
 * disagree): the mean of its reviews' stars; none before anyone has reviewed it (never "0 stars").
 * Imported file by file by the first screen's code, so it stays free of other domain modules.
 */
export function ratingOf(reviews: Iterable<Pick<Review, 'rating'>>): RatingSummary | undefined {
  let sum = 0;
  let count = 0;
  for (const r of reviews) {
    sum += r.rating;
    count += 1;
  }
  return count === 0 ? undefined : { average: sum / count, count };
}
