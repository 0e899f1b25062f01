import type { EventId, WithdrawalId } from '../../domain/index.ts';
import type { AppContext } from '../context.ts';
import { queueSellerCommand } from '../queue-intent.ts';

/** The held money goes back to the buyer's available balance; the buyer is told why. */
export function declineWithdrawal(ctx: AppContext, withdrawalId: WithdrawalId, reason: string): Promise<EventId> {
  return queueSellerCommand(ctx, { kind: 'withdrawal.decline', withdrawalId, reason: reason.trim() });
}
