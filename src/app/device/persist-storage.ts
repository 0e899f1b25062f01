/**
 * Persistent storage: a browser may clear a site's data when the disk runs low unless the site
 * was granted persistence (`navigator.storage.persist()`). Chromium grants or refuses without
 * asking (by how much the site is used, or if it is installed); Firefox asks the person. The
 * app asks once by itself at a quiet moment, and Settings shows the answer and can ask again.
 */
import { getSetting, setSetting } from '../../storage/index.ts';

export interface StorageState {
  /** The browser has the Storage API at all. */
  supported: boolean;
  /** The browser promises to keep this site's data. */
  persisted: boolean;
  /** Bytes this site uses, and roughly how many it may, if the browser says. */
  usage?: number;
  quota?: number;
}

function storageManager(): StorageManager | undefined {
  return typeof navigator !== 'undefined' && 'storage' in navigator ? navigator.storage : undefined;
}

export async function storageState(): Promise<StorageState> {
  const storage = storageManager();
  if (!storage || typeof storage.persisted !== 'function') return { supported: false, persisted: false };
  const [persisted, estimate] = await Promise.all([
    storage.persisted().catch(() => false),
    typeof storage.estimate === 'function' ? storage.estimate().catch(() => undefined) : Promise.resolve(undefined),
  ]);
  return {
    supported: true,
    persisted,
    ...(estimate?.usage !== undefined && { usage: estimate.usage }),
    ...(estimate?.quota !== undefined && { quota: estimate.quota }),
  };
}

/** Asks the browser to keep this site's data; true if it will. Remembers that it asked. */
export async function keepData(): Promise<boolean> {
  const storage = storageManager();
  if (!storage || typeof storage.persist !== 'function') return false;
  await setSetting('persistAsked', true).catch(() => undefined);
  return storage.persist().catch(() => false);
}

/**
 * Asks once, ever, by itself (after the first order, or on opening Settings). Returns the
 * browser's answer, or undefined if it had asked before (or cannot ask).
 */
export async function askPersistOnce(): Promise<boolean | undefined> {
  const storage = storageManager();
  if (!storage || typeof storage.persist !== 'function') return undefined;
  if (await getSetting('persistAsked')) return undefined;
  if (await storage.persisted().catch(() => false)) {
    await setSetting('persistAsked', true).catch(() => undefined);
    return true;
  }
  return keepData();
}
