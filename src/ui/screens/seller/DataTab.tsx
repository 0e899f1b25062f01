import { useI18n } from '../../i18n/index.ts';
import { ExportSection } from './data-export.tsx';
import { ImportSection } from './data-import.tsx';
import '../account.css';
import './data.css';

/**
 * The seller's data: the catalog in and out as CSV (a seller's spreadsheet), and the orders and
 * the ledger out. Everything is read and written on this device, so it all works offline.
 */
export function DataTab() {
  const { t } = useI18n();
  return (
    <div class="acct data-tab">
      <p class="acct-muted">{t('csv.intro')}</p>
      <ImportSection />
      <ExportSection />
    </div>
  );
}
