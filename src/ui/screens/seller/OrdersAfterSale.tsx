/** After the sale: refund requests to approve or decline, counterfeit claims to settle at the shop's multiple. */
import { claimPayout, type Order, type ShopProfile } from '../../../domain/index.ts';
import { approveRefund } from '../../../app/actions/approve-refund.ts';
import { compensateClaim } from '../../../app/actions/compensate-claim.ts';
import { declineClaim } from '../../../app/actions/decline-claim.ts';
import { declineRefund } from '../../../app/actions/decline-refund.ts';
import { ConfirmButton } from '../../kit/ConfirmButton.tsx';
import { orderNumber } from '../../kit/labels.ts';
import { ReasonForm } from '../../kit/ReasonForm.tsx';
import { useAction } from '../../hooks/use-action.ts';
import { formatDateTime, formatMoney } from '../../format.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useI18n } from '../../i18n/index.ts';
import { OrderCard, Section } from './orders-parts.tsx';
import { AttachedPhotos } from '../../components/photos/AttachedPhotos.tsx';

export function Refunds({ orders, shop }: { orders: Order[]; shop: ShopProfile }) {
  const app = useApp();
  const { t, intl } = useI18n();
  const action = useAction();
  return (
    <Section tab="refunds" title={t('seller.refunds')} count={orders.length} message={action.message}>
      {orders.map((o) => (
        <OrderCard key={o.id} order={o} shop={shop}>
          <p>{t('seller.buyerSays', { buyer: o.buyer, reason: o.reason || '—' })}</p>
          {o.requestedAt !== undefined && <p class="acct-muted">{t('seller.requested', { date: formatDateTime(o.requestedAt, intl) })}</p>}
          <div class="acct-stack">
            <ConfirmButton
              primary
              label={t('seller.approveRefund')}
              question={t('seller.approveQuestion', { number: orderNumber(o.id) })}
              body={<p>{t('seller.approveBody', { amount: formatMoney(o.total, shop.currency, intl), buyer: o.buyer })}</p>}
              yes={t('seller.approveRefund')}
              disabled={action.busy}
              onConfirm={() => void action.run(() => approveRefund(app, o.id), t('seller.refunded', { number: orderNumber(o.id) }))}
            />
            <ReasonForm
              button={t('seller.decline')}
              label={t('seller.declineReason')}
              submit={t('seller.declineSend')}
              disabled={action.busy}
              onSubmit={async (reason) => (await action.run(() => declineRefund(app, o.id, reason), t('seller.declined', { buyer: o.buyer }))) === 'done'}
            />
          </div>
        </OrderCard>
      ))}
    </Section>
  );
}

export function Claims({ orders, shop }: { orders: Order[]; shop: ShopProfile }) {
  const app = useApp();
  const { t, intl } = useI18n();
  const action = useAction();
  const multiple = shop.policies.compensationMultiple;
  return (
    <Section tab="claims" title={t('seller.claims')} count={orders.length} message={action.message}>
      {orders.map((o) => {
        const { back, goods, extra } = claimPayout(o, multiple);
        return (
          <OrderCard key={o.id} order={o} shop={shop}>
            <p>{t('seller.buyerSays', { buyer: o.buyer, reason: o.reason || '—' })}</p>
            <AttachedPhotos refs={o.photos} origin={{ channel: o.buyer }} />
            <div class="acct-stack">
              <ConfirmButton
                primary
                label={t('seller.compensate')}
                question={t('seller.compensateQuestion', { buyer: o.buyer, number: orderNumber(o.id) })}
                body={
                  <p>
                    {t('seller.compensateBody', {
                      back: formatMoney(back, shop.currency, intl),
                      extra: formatMoney(extra, shop.currency, intl),
                      goods: formatMoney(goods, shop.currency, intl),
                      multiple,
                    })}
                  </p>
                }
                yes={t('seller.compensate')}
                disabled={action.busy}
                onConfirm={() => void action.run(() => compensateClaim(app, o.id), t('seller.compensated', { number: orderNumber(o.id) }))}
              />
              <ReasonForm
                button={t('seller.decline')}
                label={t('seller.declineReason')}
                submit={t('seller.declineSend')}
                disabled={action.busy}
                onSubmit={async (reason) => (await action.run(() => declineClaim(app, o.id, reason), t('seller.declined', { buyer: o.buyer }))) === 'done'}
              />
            </div>
          </OrderCard>
        );
      })}
    </Section>
  );
}
