import { canRequestRefund, claimPayout, type Money, type Order, type ShopProfile } from '../../../domain/index.ts';
import type { OrderDetail } from '../../../app/queries/my-orders.ts';
import { cancelOrder } from '../../../app/actions/cancel-order.ts';
import { confirmReceipt } from '../../../app/actions/confirm-receipt.ts';
import { fileClaim } from '../../../app/actions/file-claim.ts';
import { requestRefund } from '../../../app/actions/request-refund.ts';
import { writeReview } from '../../../app/actions/write-review.ts';
import { ConfirmButton } from '../../kit/ConfirmButton.tsx';
import { ReasonForm } from '../../kit/ReasonForm.tsx';
import { ReviewForm } from './ReviewForm.tsx';
import { PhotoPicker } from '../photos/PhotoPicker.tsx';
import type { Action } from '../../hooks/use-action.ts';
import { formatDateTime, formatMoney } from '../../format.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useI18n } from '../../i18n/index.ts';
import { usePendingPhotos } from '../../hooks/use-pending-photos.ts';

const CANCELLABLE = ['team-forming', 'accepted'];
const CONFIRMABLE = ['shipped', 'ready-for-pickup'];
const CLAIMABLE = ['received', 'finished'];
const REVIEWABLE = ['received', 'finished', 'compensated'];

/** What the buyer can do about an order in its state: cancel, confirm receipt, ask for a refund, report a counterfeit, review. */
export function OrderActions({ order, shop, detail, action }: { order: Order; shop: ShopProfile; detail: OrderDetail; action: Action }) {
  const app = useApp();
  const { t, intl } = useI18n();
  const { photos: claimPhotos, setPhotos: setClaimPhotos, sent: claimSent } = usePendingPhotos();
  const money = (amount: Money | number) => formatMoney(amount, shop.currency, intl);
  const waiting = new Set(detail.waiting.map((w) => w.kind));
  const { policies } = shop;
  // The same figures the receipt shows and the shop pays (claimPayout).
  const claim = claimPayout(order, policies.compensationMultiple);

  const canCancel = CANCELLABLE.includes(order.status) && !waiting.has('order.cancel');
  const canConfirm = CONFIRMABLE.includes(order.status) && order.payment === 'wallet' && !waiting.has('order.confirm-receipt');
  const canRefund = canRequestRefund(order, policies, app.now()) && !waiting.has('refund.request');
  const canClaim = CLAIMABLE.includes(order.status) && !waiting.has('claim.file');
  const canReview = REVIEWABLE.includes(order.status) && !order.reviewed && !waiting.has('review.write');
  if (!(canCancel || canConfirm || canRefund || canClaim || canReview)) {
    return order.reviewed ? <p class="acct-muted">{t('review.reviewed')}</p> : null;
  }

  return (
    <section aria-labelledby="order-actions" class="acct-actions">
      <h3 id="order-actions">{t('order.actions')}</h3>
      {order.autoConfirmAt !== undefined && CONFIRMABLE.includes(order.status) && (
        <p class="acct-muted">{t('order.autoConfirm', { date: formatDateTime(order.autoConfirmAt, intl) })}</p>
      )}
      <div class="acct-stack">
        {canConfirm && (
          <ConfirmButton
            primary
            label={t('confirm.button')}
            question={t('confirm.question')}
            body={<p>{t('confirm.body', { amount: money(order.total) })}</p>}
            yes={t('confirm.yes')}
            disabled={action.busy}
            onConfirm={() => void action.run(() => confirmReceipt(app, order.id), t('confirm.done'))}
          />
        )}
        {canCancel && (
          <ConfirmButton
            label={t('cancel.button')}
            question={t('cancel.question')}
            body={<p>{order.held === 'escrow' ? t('cancel.moneyBack', { amount: money(order.total) }) : t('cancel.nothingPaid')}</p>}
            yes={t('cancel.yes')}
            disabled={action.busy}
            onConfirm={() => void action.run(() => cancelOrder(app, order.id), t('cancel.done'))}
          />
        )}
        {canRefund && (
          <ReasonForm
            button={t('refund.button')}
            label={t('refund.reason')}
            submit={t('refund.send')}
            intro={<p>{t('refund.window', { days: policies.refundWindowDays })}</p>}
            disabled={action.busy}
            onSubmit={async (reason) => (await action.run(() => requestRefund(app, order.id, reason), t('refund.done'))) !== 'failed'}
          />
        )}
        {canClaim && (
          <ReasonForm
            button={t('claim.button')}
            label={t('claim.reason')}
            submit={t('claim.send')}
            intro={<p>{t('claim.promise', { back: money(claim.back), goods: money(claim.goods), multiple: policies.compensationMultiple, amount: money(claim.extra) })}</p>}
            disabled={action.busy}
            extra={<PhotoPicker photos={claimPhotos} onChange={setClaimPhotos} disabled={action.busy} />}
            onSubmit={async (reason) => {
              // Handed over before the claim is queued: these actions may be gone (the order claimed) by the time it is.
              const taken = claimPhotos;
              claimSent();
              const done = (await action.run(() => fileClaim(app, order.id, reason, taken), t('claim.done'))) !== 'failed';
              if (!done) setClaimPhotos(taken);
              return done;
            }}
          />
        )}
        {canReview && (
          <ReviewForm
            disabled={action.busy}
            onSubmit={async (rating, text, photos) => (await action.run(() => writeReview(app, order.id, rating, text, photos), t('review.done'))) !== 'failed'}
          />
        )}
        {order.reviewed && <p class="acct-muted">{t('review.reviewed')}</p>}
      </div>
    </section>
  );
}
