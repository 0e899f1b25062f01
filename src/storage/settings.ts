/**
 * The device's settings, in their own small IndexedDB database (idb-keyval), apart from the
 * shop's data: they are read before the shop's database opens, and survive rebuilding it.
 * What belongs to a person rather than to the device (their coupon, their delivery details)
 * is kept per person in the same database by person-settings.ts, as people may share a phone.
 *
 * Each key carries the type of its value (`SettingKey<T>`), a default returned while unset,
 * and a check: a value that fails it (from an old backup, or a hand-edited one) reads as the
 * default rather than as something the app's types say cannot happen.
 */
import { createStore, get, set, type UseStore } from 'idb-keyval';
import { guardQuota } from './errors.ts';

declare const valueType: unique symbol;

/** A setting's name, branded with the type of its value. */
export type SettingKey<T> = string & { readonly [valueType]: T };

export interface Spec<T> {
  key: SettingKey<T>;
  fallback: T;
  is: (x: unknown) => x is T;
}

export function spec<T>(name: string, fallback: T, is: (x: unknown) => boolean): Spec<T> {
  return { key: name as SettingKey<T>, fallback, is: is as (x: unknown) => x is T };
}

export const isString = (x: unknown): x is string => typeof x === 'string';
const isBoolean = (x: unknown): x is boolean => typeof x === 'boolean';
export const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export type Locale = 'en' | 'zh';
export type View = 'shop' | 'seller';
export interface Remote {
  url: string;
  shop: string;
}
/** Who is signed in to the remote shop (the server keeps the session cookie; no password is kept). */
export interface Account {
  name: string;
  roles: string[];
}

/** Every setting's key, default and check (settings-backup.ts reads them too). */
export const SPECS = {
  /** null: follow the browser's language. */
  locale: spec<Locale | null>('locale', null, (x) => x === null || x === 'en' || x === 'zh'),
  view: spec<View>('view', 'shop', (x) => x === 'shop' || x === 'seller'),
  buyerName: spec<string>('buyerName', '', isString),
  /** null: no server, the local-only demo shop. */
  remote: spec<Remote | null>('remote', null, (x) => x === null || (isObject(x) && isString(x.url) && isString(x.shop))),
  account: spec<Account | null>('account', null, (x) => x === null || (isObject(x) && isString(x.name) && Array.isArray(x.roles) && x.roles.every(isString))),
  /** This device's name for the seller's lease ("who holds it"); made once. */
  deviceId: spec<string>('deviceId', '', isString),
  persistAsked: spec<boolean>('persistAsked', false, isBoolean),
  installDismissed: spec<boolean>('installDismissed', false, isBoolean),
};

export type SettingName = keyof typeof SPECS;
export type Settings = { [N in SettingName]: (typeof SPECS)[N]['fallback'] };
export const SETTING_NAMES = Object.keys(SPECS) as SettingName[];

/**
 * The typed keys: `getSetting(SETTINGS.locale)`, or by name, `getSetting('locale')`. Marked pure so
 * that a bundle which never reads it (the first screen's) drops it.
 */
export const SETTINGS: { readonly [N in SettingName]: SettingKey<Settings[N]> } = /* @__PURE__ */ Object.fromEntries(
  SETTING_NAMES.map((n) => [n, SPECS[n].key]),
) as { [N in SettingName]: SettingKey<Settings[N]> };

/** The value type of a key given either way. */
export type SettingValue<K> = K extends SettingName ? Settings[K] : K extends SettingKey<infer T> ? T : never;

let defaultStore: UseStore | undefined;
/** Opened lazily, on first use, so importing this module touches no database. */
export function settingsStore(): UseStore {
  return (defaultStore ??= createStore('offline-shop-settings', 'settings'));
}

function specOf(key: string): Spec<unknown> {
  const s = (SPECS as Record<string, Spec<unknown>>)[key];
  if (!s) throw new RangeError(`Unknown setting '${key}'`);
  return s;
}

/** A setting's value, or its default when unset (or unreadable). */
export async function getSetting<K extends SettingName | SettingKey<unknown>>(key: K, store: UseStore = settingsStore()): Promise<SettingValue<K>> {
  const s = specOf(key);
  const value: unknown = await get(key, store);
  return (value !== undefined && s.is(value) ? value : s.fallback) as SettingValue<K>;
}

export async function setSetting<K extends SettingName | SettingKey<unknown>>(key: K, value: SettingValue<K>, store: UseStore = settingsStore()): Promise<void> {
  // Refused here too, as a value from outside TypeScript (a form, a backup) may still be wrong.
  if (!specOf(key).is(value)) throw new TypeError(`Not a valid value for the setting '${key}'`);
  await guardQuota(() => set(key, value, store));
}
