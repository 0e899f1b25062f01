/**
 * Backups of a store, for the app: backup.ts works on the Dexie database itself (as the sync
 * runner's code does); these take the app's handle. (To be merged into backup.ts when it next
 * changes.)
 */
import type { Millis } from '../domain/index.ts';
import { checkBackup, exportBackup, importBackup, type Backup } from './backup.ts';
import { tablesOf } from './db.ts';
import type { Store } from './store.ts';

/** Everything on this device (its tables and settings), as a backup file holds it. */
export function backupOf(store: Store, exportedAt: Millis): Promise<Backup> {
  return exportBackup(tablesOf(store), exportedAt);
}

/** Checks a parsed backup without changing anything; throws a `BackupError` saying what is wrong. */
export function checkBackupFor(store: Store, data: unknown): Backup {
  return checkBackup(tablesOf(store), data);
}

/** Replaces this device's data with the backup's, exactly (or changes nothing if it is not a good one). */
export function restoreBackup(store: Store, data: unknown): Promise<void> {
  return importBackup(tablesOf(store), data);
}
