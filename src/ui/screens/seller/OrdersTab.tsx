import type { ComponentChildren } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';
import type { BuyerId, CreditWallet, EventId, Order, ShopProfile, Team, Withdrawal } from '../../../domain/index.ts';
import { sellerInbox, type RecentDecision } from '../../../app/account-queries.ts';
import { approveRefund } from '../../../app/actions/approve-refund.ts';
import { compensateClaim } from '../../../app/actions/compensate-claim.ts';
import { creditWallet } from '../../../app/actions/credit-wallet.ts';
import { declineClaim } from '../../../app/actions/decline-claim.ts';
import { declineRefund } from '../../../app/actions/decline-refund.ts';
import { declineWithdrawal } from '../../../app/actions/decline-withdrawal.ts';
import { handOver } from '../../../app/actions/hand-over.ts';
import { markReady } from '../../../app/actions/mark-ready.ts';
import { payWithdrawal } from '../../../app/actions/pay-withdrawal.ts';
import { shipOrder } from '../../../app/actions/ship-order.ts';
import { DEMO_BUYERS } from '../../../app/demo/demo-catalog.ts';
import { getShop } from '../../../app/queries.ts';
import { Price } from '../../components/Price.tsx';
import { ConfirmButton, ConfirmDialog } from '../../components/account/ConfirmButton.tsx';
import { isoTime, orderNumber, reasonText } from '../../components/account/labels.ts';
import { LiveMessage } from '../../components/account/LiveMessage.tsx';
import { ReasonForm } from '../../components/account/ReasonForm.tsx';
import { useAction, type Message } from '../../components/account/use-action.ts';
import { formatDateTime, formatMoney, parseMoney } from '../../format.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useLive } from '../../hooks/use-live.ts';
import { useI18n, type StringKey } from '../../i18n/index.ts';
import { href } from '../../router.ts';
import '../account.css';

const SECTIONS: { tab: string; title: StringKey }[] = [
  { tab: 'to-ship', title: 'seller.toShip' },
  { tab: 'to-prepare', title: 'seller.toPrepare' },
  { tab: 'at-pickup', title: 'seller.atPickup' },
  { tab: 'refunds', title: 'seller.refunds' },
  { tab: 'claims', title: 'seller.claims' },
  { tab: 'withdrawals', title: 'seller.withdrawals' },
  { tab: 'teams', title: 'seller.forming' },
  { tab: 'recent', title: 'seller.recent' },
  { tab: 'credit', title: 'seller.credit' },
];

/**
 * The seller's order inbox: what waits for the seller, by section. Every command goes through
 * the same shop authority as the buyers' requests, decided at once (it lives on this device).
 */
export function OrdersTab({ section: tab }: { section?: string | undefined }) {
  const app = useApp();
  const { t } = useI18n();
  const inbox = useLive(() => sellerInbox(app.db), [app]);
  const shop = useLive(() => getShop(app.db), [app]);

  // `#/seller/refunds` brings that section into view (hash links cannot, the router owns the hash).
  useEffect(() => {
    if (!tab || !inbox) return;
    const heading = document.getElementById(`seller-${tab}`);
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  }, [tab, inbox !== undefined]);

  if (!inbox || !shop) return <p role="status">{t('loading')}</p>;
  const counts: Record<string, number> = {
    'to-ship': inbox.toShip.length,
    'to-prepare': inbox.toPrepare.length,
    'at-pickup': inbox.atPickup.length,
    refunds: inbox.refunds.length,
    claims: inbox.claims.length,
    withdrawals: inbox.withdrawals.length,
    teams: inbox.teams.length,
  };

  return (
    <div class="acct acct-seller">
      <p class="acct-muted">{t('seller.intro')}</p>
      <nav aria-label={t('seller.sections')} class="acct-tabs">
        {SECTIONS.map((s) => (
          <a href={href({ name: 'seller', tab: 'orders', section: s.tab })} aria-current={tab === s.tab ? 'location' : undefined}>
            {t(s.title)}
            {counts[s.tab] ? <span class="acct-pill">{counts[s.tab]}</span> : null}
          </a>
        ))}
      </nav>
      <ToShip orders={inbox.toShip} shop={shop} />
      <ToPrepare orders={inbox.toPrepare} shop={shop} />
      <AtPickup orders={inbox.atPickup} shop={shop} />
      <Refunds orders={inbox.refunds} shop={shop} />
      <Claims orders={inbox.claims} shop={shop} />
      <Withdrawals withdrawals={inbox.withdrawals} shop={shop} />
      <Teams teams={inbox.teams} />
      <Recent recent={inbox.recent} shop={shop} />
      <Credit shop={shop} />
    </div>
  );
}

