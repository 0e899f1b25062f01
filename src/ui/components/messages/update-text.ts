import type { Update } from '../../../domain/index.ts';
import type { I18n } from '../../i18n/index.ts';
import { orderNumber, reasonText } from '../../kit/labels.ts';

/** An update in a sentence, as the Updates list and the notifications say it. */
export function updateText({ t }: Pick<I18n, 't'>, u: Update): string {
  const number = u.orderId ? orderNumber(u.orderId) : '';
  switch (u.kind) {
    case 'order-refused': return t('upd.order-refused', { number, reason: reasonText(t, u.reason, u.text) });
    case 'order-shipped':
      return u.carrier ? t('upd.order-shipped', { number, carrier: u.carrier, tracking: u.tracking ?? '' }) : t('upd.order-shippedPlain', { number });
    case 'refund-declined':
    case 'claim-declined': return t(`upd.${u.kind}`, { number, reason: u.text ?? '' });
    // A message of photos alone says so.
    case 'message': return t('upd.message', { text: u.text || t('msg.photo') });
    case 'price-dropped':
    case 'back-in-stock': return t(`upd.${u.kind}`, { name: u.text ?? '' });
    default: return t(`upd.${u.kind}`, { number });
  }
}
