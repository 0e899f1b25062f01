import { useId, useState } from 'preact/hooks';
import { importCatalog } from '../../../app/actions/import-catalog.ts';
import { csvToProducts, PRODUCT_COLUMNS, type CatalogParse } from '../../../engines/csv/catalog-csv.ts';
import { decodeCsv } from '../../../app/device/csv-decode.ts';
import { CSV_LIMITS } from '../../../engines/csv/parse-csv.ts';
import { catalogForImport, countExisting, importOutcome } from '../../../app/queries/data.ts';
import { getShop } from '../../../app/queries/reads.ts';
import { ConfirmButton } from '../../kit/ConfirmButton.tsx';
import { FileButton } from '../../kit/FileButton.tsx';
import { errorText } from '../../kit/labels.ts';
import { LiveMessage } from '../../kit/LiveMessage.tsx';
import type { Message } from '../../hooks/use-action.ts';
import { newProductId } from '../../../app/actions/save-product.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useLive } from '../../hooks/use-live.ts';
import { useI18n } from '../../i18n/index.ts';
import { Preview, Problems } from './data-preview.tsx';

/** The chosen file, read and checked: what the preview shows and the import would queue. */
interface Chosen {
  name: string;
  parse: CatalogParse;
  /** How many of its products replace ones the shop has (same id). */
  replacing: number;
}

const MAX_MB = Math.round(CSV_LIMITS.maxChars / (1024 * 1024));

/**
 * Import products from a CSV: choose a file, see a preview of it (or its problems, line by
 * line), and only then import all of it, in one transaction, or nothing.
 */
export function ImportSection() {
  const app = useApp();
  const { t } = useI18n();
  const id = useId();
  const shop = useLive(() => getShop(app.store), [app]);
  const [chosen, setChosen] = useState<Chosen | undefined>(undefined);
  const [message, setMessage] = useState<Message | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  // A new key empties the file input (after an import, or to choose the same file again).
  const [inputKey, setInputKey] = useState(0);

  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    setChosen(undefined);
    setMessage(undefined);
    if (!file) return;
    if (!shop) return setMessage({ tone: 'error', text: t('csv.noShopYet') });
    if (file.size > CSV_LIMITS.maxChars) return setMessage({ tone: 'error', text: t('csv.tooBig', { mb: MAX_MB }) });
    setBusy(true);
    setMessage({ tone: 'info', text: t('csv.reading', { name: file.name }) });
    try {
      // UTF-8, or GBK as Excel on a Chinese Windows saves it.
      const { text } = decodeCsv(new Uint8Array(await file.arrayBuffer()));
      // Let "Reading…" be painted before a big file is parsed on this thread.
      await new Promise((resolve) => setTimeout(resolve, 0));
      // A row changes the product its id (or name) finds, in the columns the file has.
      const parse = csvToProducts(text, shop.currency, { existing: await catalogForImport(app.store), newId: () => newProductId(app.now()) });
      const replacing = parse.errors.length === 0 ? await countExisting(app.store, parse.rows.map((r) => r.product.id)) : 0;
      setChosen({ name: file.name, parse, replacing });
      setMessage(undefined);
    } catch (error) {
      setMessage({ tone: 'error', text: t('csv.unreadable', { message: error instanceof Error ? error.message : String(error) }) });
    } finally {
      setBusy(false);
    }
  };

  const runImport = async (c: Chosen) => {
    const count = c.parse.rows.length;
    setBusy(true);
    setMessage({ tone: 'info', text: t('csv.importing', { count }) });
    try {
      const { ids } = await importCatalog(app, c.parse.rows);
      setChosen(undefined);
      setInputKey((k) => k + 1);
      // The import button is gone: focus goes back to the section, where the outcome is said.
      document.getElementById(`${id}-h`)?.focus();
      await app.settle();
      const outcome = await importOutcome(app.store, ids);
      if (outcome.refused > 0) {
        setMessage({ tone: 'error', text: t('csv.importRefused', { refused: outcome.refused, count, reason: outcome.firstRefusal ?? '' }) });
      } else if (outcome.waiting > 0) {
        setMessage({ tone: 'info', text: t('csv.importQueued', { count }) });
      } else {
        setMessage({ tone: 'ok', text: t('csv.imported', { count }) });
      }
    } catch (error) {
      setMessage({ tone: 'error', text: errorText(t, error) });
    } finally {
      setBusy(false);
    }
  };

  const ok = chosen !== undefined && chosen.parse.errors.length === 0 && chosen.parse.rows.length > 0;
  return (
    <section class="acct-section" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} tabIndex={-1}>{t('csv.importTitle')}</h3>
      <p class="acct-muted">{t('csv.importHelp')}</p>
      <details class="data-format">
        <summary>{t('csv.formatTitle')}</summary>
        <ul>
          <li>{t('csv.formatColumns', { columns: PRODUCT_COLUMNS.join(', ') })}</li>
          <li>{t('csv.formatMoney', { currency: shop?.currency ?? '' })}</li>
          <li>{t('csv.formatLists')}</li>
          <li>{t('csv.formatTimes')}</li>
          <li>{t('csv.formatEncoding')}</li>
          <li>{t('csv.formatTip')}</li>
        </ul>
      </details>
      <FileButton id={`${id}-file`} label={t('csv.file')} accept=".csv,text/csv" disabled={busy} inputKey={inputKey} onChoose={(input) => void choose(input)} />
      <LiveMessage message={message} />
      {chosen && chosen.parse.errors.length > 0 && <Problems name={chosen.name} problems={chosen.parse.errors} />}
      {chosen && ok && shop && (
        <>
          <h4>{t('csv.previewTitle')}</h4>
          <Preview name={chosen.name} rows={chosen.parse.rows} currency={shop.currency} />
          <div class="acct-row">
            <ConfirmButton
              primary
              label={t('csv.importButton', { count: chosen.parse.rows.length })}
              question={t('csv.importQuestion', { count: chosen.parse.rows.length })}
              body={<p>{t('csv.importBody', { added: chosen.parse.rows.length - chosen.replacing, replaced: chosen.replacing })}</p>}
              yes={t('csv.importYes')}
              disabled={busy}
              onConfirm={() => void runImport(chosen)}
            />
            <button
              type="button"
              class="acct-btn"
              disabled={busy}
              onClick={() => {
                setChosen(undefined);
                setInputKey((k) => k + 1);
                setTimeout(() => document.getElementById(`${id}-file`)?.focus(), 0);
              }}
            >
              {t('csv.another')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
