/**
 * Backup files in the browser: a download made from the backup's JSON, and a chosen file read
 * back as JSON. What is inside is checked by storage's `checkBackup` / `importBackup`.
 */

/** A file the person chose that is not a backup this app can even read. */
export class BackupFileError extends Error {
  override readonly name = 'BackupFileError';

  constructor(readonly code: 'not-json' | 'unreadable' | 'too-big', message: string) {
    super(message);
  }
}

/** Bigger than any shop this app keeps on a phone: refused before it is read into memory. */
const MAX_BYTES = 512 * 1024 * 1024;

/** `offline-shop-backup-2026-11-11.json`, by the device's own calendar date. */
export function backupFileName(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `offline-shop-backup-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.json`;
}

export function backupBlob(backup: unknown): Blob {
  return new Blob([JSON.stringify(backup)], { type: 'application/json' });
}

/** Offers a file to save (the browser's download), without leaving the page. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The chosen file's content as JSON; a `BackupFileError` if it cannot be read or is not JSON. */
export async function readJsonFile(file: Blob): Promise<unknown> {
  if (file.size > MAX_BYTES) throw new BackupFileError('too-big', 'This file is too big to be a backup of this shop.');
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    throw new BackupFileError('unreadable', `This file could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BackupFileError('not-json', 'This file is not a backup: it is not JSON.');
  }
}
