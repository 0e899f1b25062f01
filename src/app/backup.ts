/**
 * Backups of the device's data, for the Settings screen. Apart from the other queries so the
 * first screen does not ship the backup code.
 */
export { backupOf as exportBackup, checkBackupFor as checkBackupFile, restoreBackup as importBackup } from '../storage/device-backup.ts';
export { BackupError, type Backup } from '../storage/backup.ts';
export type { Damage } from '../storage/backup-damage.ts';
