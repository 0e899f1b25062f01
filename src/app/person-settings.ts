/**
 * The settings of the person using the app (their coupon, their delivery details), for the
 * screens. Apart from queries.ts, which the first screen loads, as no first screen needs them.
 */
import { getPersonSetting, setPersonSetting, type PersonSettingName, type PersonSettings } from '../storage/person-settings.ts';

/** Whose settings these are, and when they may be read (the running app, `RunningApp`, is one). */
export interface Person {
  person(): string;
  readonly ready: Promise<void>;
}

export async function getMySetting<N extends PersonSettingName>(app: Person, name: N): Promise<PersonSettings[N]> {
  await app.ready;
  return getPersonSetting(app.person(), name);
}

export async function setMySetting<N extends PersonSettingName>(app: Person, name: N, value: PersonSettings[N]): Promise<void> {
  await app.ready;
  await setPersonSetting(app.person(), name, value);
}
