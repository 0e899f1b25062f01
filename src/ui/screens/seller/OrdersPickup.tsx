/** Pickup orders: made ready at their point, then handed over (and paid there, if so). */
import type { Order, ShopProfile } from '../../../domain/index.ts';
import { handOver } from '../../../app/actions/hand-over.ts';
import { markReady } from '../../../app/actions/mark-ready.ts';
import { orderNumber } from '../../kit/labels.ts';
import { useAction } from '../../hooks/use-action.ts';
import { formatMoney } from '../../format.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useI18n } from '../../i18n/index.ts';
import { OrderCard, Section } from './orders-parts.tsx';

export function ToPrepare({ orders, shop }: { orders: Order[]; shop: ShopProfile }) {
  const app = useApp();
  const { t } = useI18n();
  const action = useAction();
  return (
    <Section tab="to-prepare" title={t('seller.toPrepare')} count={orders.length} message={action.message}>
      {orders.map((o) => {
        const pointId = o.delivery.kind === 'pickup' ? o.delivery.pointId : '';
        const point = shop.pickupPoints.find((p) => p.id === pointId)?.name ?? pointId;
        return (
          <OrderCard key={o.id} order={o} shop={shop}>
            <button
              type="button"
              class="acct-btn acct-primary"
              disabled={action.busy}
              onClick={() => void action.run(() => markReady(app, o.id), t('seller.readyDone', { number: orderNumber(o.id), point }))}
            >
              {t('seller.ready')}
            </button>
          </OrderCard>
        );
      })}
    </Section>
  );
}

export function AtPickup({ orders, shop }: { orders: Order[]; shop: ShopProfile }) {
  const app = useApp();
  const { t, intl } = useI18n();
  const action = useAction();
  return (
    <Section tab="at-pickup" title={t('seller.atPickup')} count={orders.length} message={action.message}>
      {orders.map((o) => (
        <OrderCard key={o.id} order={o} shop={shop}>
          <p class="acct-strong">
            {o.payment === 'on-pickup' ? t('seller.collect', { amount: formatMoney(o.total, shop.currency, intl) }) : t('seller.prepaid')}
          </p>
          <button
            type="button"
            class="acct-btn acct-primary"
            disabled={action.busy}
            onClick={() => void action.run(() => handOver(app, o.id), t('seller.handedDone', { number: orderNumber(o.id) }))}
          >
            {t('seller.handOver')}
          </button>
        </OrderCard>
      ))}
    </Section>
  );
}
