/**
 * In the Updates list: "Notify me on this phone", or that it is on (with a way off), or that the
 * browser blocks it. Nothing where the browser cannot notify.
 */
import { useEffect, useState } from 'preact/hooks';
import { turnOffNotifications } from '../../../app/actions/turn-off-notifications.ts';
import { turnOnNotifications } from '../../../app/actions/turn-on-notifications.ts';
import { notifyState, type NotifyState } from '../../../app/notifications.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useI18n } from '../../i18n/index.ts';
import { ensureNotifier } from '../../notify/notifier.ts';
import { useNotifier } from '../../hooks/use-notifier.ts';

export function NotifyToggle() {
  const app = useApp();
  const { t, locale } = useI18n();
  const person = app.person();
  const [state, setState] = useState<NotifyState | undefined>(undefined);
  useNotifier();
  useEffect(() => {
    void notifyState(person).then(setState);
  }, [person]);
  if (state === undefined || state === 'unsupported') return null;
  if (state === 'denied') return <p class="acct-muted upd-notify">{t('notify.denied')}</p>;
  if (state === 'on') {
    return (
      <p class="upd-notify">
        <span>{t('notify.isOn')}</span>{' '}
        <button type="button" class="acct-btn" onClick={() => void turnOffNotifications(person).then(() => setState('off'))}>{t('notify.turnOff')}</button>
      </p>
    );
  }
  const turnOn = async () => {
    const next = await turnOnNotifications(person, app.now());
    setState(next);
    if (next === 'on') await ensureNotifier(app, locale);
  };
  return (
    <p class="upd-notify">
      <button type="button" class="acct-btn acct-primary" onClick={() => void turnOn()}>{t('notify.turnOn')}</button>
    </p>
  );
}
