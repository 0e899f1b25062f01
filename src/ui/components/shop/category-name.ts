import type { I18n, StringKey } from '../../i18n/index.ts';

/** The demo shop's categories have names in both languages; a seller's own show as written. */
const KNOWN = new Set(['Fruit', 'Snacks', 'Tea & Coffee', 'Home', 'Electronics', 'Toys', 'Clothing']);

export function categoryName(category: string, t: I18n['t']): string {
  return KNOWN.has(category) ? t(`cat.${category}` as StringKey) : category;
}