interface SectionProps {
  tab: string;
  title: string;
  count?: number;
  /** What came of the last command here: said even when the section has emptied because of it. */
  message?: Message | undefined;
  children: ComponentChildren;
}

function Section({ tab, title, count, message, children }: SectionProps) {
  const { t } = useI18n();
  return (
    <section class="acct-section" aria-labelledby={`seller-${tab}`}>
      <h3 id={`seller-${tab}`} tabIndex={-1}>
        {title}
        {count !== undefined && <span class="acct-count"> ({count})</span>}
      </h3>
      <LiveMessage message={message} />
      {count === 0 ? <p class="acct-muted">{t('seller.none')}</p> : children}
    </section>
  );
}

/** An order as the seller sees it: who, what, how much, how it is paid and delivered. */
function OrderCard({ order, shop, children, extra }: { order: Order; shop: ShopProfile; children?: ComponentChildren; extra?: ComponentChildren }) {
  const { t, intl } = useI18n();
  const id = `so-${order.id}`;
  const point = order.delivery.kind === 'pickup' ? shop.pickupPoints.find((p) => p.id === (order.delivery as { pointId: string }).pointId) : undefined;
  return (
    <article class="acct-card acct-seller-order" aria-labelledby={id}>
      <h4 id={id}>{t('seller.orderOf', { number: orderNumber(order.id), buyer: order.buyer })}</h4>
      {extra}
      <p>{order.lines.map((l) => `${l.name} × ${l.qty}`).join(', ')}</p>
      <p class="acct-line">
        <span class="acct-muted">
          <time dateTime={isoTime(order.placedAt)}>{formatDateTime(order.placedAt, intl)}</time>
          {' · '}
          {t(order.payment === 'wallet' ? 'seller.payWallet' : 'seller.payPickup')}
        </span>
        <Price amount={order.total} currency={shop.currency} />
      </p>
      {order.delivery.kind === 'ship' ? (
        <p class="acct-muted acct-pre">
          {t('order.shipTo', { recipient: order.delivery.recipient, phone: order.delivery.phone })}
          {'\n'}
          {order.delivery.address}
        </p>
      ) : (
        <p class="acct-muted">{t('order.pickupAt', { name: point?.name ?? order.delivery.pointId })}</p>
      )}
      {children}
    </article>
  );
}

interface ShipFields {
  carrier: string;
  tracking: string;
}

