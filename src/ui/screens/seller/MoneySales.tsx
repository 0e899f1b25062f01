/**
 * The Money tab's first answer: the period's sales (orders and amount, money still in escrow
 * included), then where that money is now: paid to the seller, in escrow, to collect at pickup,
 * refunded. The parts add up to the sales (engines/dashboard/sales.ts), so nothing on the
 * screen contradicts the headline; the charts below count the same orders.
 */
import type { SalesTotals } from '../../../app/queries/money-sales.ts';
import { Price } from '../../components/Price.tsx';
import { useI18n, type StringKey } from '../../i18n/index.ts';

export function SalesFirst({ totals, currency }: { totals: SalesTotals; currency: string }) {
  const { t } = useI18n();
  const rows: [string, StringKey, string, number][] = [
    ['paid', 'money.paid', t('money.paidNote'), totals.paid],
    ['escrow', 'money.toPayOut', t('money.toPayOutNote'), totals.escrow],
    ['to-collect', 'money.toCollect', t('money.toCollectNote'), totals.toCollect],
    ['refunds', 'money.refunds', t('money.refundsNote', { count: totals.refunds }), totals.refunded],
  ];
  return (
    <section class="acct-section" aria-labelledby="money-sales">
      <h3 id="money-sales">{t('money.sales')}</h3>
      <dl class="money-headline">
        <dt class="acct-sr">{t('money.sales')}</dt>
        <dd class="money-figure" data-figure="sales"><Price amount={totals.amount} currency={currency} /></dd>
        <dd class="acct-muted" data-figure="sales-orders">{totals.orders === 1 ? t('money.salesOrder') : t('money.salesOrders', { count: totals.orders })}</dd>
      </dl>
      <dl class="money-rows">
        {rows.map(([key, label, note, amount]) => (key === 'to-collect' && amount === 0 ? null : (
          <div class="money-row">
            <dt>{t(label)}</dt>
            <dd class="money-row-value" data-figure={key}><Price amount={amount} currency={currency} /></dd>
            <dd class="money-row-note">{note}</dd>
          </div>
        )))}
      </dl>
      <p class="acct-muted">{t('money.partsNote')}</p>
    </section>
  );
}
