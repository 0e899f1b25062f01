import { useState } from 'preact/hooks';
import { PERIODS } from '../../../engines/dashboard/summary.ts';
import { moneyDashboard, shopZone, type Period } from '../../../app/queries/money.ts';
import { getShop } from '../../../app/queries/reads.ts';
import { useNow } from '../../hooks/use-now.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useLive } from '../../hooks/use-live.ts';
import { useI18n } from '../../i18n/index.ts';
import { SalesByDay, SalesByProduct } from './MoneyCharts.tsx';
import { salesDashboard } from '../../../app/queries/money-sales.ts';
import { Ledger } from './MoneyLedger.tsx';
import { SalesFirst } from './MoneySales.tsx';
import { OtherFigures, PeriodChooser } from './MoneyTotals.tsx';
import '../account.css';
import './seller-money.css';

const isPeriod = (x: string | undefined): x is Period => (PERIODS as readonly string[]).includes(x ?? '');

/**
 * Money and sales: first the period's sales (escrow included) and where their money is now (paid
 * to the seller, in escrow, to collect, refunded); the same sales by day and by product as charts;
 * then the period's compensation paid and cash in and out, from the ledger; the ledger's check.
 * Read from this device's journal, so it works offline. `#/seller/money/30d` opens a period.
 */
export function MoneyTab({ section }: { section?: string | undefined }) {
  const app = useApp();
  const { t } = useI18n();
  const [period, setPeriod] = useState<Period>(isPeriod(section) ? section : '7d');
  // Read again when the local date changes (past midnight the period moves on a day).
  const today = shopZone().dayOf(useNow(60_000));
  const data = useLive(() => moneyDashboard(app.store, period, app.now()), [app, period, today]);
  const sales = useLive(() => salesDashboard(app.store, period, app.now()), [app, period, today]);
  const shop = useLive(() => getShop(app.store), [app]);
  return (
    <div class="acct acct-seller money">
      <h3 class="money-title">{t('money.title')}</h3>
      <PeriodChooser period={period} onChange={setPeriod} />
      {!data || !shop || !sales ? (
        <p role="status">{t('loading')}</p>
      ) : (
        <>
          <SalesFirst totals={sales.totals} currency={shop.currency} />
          <SalesByDay summary={sales.summary} currency={shop.currency} />
          <SalesByProduct summary={sales.summary} currency={shop.currency} withCombinations={sales.withCombinations} />
          <OtherFigures summary={data.summary} currency={shop.currency} />
          <Ledger ledger={data.ledger} currency={shop.currency} />
        </>
      )}
    </div>
  );
}
