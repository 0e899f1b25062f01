/**
 * Settings in a backup: read all, check, replace. Apart from settings.ts so that the first
 * screen, which only reads a few settings, does not carry them.
 */
import { entries, promisifyRequest, type UseStore } from 'idb-keyval';
import { guardQuota } from './errors.ts';
import { cleanPeople, DEVICE_WIDE, PEOPLE, peopleProblems, PERSON_SPECS, type People, type PersonSettings } from './person-settings.ts';
import { isObject, settingsStore, SPECS, type Settings, type Spec } from './settings.ts';

/**
 * The settings as a backup holds them: the device's, and everyone's own by person
 * (`people`). A backup made by an older version has a person's coupon and delivery among
 * the device's instead (`Partial<PersonSettings>`).
 */
export type BackedUpSettings = Partial<Settings> & { people?: People } & Partial<PersonSettings>;

/** Every setting that has been set (not the defaults), for a backup. */
export async function allSettings(store: UseStore = settingsStore()): Promise<BackedUpSettings> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of await entries(store)) {
    if (k === PEOPLE) out[k] = cleanPeople(v);
    else if (typeof k === 'string' && (SPECS as Record<string, Spec<unknown>>)[k]?.is(v)) out[k] = v;
  }
  return out as BackedUpSettings;
}

/** Problems with settings from outside (a backup file), one line each; empty if they are fine. */
export function checkSettings(x: unknown): string[] {
  if (!isObject(x)) return ['The settings are not an object.'];
  return Object.entries(x).flatMap(([k, v]) => {
    if (k === PEOPLE) return peopleProblems(v);
    // An older version's backup: restored as they are, these go to the person who was using
    // the device at the next start (adoptDeviceSettings).
    const s = (SPECS as Record<string, Spec<unknown>>)[k] ?? (DEVICE_WIDE.includes(k as never) ? (PERSON_SPECS as Record<string, Spec<unknown>>)[k] : undefined);
    if (!s) return [`Unknown setting '${k}'.`];
    return s.is(v) ? [] : [`The setting '${k}' has a value this app cannot use.`];
  });
}

/** Replaces every setting with `values` in one transaction (checked first with `checkSettings`). */
export function replaceSettings(values: BackedUpSettings, store: UseStore = settingsStore()): Promise<void> {
  return guardQuota(() =>
    store('readwrite', (s) => {
      s.clear();
      for (const [k, v] of Object.entries(values)) s.put(v, k);
      return promisifyRequest(s.transaction);
    }),
  );
}
