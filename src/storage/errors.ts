/**
 * A full disk, told to people plainly. Every write in storage goes through `guardQuota`, around
 * a single transaction: when the browser refuses a write for lack of space, the transaction
 * aborts (so nothing of it is kept) and the caller gets a `StorageFullError` it can show.
 */
import { Dexie } from 'dexie';

export const STORAGE_FULL_MESSAGE = "The device's storage is full: nothing was saved. Free some space and try again.";

export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';

  constructor(cause?: unknown) {
    super(STORAGE_FULL_MESSAGE, { cause });
  }
}

/** Names browsers and Dexie give a refusal for lack of space. */
const QUOTA_NAMES = new Set<string>([
  Dexie.errnames.QuotaExceeded, // 'QuotaExceededError', the standard DOMException name
  'NS_ERROR_DOM_QUOTA_REACHED', // older Firefox
]);
/** DOMException's legacy code for QUOTA_EXCEEDED_ERR, for engines that set the code but an odd name. */
const QUOTA_CODE = 22;

/**
 * True if `error`, or any error it wraps, is a quota refusal. Dexie wraps the browser's
 * error: in `inner` (a transaction aborted by it), in `failures` (a bulk write) or in `cause`.
 */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const e = error as { name?: unknown; code?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (typeof e.name === 'string' && QUOTA_NAMES.has(e.name)) return true;
  if (error instanceof DOMException && e.code === QUOTA_CODE) return true;
  if (isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1)) return true;
  const failures = e.failures;
  if (Array.isArray(failures)) return failures.some((f) => isQuotaError(f, depth + 1));
  if (typeof failures === 'object' && failures !== null) {
    return Object.values(failures).some((f) => isQuotaError(f, depth + 1));
  }
  return false;
}

/** Runs one write (a whole transaction) and turns a quota refusal into a `StorageFullError`. */
export async function guardQuota<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof StorageFullError) throw error;
    if (isQuotaError(error)) throw new StorageFullError(error);
    throw error;
  }
}
