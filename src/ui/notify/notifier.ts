/**
 * The one notifier of this page (app/notifications.ts words nothing itself): started where the
 * browser already lets the app notify (use-notifier.ts), or when the person turns notifications on;
 * started again for another person or language, never twice.
 */
import type { RunningApp } from '../../app/context.ts';
import { notifyUpdates } from '../../app/notifications.ts';
import { updateText } from '../components/messages/update-text.ts';
import { loadAreas, makeI18n, type Locale } from '../i18n/index.ts';
import { href } from '../router.ts';

let running: { key: string; stop: () => void } | undefined;

export async function ensureNotifier(app: RunningApp, locale: Locale): Promise<void> {
  // Nothing to watch where the browser does not (yet) let this app notify: the Updates list asks, then starts it.
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const key = `${app.person()}\u0000${app.buyer()}\u0000${locale}`;
  if (running?.key === key || app.buyer() === '') return;
  running?.stop();
  running = { key, stop: () => undefined };
  await loadAreas(locale, ['shop', 'account', 'messages']);
  if (running.key !== key) return;
  const { t } = makeI18n(locale);
  const at = (hash: string) => new URL(hash, location.href).href;
  running.stop = notifyUpdates(app, {
    update: (u) => ({
      title: updateText({ t }, u),
      body: t('notify.open'),
      url: at(u.orderId ? href({ name: 'order', id: u.orderId }) : href({ name: 'orders' })),
    }),
    more: (count) => ({ title: t('notify.more', { count }), body: t('notify.open'), url: at(href({ name: 'orders' })) }),
  });
}
