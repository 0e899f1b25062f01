import { useId } from 'preact/hooks';
import type { CatalogRow } from '../../../engines/csv/catalog-csv.ts';
import type { CsvProblem } from '../../../engines/csv/problems.ts';
import { formatMoney } from '../../format.ts';
import { useI18n, type I18n, type StringKey } from '../../i18n/index.ts';

/** Rows shown before importing: enough to see the columns were read right. */
export const PREVIEW_ROWS = 20;
/** Problems listed: a file with thousands of bad rows is wrong as a whole, and says so in its count. */
export const PROBLEMS_SHOWN = 100;

/** "Line 7, price: must be an amount like 12.90, got "12.5.1"", in the reader's language. */
export function problemText({ t }: Pick<I18n, 't'>, p: CsvProblem): string {
  let text = t(`csv.err.${p.code}` as StringKey, p.params);
  // The validator's own words (English, no capital) for problems without a code of their own.
  if (p.code === 'invalid') text = `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  if (p.params.item !== undefined) text = t('csv.item', { item: p.params.item, text });
  // A line number is a place in the file, not a quantity: not grouped ("Line 1234").
  const line = String(p.line);
  return p.column === undefined ? t('csv.atLine', { line, text }) : t('csv.at', { line, column: p.column, text });
}

/** Why the file cannot be imported, row by row: said at once (an alert), nothing imported. */
export function Problems({ name, problems }: { name: string; problems: readonly CsvProblem[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const more = problems.length - PROBLEMS_SHOWN;
  return (
    <div class="acct-card data-problems" role="alert">
      <p class="acct-error">{t('csv.problemsTitle', { name, count: problems.length })}</p>
      <ul class="data-problem-list">
        {problems.slice(0, PROBLEMS_SHOWN).map((p) => (
          <li key={`${p.line}-${p.column ?? ''}-${p.code}-${p.message}`}>{problemText(i18n, p)}</li>
        ))}
      </ul>
      {more > 0 && <p class="acct-muted">{t('csv.problemsMore', { count: more })}</p>}
    </div>
  );
}

/** The first rows as the shop will take them, in a table that scrolls sideways on a phone. */
export function Preview({ name, rows, currency }: { name: string; rows: readonly CatalogRow[]; currency: string }) {
  const { t, intl } = useI18n();
  const id = useId();
  const shown = rows.slice(0, PREVIEW_ROWS);
  const money = (m: number) => formatMoney(m, currency, intl);
  return (
    <div class="data-scroll" role="region" aria-labelledby={`${id}-cap`} tabIndex={0}>
      <table class="data-table">
        <caption id={`${id}-cap`}>{t('csv.previewCaption', { shown: shown.length, count: rows.length, name })}</caption>
        <thead>
          <tr>
            <th scope="col" class="data-num">{t('csv.colLine')}</th>
            <th scope="col">{t('csv.colName')}</th>
            <th scope="col" class="data-num">{t('csv.colPrice')}</th>
            <th scope="col" class="data-num">{t('csv.colStock')}</th>
            <th scope="col">{t('csv.colNotes')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map(({ line, product: p, stock }) => (
            <tr key={line}>
              <td class="data-num">{line}</td>
              <th scope="row">
                {p.name}
                <span class="data-id">{t('csv.idIs', { id: p.id })}</span>
              </th>
              <td class="data-num">{money(p.price)}</td>
              <td class="data-num">{stock}</td>
              <td>
                {[
                  p.hidden ? t('csv.hidden') : '',
                  p.team ? t('csv.team', { size: p.team.size, price: money(p.team.price) }) : '',
                  p.flash ? t('csv.flash', { price: money(p.flash.price) }) : '',
                ].filter((s) => s !== '').join(' · ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
