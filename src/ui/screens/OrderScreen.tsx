import { useEffect } from 'preact/hooks';
import type { OrderId, ShopProfile } from '../../domain/index.ts';
import { goodsPaid } from '../../domain/orders.ts';
import { orderDetail, type OrderDetail } from '../../app/queries/my-orders.ts';
import { askPersistOnce } from '../../app/device/persist-storage.ts';
import { getShop } from '../../app/queries/reads.ts';
import { listPromotions } from '../../app/queries/seller-catalog.ts';
import { Countdown } from '../components/Countdown.tsx';
import { Price } from '../components/Price.tsx';
import { SessionPrompt } from '../components/SessionPrompt.tsx';
import { TeamProgress } from '../components/TeamProgress.tsx';
import { OrderActions } from '../components/account/OrderActions.tsx';
import { OrderPlaced } from '../components/account/OrderPlaced.tsx';
import { orderNumber, reasonText, requestWhat } from '../kit/labels.ts';
import { LiveMessage } from '../kit/LiveMessage.tsx';
import { OrderTimeline } from '../components/account/OrderTimeline.tsx';
import { lazyScreen } from '../lazy-screen.tsx';
import { ShareTeam } from '../components/account/ShareTeam.tsx';
import { StageBadge } from '../components/account/StageBadge.tsx';
import { useAction } from '../hooks/use-action.ts';
import { discountText } from '../components/shop/pricing-text.ts';
import { formatDateTime, formatMoney } from '../format.ts';
import { useApp } from '../hooks/use-app.ts';
import { useLive } from '../hooks/use-live.ts';
import { useI18n, type I18n } from '../i18n/index.ts';
import { href } from '../router.ts';
import './account.css';
import { lineName } from '../../domain/orders.ts';

// Messages load when the page does, apart from it (their own chunk and strings), off the first screen's path.
const AskSeller = lazyScreen(() => import('../components/messages/AskSeller.tsx').then((m) => m.AskSeller), ['messages']);

// Only for an order still queued on this device: loaded then, with its strings.
const CancelQueued = lazyScreen(() => import('../components/account/CancelQueued.tsx').then((m) => m.CancelQueued), ['home']);

/** One order: where it is, what the buyer can do about it, its progress, delivery and money. */
export function OrderScreen({ id }: { id: string }) {
  const app = useApp();
  const { t, intl } = useI18n();
  const detail = useLive(async () => (await orderDetail(app.store, id as OrderId)) ?? null, [app, id]);
  const shop = useLive(() => getShop(app.store), [app]);
  const action = useAction();
  const decided = detail?.view.order !== undefined;
  useEffect(() => {
    if (decided) void askPersistOnce();
  }, [decided]);

  const back = <a class="acct-back" href={href({ name: 'orders' })}>{t('order.back')}</a>;
  if (detail === undefined) return <section class="acct">{back}<p>{t('loading')}</p></section>;
  if (detail === null) {
    return (
      <section class="acct" aria-labelledby="order-title">
        {back}
        <h2 id="order-title">{t('acct.orderNumber', { number: orderNumber(id) })}</h2>
        <p>{t('order.notFound')}</p>
      </section>
    );
  }
  const { view } = detail;
  const order = view.order;
  const currency = shop?.currency ?? 'CNY';

  return (
    <section class="acct" aria-labelledby="order-title">
      {back}
      <h2 id="order-title">{t('acct.orderNumber', { number: orderNumber(view.id) })}</h2>
      <p class="acct-status" aria-live="polite">
        {t('order.status')} <StageBadge stage={view.stage} />
      </p>
      {(view.stage === 'queued' || view.stage === 'sent') && <SessionPrompt where="order" />}
      <p class="acct-muted">
        {t('acct.placed', { date: formatDateTime(view.placedAt, intl) })}
      </p>

      <OrderPlaced detail={detail} shop={shop} />
      {view.stage === 'queued' && <CancelQueued orderId={view.id} />}
      {view.stage === 'rejected' && <Rejection detail={detail} currency={currency} />}
      {view.stage === 'refused' && view.error && <p class="acct-error">{t('order.serverError', { message: view.error })}</p>}

      <TeamBox detail={detail} currency={currency} />

      {order && shop && <OrderActions order={order} shop={shop} detail={detail} action={action} />}
      <AskSeller about={{ order: view.id as OrderId }} shopName={shop?.name} />
      <LiveMessage message={action.message} />
      <Requests detail={detail} />

      <section aria-labelledby="order-progress">
        <h3 id="order-progress">{t('order.progress')}</h3>
        <OrderTimeline detail={detail} />
      </section>

      <Delivery detail={detail} shop={shop} />
      <Items detail={detail} currency={currency} />
    </section>
  );
}

