import type { Money } from '../../domain/index.ts';
import { formatMoney } from '../format.ts';
import { useI18n } from '../i18n/index.ts';

/** An amount of the shop's currency, formatted for the reader's language. */
export function Price({ amount, currency, strike = false }: { amount: Money | number; currency: string; strike?: boolean }) {
  const { intl } = useI18n();
  const text = formatMoney(amount, currency, intl);
  return strike ? <s class="price price-old">{text}</s> : <span class="price">{text}</span>;
}
