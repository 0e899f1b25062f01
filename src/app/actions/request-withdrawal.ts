import type { EventId, Money } from '../../domain/index.ts';
import type { AppContext } from '../context.ts';
import { queueBuyerIntent } from '../queue-intent.ts';

/** Asks the seller to pay out wallet money; the shop holds it at once so it is not spent twice. */
export function requestWithdrawal(ctx: AppContext, amount: Money): Promise<EventId> {
  return queueBuyerIntent(ctx, { kind: 'withdrawal.request', amount });
}
