import type { Strings } from '../define.ts';
import type { strings as en } from '../en/sellerData.ts';

export const strings: Strings<keyof typeof en> = {
  'csv.title': 'Import and export (CSV)',
};
