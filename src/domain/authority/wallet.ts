import type { Millis } from '../catalog.ts';
import type { CreditWallet, DeclineWithdrawal, PayWithdrawal, RequestDemoTopUp, RequestWithdrawal, Withdrawal } from '../events.ts';
import type { WithdrawalId } from '../ids.ts';
import { available, CASH, escrow, transfer, walletOf } from '../ledger.ts';
import { decisionIdFor, emit, refuse, type Ctx } from './context.ts';

/** Money the seller received outside the app (cash at the counter, a bank transfer) becomes wallet balance. */
export function creditWallet(ctx: Ctx, intent: CreditWallet, t: Millis): void {
  emit(ctx, {
    kind: 'wallet.credited',
    id: decisionIdFor(intent.id),
    at: t,
    intentId: intent.id,
    buyer: intent.buyer,
    message: intent.note ? `${intent.method}: ${intent.note}` : intent.method,
    postings: transfer(CASH, available(intent.buyer), intent.amount),
  });
}

export function demoTopUp(ctx: Ctx, intent: RequestDemoTopUp, t: Millis): void {
  if (!ctx.draft.shop?.value.policies.demoTopUps) {
    return void refuse(ctx, intent, t, 'not-allowed', 'This shop does not give demo money: pay the seller and they will credit your wallet.');
  }
  emit(ctx, {
    kind: 'wallet.credited',
    id: decisionIdFor(intent.id),
    at: t,
    intentId: intent.id,
    buyer: intent.buyer,
    message: 'Demo top-up',
    postings: transfer(CASH, available(intent.buyer), intent.amount),
  });
}

/** A withdrawal holds the money at once, so it cannot be spent twice while the seller pays it out. */
export function requestWithdrawal(ctx: Ctx, intent: RequestWithdrawal, t: Millis): void {
  const have = walletOf(ctx.draft.balances, intent.buyer).available;
  if (have < intent.amount) {
    return void refuse(ctx, intent, t, 'insufficient-balance', `Your wallet holds ${have}, less than the ${intent.amount} asked (minor units).`);
  }
  const w: Withdrawal = { id: intent.id as string as WithdrawalId, buyer: intent.buyer, amount: intent.amount, status: 'pending', requestedAt: t };
  emit(ctx, {
    kind: 'withdrawal.held',
    id: decisionIdFor(intent.id),
    at: t,
    intentId: intent.id,
    buyer: intent.buyer,
    postings: transfer(available(intent.buyer), escrow(intent.buyer), intent.amount),
    set: { withdrawals: [w] },
  });
}

export function settleWithdrawal(ctx: Ctx, intent: PayWithdrawal | DeclineWithdrawal, t: Millis): void {
  const w = ctx.draft.withdrawals.get(intent.withdrawalId)?.value;
  if (!w) return void refuse(ctx, intent, t, 'unknown-order', 'There is no such withdrawal request.');
  if (w.status !== 'pending') return void refuse(ctx, intent, t, 'invalid-state', `This withdrawal was already ${w.status}.`);
  const paid = intent.kind === 'withdrawal.pay';
  const note = paid ? intent.note : intent.reason;
  emit(ctx, {
    kind: paid ? 'withdrawal.paid' : 'withdrawal.declined',
    id: decisionIdFor(intent.id),
    at: t,
    intentId: intent.id,
    buyer: w.buyer,
    ...(!paid && { reason: 'not-allowed' as const, message: note }),
    postings: transfer(escrow(w.buyer), paid ? CASH : available(w.buyer), w.amount),
    set: { withdrawals: [{ ...w, status: paid ? 'paid' : 'declined', settledAt: t, ...(note && { note }) }] },
  });
}
