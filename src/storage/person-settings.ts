/**
 * A person's own settings: their coupon, their delivery details. Two people may share a phone
 * (the demo's personas, or two accounts of a real shop), so these are kept per person, all in
 * one entry of the settings database (`people`), which a backup carries whole.
 *
 * A person is named by the app (`RunningApp.person()`): the demo's persona, or the account on
 * a real shop's server. The language stays the device's (settings.ts): it is needed before
 * anyone is known (the first screen, signing in), and in the demo one visitor plays every
 * persona. Before this, the coupon and the delivery were device-wide settings of the same
 * names; `adoptDeviceSettings` gives them to the person who was using the device.
 */
import { get, promisifyRequest, update, type UseStore } from 'idb-keyval';
import { isNewsGroups, isQuickReplies, type Delivery, type NewsGroup } from '../domain/index.ts';
import { guardQuota } from './errors.ts';
import { isObject, isString, settingsStore, spec, type Spec } from './settings.ts';

function isDelivery(x: unknown): x is Delivery {
  if (!isObject(x)) return false;
  if (x.kind === 'pickup') return isString(x.pointId);
  return x.kind === 'ship' && [x.optionId, x.address, x.recipient, x.phone].every(isString);
}

export const PERSON_SPECS = {
  /** The coupon code in the person's cart. */
  coupon: spec<string>('coupon', '', isString),
  /** What the person chose at their last checkout. */
  delivery: spec<Delivery | null>('delivery', null, (x) => x === null || isDelivery(x)),
  /** When the person last opened their Updates (device time): what came after is unread. */
  updatesSeenAt: spec<number>('updatesSeenAt', 0, (x) => typeof x === 'number' && Number.isFinite(x)),
  /** Whether the person asked to be notified of their Updates on this device (the browser's permission is asked then). */
  notify: spec<boolean>('notify', false, (x) => typeof x === 'boolean'),
  /** Updates up to this time (their `at`) have been notified, or were there when notifications were turned on. */
  notifiedUpTo: spec<number>('notifiedUpTo', 0, (x) => typeof x === 'number' && Number.isFinite(x)),
  /** The kinds of news the person turned off (domain/updates.ts NewsGroup): listed, never counted or notified. */
  newsMuted: spec<NewsGroup[]>('newsMuted', [], isNewsGroups),
  /** The seller's saved answers, newest first (domain/quick-replies.ts). */
  quickReplies: spec<string[]>('quickReplies', [], isQuickReplies),
};
export type PersonSettingName = keyof typeof PERSON_SPECS;
export type PersonSettings = { [N in PersonSettingName]: (typeof PERSON_SPECS)[N]['fallback'] };
/** Person → what they have set (a setting at its default is absent). */
export type People = Record<string, Partial<PersonSettings>>;

/** The key of the one entry that holds everyone's. */
export const PEOPLE = 'people';

function specOf(name: string): Spec<unknown> | undefined {
  return (PERSON_SPECS as Record<string, Spec<unknown>>)[name];
}

/** Only what passes its check: one bad value (a hand-edited backup) costs only itself. */
export function cleanPeople(x: unknown): People {
  const out: People = {};
  if (!isObject(x)) return out;
  for (const [person, own] of Object.entries(x)) {
    if (!isObject(own)) continue;
    const kept = Object.fromEntries(Object.entries(own).filter(([k, v]) => specOf(k)?.is(v)));
    if (Object.keys(kept).length > 0) out[person] = kept;
  }
  return out;
}

/** What is wrong with everyone's settings from outside (a backup), one line each; empty if nothing. */
export function peopleProblems(x: unknown): string[] {
  if (!isObject(x)) return [`The setting '${PEOPLE}' is not an object.`];
  return Object.entries(x).flatMap(([person, own]) => {
    if (!isObject(own)) return [`The settings of '${person}' are not an object.`];
    return Object.entries(own).flatMap(([k, v]) => {
      const s = specOf(k);
      if (!s) return [`Unknown setting '${k}' of '${person}'.`];
      return s.is(v) ? [] : [`The setting '${k}' of '${person}' has a value this app cannot use.`];
    });
  });
}

