/**
 * Strings come in areas (one file per area and language: `en/shop.ts`, `zh/shop.ts`), so
 * screens can be written side by side and a phone loads only its own language's strings
 * for the screens it opens. Each `zh` area is typed by its `en` area's keys, so a missing
 * or extra translation is a compile error. `{name}` in a string is filled from the params.
 */
export type Strings<K extends string> = Readonly<Record<K, string>>;

export type Locale = 'en' | 'zh';

/** BCP 47 tags for Intl. */
export const INTL_LOCALE: Record<Locale, string> = { en: 'en', zh: 'zh-CN' };

export function localeFromBrowser(languages: readonly string[]): Locale {
  return languages.some((l) => l.toLowerCase().startsWith('zh')) && !languages[0]?.toLowerCase().startsWith('en') ? 'zh' : 'en';
}

/** `{name}` filled from `params`; numbers through `number` (Intl's grouping: "1,000,000"). */
export function fill(template: string, params?: Readonly<Record<string, string | number>>, number: (n: number) => string = String): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key];
    return value === undefined ? whole : typeof value === 'number' ? number(value) : value;
  });
}
