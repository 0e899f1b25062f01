import type { BuyerId, CreditWallet, EventId, Money } from '../../domain/index.ts';
import type { AppContext } from '../context.ts';
import { queueSellerCommand } from '../queue-intent.ts';

/** Money the seller received outside the app (cash at the counter, a transfer) becomes wallet balance. */
export function creditWallet(ctx: AppContext, buyer: BuyerId, amount: Money, method: CreditWallet['method'], note = ''): Promise<EventId> {
  return queueSellerCommand(ctx, { kind: 'wallet.credit', buyer, amount, method, note: note.trim() });
}