function ToShip({ orders, shop }: { orders: Order[]; shop: ShopProfile }) {
  const app = useApp();
  const { t } = useI18n();
  const action = useAction();
  const id = useId();
  const [fields, setFields] = useState<Record<string, ShipFields>>({});
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [bulkCarrier, setBulkCarrier] = useState('');
  const [bulkError, setBulkError] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const get = (o: Order) => fields[o.id] ?? { carrier: '', tracking: '' };
  const set = (o: Order, patch: Partial<ShipFields>) => setFields((f) => ({ ...f, [o.id]: { ...get(o), ...patch } }));
  // Orders shipped meanwhile (here or in another tab) drop out of the selection.
  const chosen = orders.filter((o) => selected.has(o.id));

  const shipOne = async (o: Order) => {
    const { carrier, tracking } = get(o);
    if (carrier.trim() === '') {
      setErrors((e) => ({ ...e, [o.id]: t('seller.carrierRequired') }));
      return;
    }
    await action.run(() => shipOrder(app, o.id, carrier, tracking), t('seller.shipped', { number: orderNumber(o.id) }));
  };

  const shipSelected = async () => {
    if (chosen.length === 0) return setBulkError(t('seller.selectSome'));
    if (bulkCarrier.trim() === '') return setBulkError(t('seller.carrierRequired'));
    setBulkError('');
    const outcome = await action.run(async () => {
      const ids: EventId[] = [];
      for (const o of chosen) ids.push(await shipOrder(app, o.id, bulkCarrier, get(o).tracking));
      return ids;
    }, t('seller.shippedMany', { count: chosen.length }));
    if (outcome === 'done') setSelected(new Set());
  };

  return (
    <Section tab="to-ship" title={t('seller.toShip')} count={orders.length} message={action.message}>
      {orders.length > 1 && (
        <form
          class="acct-card acct-form acct-bulk"
          aria-label={t('seller.bulk')}
          onSubmit={(e) => {
            e.preventDefault();
            void shipSelected();
          }}
        >
          <h4>{t('seller.bulk')}</h4>
          <label for={`${id}-bulk`}>{t('seller.bulkCarrier')}</label>
          <input id={`${id}-bulk`} value={bulkCarrier} maxLength={80} onInput={(e) => setBulkCarrier(e.currentTarget.value)} />
          <p class="acct-muted">{t('seller.bulkNote')}</p>
          {bulkError && <p class="acct-error">{bulkError}</p>}
          <button type="submit" class="acct-btn acct-primary" disabled={action.busy}>{t('seller.shipSelected', { count: chosen.length })}</button>
        </form>
      )}
      {orders.map((o) => (
        <OrderCard
          key={o.id}
          order={o}
          shop={shop}
          extra={
            orders.length > 1 && (
              <label class="acct-check">
                <input
                  type="checkbox"
                  checked={selected.has(o.id)}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setSelected((s) => {
                      const next = new Set(s);
                      if (on) next.add(o.id);
                      else next.delete(o.id);
                      return next;
                    });
                  }}
                />
                {t('seller.select', { number: orderNumber(o.id) })}
              </label>
            )
          }
        >
          <form
            class="acct-form acct-ship"
            onSubmit={(e) => {
              e.preventDefault();
              void shipOne(o);
            }}
          >
            <label>
              {t('seller.carrier')}
              <input
                value={get(o).carrier}
                maxLength={80}
                aria-invalid={errors[o.id] ? true : undefined}
                onInput={(e) => {
                  set(o, { carrier: e.currentTarget.value });
                  setErrors((x) => ({ ...x, [o.id]: '' }));
                }}
              />
            </label>
            <label>
              {t('seller.tracking')}
              <input value={get(o).tracking} maxLength={80} onInput={(e) => set(o, { tracking: e.currentTarget.value })} />
            </label>
            {errors[o.id] && <p class="acct-error">{errors[o.id]}</p>}
            <button type="submit" class="acct-btn acct-primary" disabled={action.busy}>{t('seller.ship')}</button>
          </form>
        </OrderCard>
      ))}
    </Section>
  );
}

