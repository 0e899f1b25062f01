/**
 * In the Updates list: "Notify me on this phone", or that it is on (with a way off), or that the
 * browser blocks it. Nothing where the browser cannot notify.
 *
 * With `offer` (the order just placed: "Tell me when it ships"), the same switch asked at the
 * moment that explains itself: only the offer while notifications are off, a word once turned on
 * here, and nothing otherwise (no nagging where the person said no or is already told).
 */
import { useEffect, useState } from 'preact/hooks';
import { turnOffNotifications } from '../../../app/actions/turn-off-notifications.ts';
import { turnOnNotifications } from '../../../app/actions/turn-on-notifications.ts';
import { notifyState, type NotifyState } from '../../../app/notifications.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useI18n } from '../../i18n/index.ts';
import { ensureNotifier } from '../../notify/notifier.ts';
import { useNotifier } from '../../hooks/use-notifier.ts';

export function NotifyToggle({ offer }: { offer?: string } = {}) {
  const app = useApp();
  const { t, locale } = useI18n();
  const person = app.person();
  const [state, setState] = useState<NotifyState | undefined>(undefined);
  const [turnedOn, setTurnedOn] = useState(false);
  useNotifier();
  useEffect(() => {
    void notifyState(person).then(setState);
  }, [person]);
  if (state === undefined || state === 'unsupported') return null;
  if (offer !== undefined && state !== 'off') {
    return turnedOn && state === 'on' ? <p class="upd-notify" role="status">{t('notify.isOn')}</p> : null;
  }
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
    setTurnedOn(next === 'on');
    setState(next);
    if (next === 'on') await ensureNotifier(app, locale);
  };
  return (
    <p class="upd-notify">
      <button type="button" class="acct-btn acct-primary" onClick={() => void turnOn()}>{offer ?? t('notify.turnOn')}</button>
    </p>
  );
}
