import { useId, useState } from 'preact/hooks';
import type { CsvKind } from '../../../app/device/csv-download.ts';
import { downloadCsv } from '../../../app/device/csv-download.ts';
import { exportCsv, NoShopError } from '../../../app/queries/data.ts';
import { errorText } from '../../kit/labels.ts';
import { LiveMessage } from '../../kit/LiveMessage.tsx';
import type { Message } from '../../hooks/use-action.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useI18n, type StringKey } from '../../i18n/index.ts';

const FILES: { kind: CsvKind; label: StringKey; help: StringKey }[] = [
  { kind: 'products', label: 'csv.exportProducts', help: 'csv.exportProductsHelp' },
  { kind: 'orders', label: 'csv.exportOrders', help: 'csv.exportOrdersHelp' },
  { kind: 'ledger', label: 'csv.exportLedger', help: 'csv.exportLedgerHelp' },
];

/** Products, orders and the ledger as CSV files, made on the device and saved as downloads. */
export function ExportSection() {
  const app = useApp();
  const { t } = useI18n();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | undefined>(undefined);

  const save = async (kind: CsvKind) => {
    setBusy(true);
    setMessage(undefined);
    try {
      const file = await exportCsv(app.store, kind, app.now());
      downloadCsv(file.text, file.name);
      setMessage({ tone: 'ok', text: t('csv.exported', { name: file.name, count: file.rows }) });
    } catch (error) {
      setMessage({ tone: 'error', text: error instanceof NoShopError ? t('csv.noShop') : errorText(t, error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="acct-section" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('csv.exportTitle')}</h3>
      <p class="acct-muted">{t('csv.exportHelp')}</p>
      <ul class="acct-plain data-exports stack">
        {FILES.map((f) => (
          <li key={f.kind} class="acct-card">
            <button type="button" class="acct-btn" disabled={busy} aria-describedby={`${id}-${f.kind}`} onClick={() => void save(f.kind)}>
              {t(f.label)}
            </button>
            <p id={`${id}-${f.kind}`} class="acct-muted">{t(f.help)}</p>
          </li>
        ))}
      </ul>
      <LiveMessage message={message} />
    </section>
  );
}
