import type { EventId, Money } from '../../domain/index.ts';
import type { AppContext } from '../context.ts';
import { queueBuyerIntent } from '../queue-intent.ts';

/** Play money, in the demo shop only (a real shop's authority refuses it). */
export function topUpDemoWallet(ctx: AppContext, amount: Money): Promise<EventId> {
  return queueBuyerIntent(ctx, { kind: 'wallet.demo-top-up', amount });
}