function Rejection({ detail, currency }: { detail: OrderDetail; currency: string }) {
  const { t, intl } = useI18n();
  const r = detail.rejection;
  const total = detail.view.order?.total;
  let sentence: string;
  if (r?.reason === 'price-changed' && detail.placed && total !== undefined) {
    sentence = t('reason.priceChangedBy', { agreed: formatMoney(detail.placed.expectedTotal, currency, intl), now: formatMoney(total, currency, intl) });
  } else if (r?.reason === 'insufficient-balance' && total !== undefined) {
    sentence = t('reason.insufficientOrder', { amount: formatMoney(total, currency, intl) });
  } else {
    sentence = reasonText(t, r?.reason, r?.message);
  }
  return (
    <section class="acct-card acct-alert" aria-labelledby="order-why">
      <h3 id="order-why">{t('order.whyRejected')}</h3>
      <p>{sentence}</p>
    </section>
  );
}

function TeamBox({ detail, currency }: { detail: OrderDetail; currency: string }) {
  const { t, intl } = useI18n();
  const team = detail.team;
  const startsTeam = detail.placed?.team?.action === 'start';
  if (!team && !startsTeam && detail.placed?.team === undefined) return null;
  const name = detail.lines[0]?.name ?? '';
  return (
    <section class="acct-card" aria-labelledby="order-team">
      <h3 id="order-team">{t('teambuy.title')}</h3>
      {!team ? (
        <p>{t('teambuy.pendingStart')}</p>
      ) : (
        <>
          <TeamProgress team={team} label={t('teambuy.progress')} />
          {team.status === 'forming' && (
            <>
              <p>
                {t('teambuy.timeLeftLabel')} <Countdown until={team.deadline} label={t('teambuy.timeLeft')} />{' '}
                <span class="acct-muted">({t('teambuy.closes', { date: formatDateTime(team.deadline, intl) })})</span>
              </p>
              <ShareTeam team={team} productName={name} currency={currency} />
            </>
          )}
          {team.status === 'succeeded' && <p>{t('teambuy.succeeded')}</p>}
          {team.status === 'failed' && <p>{t('teambuy.failed')}</p>}
        </>
      )}
    </section>
  );
}

function Requests({ detail }: { detail: OrderDetail }) {
  const { t } = useI18n();
  const waiting = detail.waiting.filter((w) => w.kind !== 'order.place');
  // Only refusals newer than the last change to the order are news; older ones are history.
  const lastChange = detail.view.order?.timeline.at(-1)?.at ?? 0;
  const refusals = detail.refusals.filter((r) => r.at >= lastChange).slice(0, 2);
  if (waiting.length === 0 && refusals.length === 0) return null;
  return (
    <section class="acct-card" aria-labelledby="order-requests">
      <h3 id="order-requests">{t('order.requests')}</h3>
      <ul class="acct-plain stack">
        {waiting.map((w) => (
          <li>{t(w.status === 'queued' ? 'request.queued' : 'request.sent', { what: requestWhat(t, w.kind) })}</li>
        ))}
        {refusals.map((r) => (
          <li class="acct-error">{t('request.refused', { what: requestWhat(t, r.kind), reason: reasonText(t, r.reason, r.message) })}</li>
        ))}
      </ul>
    </section>
  );
}