/** A person's setting, or its default while unset (or unreadable). */
export async function getPersonSetting<N extends PersonSettingName>(person: string, name: N, store: UseStore = settingsStore()): Promise<PersonSettings[N]> {
  const s = PERSON_SPECS[name] as Spec<unknown>;
  const value: unknown = cleanPeople(await get(PEOPLE, store))[person]?.[name];
  return (value !== undefined && s.is(value) ? value : s.fallback) as PersonSettings[N];
}

const isDefault = (s: Spec<unknown>, value: unknown) => JSON.stringify(value) === JSON.stringify(s.fallback);

/** Sets a person's setting (its default unsets it), read and written in one transaction. */
export async function setPersonSetting<N extends PersonSettingName>(
  person: string, name: N, value: PersonSettings[N], store: UseStore = settingsStore(),
): Promise<void> {
  const s = PERSON_SPECS[name] as Spec<unknown>;
  // Checked here too, before any transaction: a value from outside TypeScript (a form) may still be wrong.
  if (!s.is(value)) throw new TypeError(`Not a valid value for the setting '${name}'`);
  await updatePersonSetting(person, name, () => value, store);
}

/**
 * Changes a person's setting from what it is now, read and written in one transaction (two quick
 * taps each add their own). `change` must be pure: it may run on a value read inside the
 * transaction. Returns what was stored.
 */
export async function updatePersonSetting<N extends PersonSettingName>(
  person: string, name: N, change: (old: PersonSettings[N]) => PersonSettings[N], store: UseStore = settingsStore(),
): Promise<PersonSettings[N]> {
  const s = PERSON_SPECS[name] as Spec<unknown>;
  let stored = s.fallback as PersonSettings[N];
  await guardQuota(() =>
    update(PEOPLE, (old: unknown) => {
      const people = cleanPeople(old);
      const own: Record<string, unknown> = { ...people[person] };
      const before = (own[name] ?? s.fallback) as PersonSettings[N];
      const value = change(before);
      if (!s.is(value)) throw new TypeError(`Not a valid value for the setting '${name}'`);
      stored = value;
      if (isDefault(s, value)) delete own[name];
      else own[name] = value;
      if (Object.keys(own).length > 0) people[person] = own;
      else delete people[person];
      return people;
    }, store),
  );
  return stored;
}

/** The device-wide settings of older versions that belonged to a person: they had these names. */
export const DEVICE_WIDE = Object.keys(PERSON_SPECS) as PersonSettingName[];

/**
 * The migration: device-wide values kept by an older version (the coupon and the delivery of
 * whoever used the device) become `person`'s, unless they already have their own, and are
 * then deleted, all in one transaction. Does nothing once they are gone, so it is safe at
 * every start (and after restoring an old backup, which brings them back).
 */
export async function adoptDeviceSettings(person: string, store: UseStore = settingsStore()): Promise<void> {
  await guardQuota(() =>
    store('readwrite', (s) =>
      new Promise<unknown>((resolve, reject) => {
        const old = DEVICE_WIDE.map((name) => s.get(name));
        const people = s.get(PEOPLE);
        // Requests on one store complete in order: by now every `old` one has its result.
        people.onsuccess = () => {
          const found = DEVICE_WIDE.flatMap((name, i) => (old[i]!.result === undefined ? [] : [[name, old[i]!.result as unknown] as const]));
          if (found.length > 0) {
            const all = cleanPeople(people.result);
            const own: Record<string, unknown> = { ...all[person] };
            for (const [name, value] of found) {
              const spec = PERSON_SPECS[name] as Spec<unknown>;
              if (own[name] === undefined && spec.is(value) && !isDefault(spec, value)) own[name] = value;
              s.delete(name);
            }
            if (Object.keys(own).length > 0) all[person] = own;
            s.put(all, PEOPLE);
          }
          resolve(promisifyRequest(s.transaction));
        };
        people.onerror = () => reject(people.error ?? new Error('The settings could not be read'));
      }),
    ),
  );
}
