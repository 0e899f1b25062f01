/**
 * The period's sales (the orders the shop took, escrow included: engines/dashboard/sales.ts) as charts: by day (or week, or month) in bars, with the same numbers
 * in a table behind "Show as a table"; and by product, the top ten as labelled bars.
 */
import type { Summary } from '../../../app/queries/money.ts';
import type { ProductId } from '../../../domain/index.ts';
import { CombinationSales } from './MoneyCombinations.tsx';
import { topProducts } from '../../../engines/dashboard/summary.ts';
import { BarChart } from '../../components/seller/chart/BarChart.tsx';
import { BarList, type ListBar } from '../../components/seller/chart/BarList.tsx';
import { formatMoney } from '../../format.ts';
import { useI18n, type StringKey } from '../../i18n/index.ts';
import { axisLabel, barName, rowName } from './money-dates.ts';

const TITLE: Record<Summary['unit'], StringKey> = { day: 'money.byDay', week: 'money.byWeek', month: 'money.byMonth' };
const COLUMN: Record<Summary['unit'], StringKey> = { day: 'money.col.day', week: 'money.col.week', month: 'money.col.month' };
const TOP = 10;

export function SalesByDay({ summary, currency }: { summary: Summary; currency: string }) {
  const { t, intl } = useI18n();
  const { bars, unit, today } = summary;
  const money = (x: number) => formatMoney(x, currency, intl);
  const title = t(TITLE[unit]);
  const isToday = (b: Summary['bars'][number]) => b.from <= today && today <= b.to;
  const best = bars.reduce<Summary['bars'][number] | undefined>((m, b) => (b.revenue > 0 && (!m || b.revenue > m.revenue) ? b : m), undefined);
  const now = bars.find(isToday);
  const sentences = [t('money.chartSummary', { title, period: t(`money.periodText.${summary.period}` as const), total: money(summary.totals.revenue) })];
  if (best) sentences.push(t('money.chartBest', { amount: money(best.revenue), when: barName(best.from, unit, intl) }));
  if (now && unit === 'day') sentences.push(t('money.chartToday', { amount: money(now.revenue) }));
  const refunds = bars.some((b) => b.refunds !== 0);
  const compensation = bars.some((b) => b.compensation !== 0);
  return (
    <section class="acct-section money-chart" aria-labelledby="money-by-day">
      <h3 id="money-by-day">{title}</h3>
      <p class="acct-muted">{t('money.range', { from: barName(summary.from, 'day', intl), to: barName(summary.to, 'day', intl) })}</p>
      <BarChart
        label={sentences.join(' ')}
        format={money}
        bars={bars.map((b) => ({
          key: b.from,
          value: b.revenue,
          label: unit === 'day' && isToday(b) ? t('money.today') : axisLabel(b.from, unit, bars.length, intl),
          title: `${barName(b.from, unit, intl)}: ${money(b.revenue)}`,
          highlight: isToday(b),
        }))}
      />
      {summary.totals.sales === 0 && summary.totals.refunds === 0 && <p class="acct-muted">{t('money.chartEmpty')}</p>}
      <details class="money-table">
        <summary>{t('money.showTable')}</summary>
        <div class="money-scroll">
          <table>
            <caption class="acct-sr">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t(COLUMN[unit])}</th>
                <th scope="col">{t('money.col.revenue')}</th>
                {refunds && <th scope="col">{t('money.col.refunds')}</th>}
                {compensation && <th scope="col">{t('money.col.compensation')}</th>}
              </tr>
            </thead>
            <tbody>
              {[...bars].reverse().map((b) => (
                <tr key={b.from} data-key={b.from}>
                  <th scope="row">{unit === 'day' && isToday(b) ? t('money.today') : rowName(b.from, unit, intl)}</th>
                  <td>{money(b.revenue)}</td>
                  {refunds && <td>{money(b.refunds)}</td>}
                  {compensation && <td>{money(b.compensation)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

/** `withCombinations`: the products sold by combination, each of which opens its combinations' figures on request. */
export function SalesByProduct({ summary, currency, withCombinations }: { summary: Summary; currency: string; withCombinations: ReadonlySet<ProductId> }) {
  const { t, intl } = useI18n();
  const money = (x: number) => formatMoney(x, currency, intl);
  const { top, rest } = topProducts(summary.products, TOP);
  const total = summary.totals.revenue;
  const percent = new Intl.NumberFormat(intl, { style: 'percent', maximumFractionDigits: 0 });
  const share = (x: number) => (total > 0 && x > 0 ? percent.format(x / total) : undefined);
  const items: ListBar[] = top.map((p) => ({
    key: p.productId, label: p.name || t('money.noProduct'), value: p.revenue, ...withNote(share(p.revenue)),
    ...(withCombinations.has(p.productId) && { more: <CombinationSales productId={p.productId} name={p.name} period={summary.period} currency={currency} /> }),
  }));
  if (rest) items.push({ key: '~rest', label: t('money.otherProducts', { count: rest.count }), value: rest.revenue, ...withNote(share(rest.revenue)) });
  return (
    <section class="acct-section" aria-labelledby="money-by-product">
      <h3 id="money-by-product">{t('money.byProduct')}</h3>
      {items.length === 0 ? (
        <p class="acct-muted">{t('money.noProducts')}</p>
      ) : (
        <>
          <BarList items={items} format={money} label={t('money.byProduct')} />
          <p class="acct-muted">{t('money.byProductNote')}</p>
        </>
      )}
    </section>
  );
}

const withNote = (note: string | undefined) => (note === undefined ? {} : { note });
