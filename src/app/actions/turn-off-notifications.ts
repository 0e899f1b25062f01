import { setPersonSetting } from '../../storage/index.ts';

/** The person no longer wants their Updates notified on this device (the browser's permission stays as it is). */
export function turnOffNotifications(person: string): Promise<void> {
  return setPersonSetting(person, 'notify', false);
}
