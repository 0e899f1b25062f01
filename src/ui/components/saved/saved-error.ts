import { StorageFullError } from '../../../app/queries/reads.ts';
import type { I18n } from '../../i18n/index.ts';

/**
 * Why saving, removing or clearing did not happen, for the person. Its own (not the kit's
 * errorText, which knows the forms' problems too) so that this feature's chunk needs only
 * what the first screen has already loaded.
 */
export function savedErrorText(t: I18n['t'], error: unknown): string {
  if (error instanceof StorageFullError) return t('saved.storageFull');
  return t('error.generic', { message: error instanceof Error ? error.message : String(error) });
}
