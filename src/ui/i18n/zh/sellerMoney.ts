import type { Strings } from '../define.ts';
import type { strings as en } from '../en/sellerMoney.ts';

export const strings: Strings<keyof typeof en> = {
  'money.title': 'Money, customers and the order inbox figures',
};
