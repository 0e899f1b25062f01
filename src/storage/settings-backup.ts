/**
 * Settings in a backup: read all, check, replace. Apart from settings.ts so that the first
 * screen, which only reads a few settings, does not carry them.
 */
import { entries, promisifyRequest, type UseStore } from 'idb-keyval';
import { guardQuota } from './errors.ts';
import { isObject, settingsStore, SPECS, type Settings, type Spec } from './settings.ts';

/** Every setting that has been set (not the defaults), for a backup. */
export async function allSettings(store: UseStore = settingsStore()): Promise<Partial<Settings>> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of await entries(store)) {
    if (typeof k === 'string' && (SPECS as Record<string, Spec<unknown>>)[k]?.is(v)) out[k] = v;
  }
  return out as Partial<Settings>;
}

/** Problems with settings from outside (a backup file), one line each; empty if they are fine. */
export function checkSettings(x: unknown): string[] {
  if (!isObject(x)) return ['The settings are not an object.'];
  return Object.entries(x).flatMap(([k, v]) => {
    const s = (SPECS as Record<string, Spec<unknown>>)[k];
    if (!s) return [`Unknown setting '${k}'.`];
    return s.is(v) ? [] : [`The setting '${k}' has a value this app cannot use.`];
  });
}

/** Replaces every setting with `values` in one transaction (checked first with `checkSettings`). */
export function replaceSettings(values: Partial<Settings>, store: UseStore = settingsStore()): Promise<void> {
  return guardQuota(() =>
    store('readwrite', (s) => {
      s.clear();
      for (const [k, v] of Object.entries(values)) s.put(v, k);
      return promisifyRequest(s.transaction);
    }),
  );
}
