import type { EventId, OrderId } from '../../domain/index.ts';
import type { AppContext } from '../context.ts';
import { queueBuyerIntent } from '../queue-intent.ts';

export function writeReview(ctx: AppContext, orderId: OrderId, rating: number, text: string): Promise<EventId> {
  return queueBuyerIntent(ctx, { kind: 'review.write', orderId, rating, text: text.trim() });
}
