import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { account } from './account.ts';
import { common } from './common.ts';
import { shop } from './shop.ts';
import { fill, INTL_LOCALE, type Locale, type Strings } from './define.ts';

export { localeFromBrowser, type Locale } from './define.ts';

/** Every area's strings, merged. Add an area: import it here and spread it into both. */
const AREAS = [common, shop, account] as const;
type Area = (typeof AREAS)[number];
type KeysOf<A> = A extends { en: Strings<infer K> } ? K : never;
export type StringKey = KeysOf<Area>;

const TABLES: Record<Locale, Record<string, string>> = {
  en: Object.assign({}, ...AREAS.map((a) => a.en)),
  zh: Object.assign({}, ...AREAS.map((a) => a.zh)),
};

export interface I18n {
  locale: Locale;
  /** The BCP 47 tag for Intl.NumberFormat and DateTimeFormat. */
  intl: string;
  t(key: StringKey, params?: Readonly<Record<string, string | number>>): string;
}

export function makeI18n(locale: Locale): I18n {
  const table = TABLES[locale];
  return { locale, intl: INTL_LOCALE[locale], t: (key, params) => fill(table[key] ?? TABLES.en[key] ?? key, params) };
}

export const I18nContext = createContext<I18n>(makeI18n('en'));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
