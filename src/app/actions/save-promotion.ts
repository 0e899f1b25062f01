import type { EventId, Promotion, PromotionId } from '../../domain/index.ts';
import type { AppContext } from '../context.ts';
import { newEventId } from '../ids.ts';
import { queueSellerCommand } from '../queue-intent.ts';

export function newPromotionId(now: number = Date.now()): PromotionId {
  return `promo-${newEventId(now)}` as PromotionId;
}

/** The seller adds or changes a promotion (or turns one on or off: promotions are never deleted). */
export function savePromotion(ctx: AppContext, promotion: Promotion): Promise<EventId> {
  return queueSellerCommand(ctx, { kind: 'promotion.save', promotion });
}
