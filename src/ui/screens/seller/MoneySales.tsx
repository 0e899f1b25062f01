/**
 * The Money tab's first answer: the period's sales (orders and amount, money still in escrow
 * included), what is still to be paid to the shop (in escrow now), and the refunds.
 */
import type { SalesFigures } from '../../../app/queries/money-sales.ts';
import { Price } from '../../components/Price.tsx';
import { useI18n } from '../../i18n/index.ts';

export function SalesFirst({ sales, escrow, currency }: { sales: SalesFigures; escrow: number; currency: string }) {
  const { t } = useI18n();
  return (
    <section class="acct-section" aria-labelledby="money-sales">
      <h3 id="money-sales">{t('money.sales')}</h3>
      <dl class="money-headline">
        <dt class="acct-sr">{t('money.sales')}</dt>
        <dd class="money-figure" data-figure="sales"><Price amount={sales.amount} currency={currency} /></dd>
        <dd class="acct-muted" data-figure="sales-orders">{sales.orders === 1 ? t('money.salesOrder') : t('money.salesOrders', { count: sales.orders })}</dd>
      </dl>
      <dl class="money-rows">
        <div class="money-row">
          <dt>{t('money.toPayOut')}</dt>
          <dd class="money-row-value" data-figure="escrow"><Price amount={escrow} currency={currency} /></dd>
          <dd class="money-row-note">{t('money.toPayOutNote')}</dd>
        </div>
        <div class="money-row">
          <dt>{t('money.refunds')}</dt>
          <dd class="money-row-value" data-figure="refunds"><Price amount={sales.refunded} currency={currency} /></dd>
          <dd class="money-row-note">{t('money.refundsNote', { count: sales.refunds })}</dd>
        </div>
      </dl>
    </section>
  );
}
