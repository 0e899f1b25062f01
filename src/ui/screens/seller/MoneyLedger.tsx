/** The ledger's check: all balances add up to zero (or a warning with the difference), and the balances themselves. */
import type { LedgerCheck } from '../../../app/queries/money.ts';
import { formatMoney } from '../../format.ts';
import { useI18n, type StringKey } from '../../i18n/index.ts';

const ROWS: [keyof LedgerCheck, StringKey][] = [
  ['revenue', 'money.acct.revenue'],
  ['cash', 'money.acct.cash'],
  ['compensation', 'money.acct.compensation'],
  ['available', 'money.acct.available'],
  ['escrow', 'money.acct.escrow'],
];

export function Ledger({ ledger, currency }: { ledger: LedgerCheck; currency: string }) {
  const { t, intl } = useI18n();
  const money = (x: number) => formatMoney(x, currency, intl);
  const rows = ledger.other !== 0 ? [...ROWS, ['other', 'money.acct.other'] as [keyof LedgerCheck, StringKey]] : ROWS;
  return (
    <section class="acct-section" aria-labelledby="money-ledger">
      <h3 id="money-ledger">{t('money.ledger')}</h3>
      {ledger.balanced ? (
        <p class="money-check money-check-ok" role="status">
          <span aria-hidden="true">✓ </span>
          {t('money.balanced')}
        </p>
      ) : (
        <div class="money-check money-check-bad" role="alert">
          <p>
            <span aria-hidden="true">⚠ </span>
            {t('money.unbalanced', { amount: money(ledger.sum) })}
          </p>
          <p>{t('money.unbalancedHelp')}</p>
        </div>
      )}
      <table class="money-accounts">
        <caption>{t('money.accounts', { count: new Intl.NumberFormat(intl).format(ledger.accounts) })}</caption>
        <tbody>
          {rows.map(([key, label]) => (
            <tr key={key}>
              <th scope="row">{t(label)}</th>
              <td>{money(ledger[key] as number)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('money.acct.sum')}</th>
            <td data-figure="ledger-sum">{money(ledger.sum)}</td>
          </tr>
        </tfoot>
      </table>
      <p class="acct-muted">{t('money.ledgerNote')}</p>
    </section>
  );
}
