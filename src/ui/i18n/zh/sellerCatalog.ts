import type { Strings } from '../define.ts';
import type { strings as en } from '../en/sellerCatalog.ts';

export const strings: Strings<keyof typeof en> = {
  'catalogForm.title': 'Products, promotions and the shop profile',
};
