import { photosField, type EventId, type OrderId } from '../../domain/index.ts';
import type { AppContext } from '../context.ts';
import { queueBuyerIntent } from '../queue-intent.ts';

/** Says the goods are counterfeit; the shop pays back the price plus its published multiple, or declines. */
export function fileClaim(ctx: AppContext, orderId: OrderId, reason: string, photos: readonly string[] = []): Promise<EventId> {
  return queueBuyerIntent(ctx, { kind: 'claim.file', orderId, reason: reason.trim(), ...photosField(photos) });
}
