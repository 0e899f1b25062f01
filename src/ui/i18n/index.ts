import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { fill, INTL_LOCALE, type Locale } from './define.ts';
import type { strings as account } from './en/account.ts';
import type { strings as catalog } from './en/catalog.ts';
import type { strings as common } from './en/common.ts';
import type { strings as seller } from './en/seller.ts';
import type { strings as sellerCatalog } from './en/sellerCatalog.ts';
import type { strings as sellerData } from './en/sellerData.ts';
import type { strings as sellerMoney } from './en/sellerMoney.ts';
import type { strings as remote } from './en/remote.ts';
import type { strings as options } from './en/options.ts';
import type { strings as shop } from './en/shop.ts';
import type { strings as saved } from './en/saved.ts';
import type { strings as messages } from './en/messages.ts';
import type { strings as home } from './en/home.ts';

export { localeFromBrowser, type Locale } from './define.ts';

/** common: the shell; catalog: the first screen; shop: product, cart, checkout; account: the rest. */
export type Area = 'common' | 'catalog' | 'shop' | 'account' | 'remote' | 'seller' | 'sellerCatalog' | 'sellerData' | 'sellerMoney' | 'options' | 'saved' | 'messages' | 'home';
export type StringKey = keyof typeof common | keyof typeof catalog | keyof typeof shop | keyof typeof account | keyof typeof seller
  | keyof typeof remote | keyof typeof sellerCatalog | keyof typeof sellerData | keyof typeof sellerMoney | keyof typeof options | keyof typeof saved | keyof typeof messages | keyof typeof home;

type Table = Readonly<Record<string, string>>;

/** Each area of each language is its own chunk, loaded when a screen first needs it. */
const LOADERS: Record<Locale, Record<Area, () => Promise<Table>>> = {
  en: {
    common: () => import('./en/common.ts').then((m) => m.strings),
    catalog: () => import('./en/catalog.ts').then((m) => m.strings),
    shop: () => import('./en/shop.ts').then((m) => m.strings),
    account: () => import('./en/account.ts').then((m) => m.strings),
    remote: () => import('./en/remote.ts').then((m) => m.strings),
    seller: () => import('./en/seller.ts').then((m) => m.strings),
    sellerCatalog: () => import('./en/sellerCatalog.ts').then((m) => m.strings),
    sellerData: () => import('./en/sellerData.ts').then((m) => m.strings),
    sellerMoney: () => import('./en/sellerMoney.ts').then((m) => m.strings),
    options: () => import('./en/options.ts').then((m) => m.strings),
    saved: () => import('./en/saved.ts').then((m) => m.strings),
    messages: () => import('./en/messages.ts').then((m) => m.strings),
    home: () => import('./en/home.ts').then((m) => m.strings),
  },
  zh: {
    common: () => import('./zh/common.ts').then((m) => m.strings),
    catalog: () => import('./zh/catalog.ts').then((m) => m.strings),
    shop: () => import('./zh/shop.ts').then((m) => m.strings),
    account: () => import('./zh/account.ts').then((m) => m.strings),
    remote: () => import('./zh/remote.ts').then((m) => m.strings),
    seller: () => import('./zh/seller.ts').then((m) => m.strings),
    sellerCatalog: () => import('./zh/sellerCatalog.ts').then((m) => m.strings),
    sellerData: () => import('./zh/sellerData.ts').then((m) => m.strings),
    sellerMoney: () => import('./zh/sellerMoney.ts').then((m) => m.strings),
    options: () => import('./zh/options.ts').then((m) => m.strings),
    saved: () => import('./zh/saved.ts').then((m) => m.strings),
    messages: () => import('./zh/messages.ts').then((m) => m.strings),
    home: () => import('./zh/home.ts').then((m) => m.strings),
  },
};

const tables: Record<Locale, Record<string, string>> = { en: {}, zh: {} };
const loading = new Map<string, Promise<void>>();
const wanted = new Set<Area>();

/** Loads areas of a language (and remembers them, so switching language loads the same ones). */
export function loadAreas(locale: Locale, areas: readonly Area[]): Promise<void> {
  for (const a of areas) wanted.add(a);
  return Promise.all(
    [...wanted].map((area) => {
      const key = `${locale}:${area}`;
      let p = loading.get(key);
      if (!p) {
        p = LOADERS[locale][area]().then((table) => void Object.assign(tables[locale], table));
        loading.set(key, p);
      }
      return p;
    }),
  ).then(() => undefined);
}

export interface I18n {
  locale: Locale;
  /** The BCP 47 tag for Intl.NumberFormat and DateTimeFormat. */
  intl: string;
  t(key: StringKey, params?: Readonly<Record<string, string | number>>): string;
}

/** Reads the strings loaded so far for `locale` (load the areas first with `loadAreas`). */
export function makeI18n(locale: Locale): I18n {
  const table = tables[locale];
  const intl = INTL_LOCALE[locale];
  // Counts and limits in the reader's way of writing numbers ("1,000,000,000 left", not "1000000000").
  const number = new Intl.NumberFormat(intl).format;
  return { locale, intl, t: (key, params) => fill(table[key] ?? key, params, number) };
}

export const I18nContext = createContext<I18n>(makeI18n('en'));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
