/**
 * CSV files out of the browser: a Blob offered as a download (through the same helper as the
 * backup file), named by the kind and the device's calendar date: `products-2026-11-11.csv`.
 */
import { saveFile } from './backup-file.ts';

export type CsvKind = 'products' | 'orders' | 'ledger';

export function csvFileName(kind: CsvKind, at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${kind}-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.csv`;
}

/** Offers `text` (already with its byte order mark) as a UTF-8 CSV file to save. */
export function downloadCsv(text: string, name: string): void {
  saveFile(new Blob([text], { type: 'text/csv;charset=utf-8' }), name);
}
