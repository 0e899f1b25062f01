/** The Money tab's period chooser (a radio group) and the period's other figures, as compact rows. */
import type { Period, Summary } from '../../../app/queries/money.ts';
import { PERIODS } from '../../../engines/dashboard/summary.ts';
import { Price } from '../../components/Price.tsx';
import { useI18n, type StringKey } from '../../i18n/index.ts';

export function PeriodChooser({ period, onChange }: { period: Period; onChange: (p: Period) => void }) {
  const { t } = useI18n();
  return (
    <fieldset class="money-periods">
      <legend>{t('money.period')}</legend>
      <div class="money-segments">
        {PERIODS.map((p) => (
          <label class={p === period ? 'money-segment money-segment-on' : 'money-segment'}>
            <input type="radio" name="money-period" value={p} checked={p === period} onChange={() => onChange(p)} />
            {t(`money.period.${p}` as const)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The period's compensation and cash in and out (escrow held now is with the sales, MoneySales.tsx). */
export function OtherFigures({ summary, currency }: { summary: Summary; currency: string }) {
  const { t } = useI18n();
  const rows: [string, StringKey, StringKey, number][] = [
    ['compensation', 'money.compensation', 'money.compensationNote', summary.totals.compensation],
    ['cash-in', 'money.cashIn', 'money.cashInNote', summary.totals.cashIn],
    ['cash-out', 'money.cashOut', 'money.cashOutNote', summary.totals.cashOut],
  ];
  return (
    <section class="acct-section" aria-labelledby="money-more">
      <h3 id="money-more">{t('money.more')}</h3>
      <dl class="money-rows">
        {rows.map(([key, label, note, amount]) => (
          <div class="money-row">
            <dt>{t(label)}</dt>
            <dd class="money-row-value" data-figure={key}><Price amount={amount} currency={currency} /></dd>
            <dd class="money-row-note">{t(note)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
