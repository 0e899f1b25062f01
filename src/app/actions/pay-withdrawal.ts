import type { EventId, WithdrawalId } from '../../domain/index.ts';
import type { AppContext } from '../context.ts';
import { queueSellerCommand } from '../queue-intent.ts';

/** The seller paid the buyer outside the app (cash, bank transfer); the held money leaves the wallet. */
export function payWithdrawal(ctx: AppContext, withdrawalId: WithdrawalId, note = ''): Promise<EventId> {
  return queueSellerCommand(ctx, { kind: 'withdrawal.pay', withdrawalId, note: note.trim() });
}