function ToPrepare({ orders, shop }: { orders: Order[]; shop: ShopProfile }) {
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

function AtPickup({ orders, shop }: { orders: Order[]; shop: ShopProfile }) {
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

function Refunds({ orders, shop }: { orders: Order[]; shop: ShopProfile }) {
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

function Claims({ orders, shop }: { orders: Order[]; shop: ShopProfile }) {
  const app = useApp();
  const { t, intl } = useI18n();
  const action = useAction();
  const multiple = shop.policies.compensationMultiple;
  return (
    <Section tab="claims" title={t('seller.claims')} count={orders.length} message={action.message}>
      {orders.map((o) => {
        const back = o.held === 'escrow' || o.held === 'revenue' ? o.total : 0;
        const extra = (o.total - o.shipping) * multiple;
        return (
          <OrderCard key={o.id} order={o} shop={shop}>
            <p>{t('seller.buyerSays', { buyer: o.buyer, reason: o.reason || '—' })}</p>
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

function Withdrawals({ withdrawals, shop }: { withdrawals: Withdrawal[]; shop: ShopProfile }) {
  const { t } = useI18n();
  const action = useAction();
  return (
    <Section tab="withdrawals" title={t('seller.withdrawals')} count={withdrawals.length} message={action.message}>
      {withdrawals.map((w) => <WithdrawalCard key={w.id} w={w} shop={shop} action={action} />)}
    </Section>
  );
}

function WithdrawalCard({ w, shop, action }: { w: Withdrawal; shop: ShopProfile; action: ReturnType<typeof useAction> }) {
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

function Teams({ teams }: { teams: { team: Team; name: string }[] }) {
  const { t, intl } = useI18n();
  return (
    <Section tab="teams" title={t('seller.forming')} count={teams.length}>
      <ul class="acct-list">
        {teams.map(({ team, name }) => (
          <li class="acct-line">
            <a href={href({ name: 'team', id: team.id })}>{name}</a>
            <span class="acct-muted">
              {t('teambuy.members', { have: team.members.length, size: team.size })} · {t('teambuy.closes', { date: formatDateTime(team.deadline, intl) })}
            </span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

function Recent({ recent, shop }: { recent: RecentDecision[]; shop: ShopProfile }) {
  const { t, intl } = useI18n();
  return (
    <Section tab="recent" title={t('seller.recent')} {...(recent.length === 0 && { count: 0 })}>
      <ul class="acct-list">
        {recent.map((r) => (
          <li class="acct-card">
            <p class="acct-line">
              <span class="acct-strong">{t('seller.orderOf', { number: orderNumber(r.order.id), buyer: r.order.buyer })}</span>
              <Price amount={r.order.total} currency={shop.currency} />
            </p>
            <p class="acct-muted">
              <time dateTime={isoTime(r.at)}>{formatDateTime(r.at, intl)}</time> · {r.order.lines.map((l) => l.name).join(', ')}
            </p>
            <p class={r.kind === 'order.rejected' ? 'acct-error' : ''}>
              {r.kind === 'order.accepted' ? t('seller.recentAccepted') : t('seller.recentRejected', { reason: reasonText(t, r.reason, r.message) })}
            </p>
          </li>
        ))}
      </ul>
    </Section>
  );
}

const METHODS: CreditWallet['method'][] = ['cash', 'bank-transfer', 'other'];

function Credit({ shop }: { shop: ShopProfile }) {
  const app = useApp();
  const { t, intl } = useI18n();
  const id = useId();
  const action = useAction();
  const [buyer, setBuyer] = useState<string>(DEMO_BUYERS[0]);
  const [amountText, setAmountText] = useState('');
  const [method, setMethod] = useState<CreditWallet['method']>('cash');
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [asking, setAsking] = useState(false);
  const amount = parseMoney(amountText, shop.currency, intl);
  const shown = amount === undefined ? '' : formatMoney(amount, shop.currency, intl);

  return (
    <Section tab="credit" title={t('seller.credit')}>
      <form
        class="acct-card acct-form"
        aria-labelledby="seller-credit"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (amount === undefined || amount <= 0) return setError(t('seller.amountInvalid'));
          setError('');
          setAsking(true);
        }}
      >
        <label for={`${id}-buyer`}>{t('seller.creditBuyer')}</label>
        <select id={`${id}-buyer`} value={buyer} onChange={(e) => setBuyer(e.currentTarget.value)}>
          {DEMO_BUYERS.map((b) => <option value={b}>{b}</option>)}
        </select>
        <label for={`${id}-amount`}>{t('seller.creditAmount')}</label>
        <input
          id={`${id}-amount`}
          inputMode="decimal"
          autoComplete="off"
          value={amountText}
          aria-invalid={error !== ''}
          aria-describedby={error ? `${id}-err` : undefined}
          onInput={(e) => {
            setAmountText(e.currentTarget.value);
            setError('');
          }}
        />
        {error && <p id={`${id}-err`} class="acct-error">{error}</p>}
        <label for={`${id}-method`}>{t('seller.creditMethod')}</label>
        <select id={`${id}-method`} value={method} onChange={(e) => setMethod(e.currentTarget.value as CreditWallet['method'])}>
          {METHODS.map((m) => <option value={m}>{t(`method.${m}` as const)}</option>)}
        </select>
        <label for={`${id}-note`}>{t('seller.creditNote')}</label>
        <input id={`${id}-note`} value={note} maxLength={2000} onInput={(e) => setNote(e.currentTarget.value)} />
        <button type="submit" class="acct-btn acct-primary" disabled={action.busy}>{t('seller.creditSend')}</button>
      </form>
      <LiveMessage message={action.message} />
      <ConfirmDialog
        open={asking}
        question={t('seller.creditQuestion', { amount: shown, buyer })}
        body={<p>{t('seller.creditBody')}</p>}
        yes={t('seller.creditSend')}
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          if (amount === undefined) return;
          void action
            .run(() => creditWallet(app, buyer as BuyerId, amount, method, note), t('seller.creditDone', { amount: shown, buyer }))
            .then((outcome) => {
              if (outcome === 'done') {
                setAmountText('');
                setNote('');
              }
            });
        }}
      />
    </Section>
  );
}
