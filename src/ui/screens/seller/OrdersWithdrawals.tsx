/** Withdrawal requests: the seller pays the buyer outside the app, then says so here (or declines). */
import { useId, useState } from 'preact/hooks';
import type { ShopProfile, Withdrawal } from '../../../domain/index.ts';
import { declineWithdrawal } from '../../../app/actions/decline-withdrawal.ts';
import { payWithdrawal } from '../../../app/actions/pay-withdrawal.ts';
import { ConfirmButton } from '../../kit/ConfirmButton.tsx';
import { ReasonForm } from '../../kit/ReasonForm.tsx';
import { useAction, type Action } from '../../hooks/use-action.ts';
import { formatDateTime, formatMoney } from '../../format.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useI18n } from '../../i18n/index.ts';
import { Section } from './orders-parts.tsx';

export function Withdrawals({ withdrawals, shop }: { withdrawals: Withdrawal[]; shop: ShopProfile }) {
  const { t } = useI18n();
  const action = useAction();
  return (
    <Section tab="withdrawals" title={t('seller.withdrawals')} count={withdrawals.length} message={action.message}>
      {withdrawals.map((w) => <WithdrawalCard key={w.id} w={w} shop={shop} action={action} />)}
    </Section>
  );
}

/** One request, with Pay (after a yes in a dialog) and Decline (with a reason). Also on the Customers tab. */
export function WithdrawalCard({ w, shop, action }: { w: Withdrawal; shop: ShopProfile; action: Action }) {
  const app = useApp();
  const { t, intl } = useI18n();
  const id = useId();
  const [note, setNote] = useState('');
  const amount = formatMoney(w.amount, shop.currency, intl);
  return (
    <article class="acct-card" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>{t('seller.wdOf', { amount, buyer: w.buyer })}</h4>
      <p class="acct-muted">{t('seller.requested', { date: formatDateTime(w.requestedAt, intl) })}</p>
      <label class="acct-field">
        {t('seller.payNote')}
        <input value={note} maxLength={2000} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <div class="acct-stack">
        <ConfirmButton
          primary
          label={t('seller.pay')}
          question={t('seller.payQuestion', { amount, buyer: w.buyer })}
          body={<p>{t('seller.payBody', { buyer: w.buyer })}</p>}
          yes={t('seller.pay')}
          disabled={action.busy}
          onConfirm={() => void action.run(() => payWithdrawal(app, w.id, note), t('seller.paid'))}
        />
        <ReasonForm
          button={t('seller.decline')}
          label={t('seller.declineReason')}
          submit={t('seller.declineSend')}
          disabled={action.busy}
          onSubmit={async (reason) => (await action.run(() => declineWithdrawal(app, w.id, reason), t('seller.declined', { buyer: w.buyer }))) === 'done'}
        />
      </div>
    </article>
  );
}
