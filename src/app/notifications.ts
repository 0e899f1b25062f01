/**
 * Notifications of a person's Updates on this device (issue 14): the browser's permission, the
 * person's choice (a person setting, so two people on one phone choose apart), and showing them
 * through the service worker, whose click handler opens the app at the order (sw.ts).
 *
 * There is no push server: they are shown while the app runs (any tab, in the background too),
 * as its sync brings the news. Several tabs may show the same update: its id is the tag, so the
 * browser keeps one.
 */
import { toNotify, type Update } from '../domain/index.ts';
import { getPersonSetting, setPersonSetting, updatesFor } from '../storage/index.ts';
import type { RunningApp } from './context.ts';
import { watch } from './live.ts';

export type NotifyState = 'unsupported' | 'denied' | 'off' | 'on';

/** A notification as the screens word it. */
export interface NotificationText {
  title: string;
  body: string;
  /** Where a click opens the app (absolute, in its scope). */
  url: string;
}

export function notificationsSupported(): boolean {
  return typeof Notification !== 'undefined' && 'serviceWorker' in navigator;
}

/** Whether the person is notified here, may be, or cannot be (no support, or the browser's permission refused). */
export async function notifyState(person: string): Promise<NotifyState> {
  if (!notificationsSupported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'denied';
  return Notification.permission === 'granted' && (await getPersonSetting(person, 'notify')) ? 'on' : 'off';
}

/**
 * While the app runs: each time the person's Updates change, what came since the last
 * notification is shown (the newest few, and one line for the rest). Returns a stop.
 */
export function notifyUpdates(
  app: Pick<RunningApp, 'store' | 'buyer' | 'person'>,
  word: { update(u: Update): NotificationText; more(count: number): NotificationText },
): () => void {
  const person = app.person();
  const buyer = app.buyer();
  let queue = Promise.resolve();
  const subscription = watch(() => updatesFor(app.store, buyer, person)).subscribe({
    next: (updates) => {
      // One at a time: two changes close together must not show the same update twice.
      queue = queue.then(async () => {
        if ((await notifyState(person)) !== 'on') return;
        const [upToBefore, muted] = await Promise.all([getPersonSetting(person, 'notifiedUpTo'), getPersonSetting(person, 'newsMuted')]);
        const { shown, more, upTo } = toNotify(updates, upToBefore, muted);
        if (shown.length === 0) return;
        // Stored before showing: a crash between the two loses a notification, never repeats a burst.
        await setPersonSetting(person, 'notifiedUpTo', upTo);
        const registration = await navigator.serviceWorker.ready;
        const texts: [string, NotificationText][] = shown.map((u) => [u.id, word.update(u)]);
        if (more > 0) texts.push([`more-${upTo}`, word.more(more)]);
        for (const [tag, text] of texts.reverse()) {
          await registration.showNotification(text.title, { body: text.body, tag, data: { url: text.url } });
        }
      }).catch((error: unknown) => console.warn('An update could not be notified', error));
    },
    error: (error: unknown) => console.error('The Updates could not be watched for notifications', error),
  });
  return () => subscription.unsubscribe();
}
