import { setPersonSetting } from '../../storage/index.ts';
import { notificationsSupported, type NotifyState } from '../notifications.ts';

/**
 * The person asks to be notified of their Updates on this device: the browser's permission is
 * asked (once: it remembers the answer), and what is already in the Updates is not notified.
 */
export async function turnOnNotifications(person: string, now: number): Promise<NotifyState> {
  if (!notificationsSupported()) return 'unsupported';
  const permission = Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
  if (permission !== 'granted') return permission === 'denied' ? 'denied' : 'off';
  await setPersonSetting(person, 'notifiedUpTo', now);
  await setPersonSetting(person, 'notify', true);
  return 'on';
}
