import { photosField, type EventId, type OrderId } from '../../domain/index.ts';
import type { AppContext } from '../context.ts';
import { queueBuyerIntent } from '../queue-intent.ts';

/** A review of a received order; `photos` were attached first (attach-photo.ts). */
export function writeReview(ctx: AppContext, orderId: OrderId, rating: number, text: string, photos: readonly string[] = []): Promise<EventId> {
  return queueBuyerIntent(ctx, { kind: 'review.write', orderId, rating, text: text.trim(), ...photosField(photos) });
}