function Delivery({ detail, shop }: { detail: OrderDetail; shop: ShopProfile | undefined }) {
  const { t } = useI18n();
  const order = detail.view.order;
  const delivery = order?.delivery ?? detail.placed?.delivery;
  if (!delivery) return null;
  return (
    <section aria-labelledby="order-delivery">
      <h3 id="order-delivery">{t('order.delivery')}</h3>
      {delivery.kind === 'pickup' ? (
        <PickupPoint shop={shop} pointId={order?.pickupPointId ?? delivery.pointId} t={t} />
      ) : (
        <>
          <p>{t('order.shipTo', { recipient: delivery.recipient, phone: delivery.phone })}</p>
          <p class="acct-pre">{delivery.address}</p>
          <p class="acct-muted">
            {t('order.shipBy', { option: shop?.shippingOptions.find((o) => o.id === delivery.optionId)?.name ?? delivery.optionId })}
          </p>
        </>
      )}
      {order?.carrier && (
        <p class="acct-tracking">
          {order.tracking ? t('order.tracking', { carrier: order.carrier, tracking: order.tracking }) : t('order.trackingNone', { carrier: order.carrier })}
        </p>
      )}
    </section>
  );
}

function PickupPoint({ shop, pointId, t }: { shop: ShopProfile | undefined; pointId: string; t: I18n['t'] }) {
  const point = shop?.pickupPoints.find((p) => p.id === pointId);
  return (
    <>
      <p>{t('order.pickupAt', { name: point?.name ?? pointId })}</p>
      {point && <p class="acct-muted">{point.address}</p>}
    </>
  );
}

function Items({ detail, currency }: { detail: OrderDetail; currency: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const app = useApp();
  const order = detail.view.order;
  const payment = order?.payment ?? detail.placed?.payment;
  // The savings are named in the reader's language from what they are (the order keeps English for logs).
  const promotions = useLive(async () => new Map((await listPromotions(app.store)).map((p) => [p.id as string, p])), [app]);
  const words = { i18n, currency, lines: order?.lines ?? [], promotions: promotions ?? new Map(), couponCode: '', coupon: undefined };
  return (
    <section aria-labelledby="order-items">
      <h3 id="order-items">{t('order.items')}</h3>
      <ul class="acct-lines">
        {order
          ? order.lines.map((l) => (
              <li>
                <span>
                  {lineName(l)} × {l.qty}
                  {l.mode !== 'regular' && <span class="acct-tag">{t(l.mode === 'team' ? 'order.mode.team' : 'order.mode.flash')}</span>}
                </span>
                <Price amount={l.amount} currency={currency} />
              </li>
            ))
          : detail.lines.map((l) => (
              <li>
                <span>
                  {lineName(l)} × {l.qty}
                  {l.mode !== 'regular' && <span class="acct-tag">{t(l.mode === 'team' ? 'order.mode.team' : 'order.mode.flash')}</span>}
                </span>
              </li>
            ))}
      </ul>
      {order && (
        <dl class="acct-sums">
          <div>
            <dt>{t('order.subtotal')}</dt>
            <dd><Price amount={order.subtotal} currency={currency} /></dd>
          </div>
          {order.discounts.map((d) => (
              <div>
                <dt>{discountText(d, words)}</dt>
                <dd>−<Price amount={d.amount} currency={currency} /></dd>
              </div>
            ))}
          {/* What the goods cost after every saving: the base of a counterfeit claim (claimPayout), shown where it differs from the subtotal. */}
          {goodsPaid(order) !== order.subtotal && (
            <div>
              <dt>{t('order.goodsPaid')}</dt>
              <dd><Price amount={goodsPaid(order)} currency={currency} /></dd>
            </div>
          )}
          <div>
            <dt>{t('order.shipping')}</dt>
            <dd><Price amount={order.shipping} currency={currency} /></dd>
          </div>
          <div class="acct-total">
            <dt>{t('order.total')}</dt>
            <dd><Price amount={order.total} currency={currency} /></dd>
          </div>
        </dl>
      )}
      {!order && (
        <dl class="acct-sums">
          <div class="acct-total">
            <dt>{t('order.agreedTotal')}</dt>
            <dd><Price amount={detail.view.total} currency={currency} /></dd>
          </div>
        </dl>
      )}
      {payment && (
        <p>
          {t('order.payment', { method: t(payment === 'wallet' ? 'pay.wallet' : 'pay.on-pickup') })}
          {order && <span class="acct-muted"> · {t(`held.${order.held}` as const)}</span>}
        </p>
      )}
    </section>
  );
}
