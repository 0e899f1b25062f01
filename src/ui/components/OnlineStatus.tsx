import { useEffect, useState } from 'preact/hooks';
import { outboxCounts } from '../../app/queries/reads.ts';
import { useApp } from '../hooks/use-app.ts';
import { useLive } from '../hooks/use-live.ts';
import { useI18n } from '../i18n/index.ts';
import { useRemotePart } from './use-remote-part.ts';

/**
 * Online or offline, and how much waits to sync. `navigator.onLine` is only a hint (a captive
 * portal says "online"): the app never waits on it, it tells the person what to expect.
 */
export function OnlineStatus() {
  const { t } = useI18n();
  const app = useApp();
  const [online, setOnline] = useState(navigator.onLine);
  const counts = useLive(() => outboxCounts(app.store), [app]);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  const waiting = counts ? counts.queued + counts.sent : 0;
  // A real shop's device says what its sync waits for (loaded after the first screen).
  const Remote = useRemotePart('RemoteNetStatus');
  if (Remote) return <Remote online={online} waiting={waiting} />;
  return (
    <span role="status" class="net-status">
      <span class={online ? 'net net-online' : 'net net-offline'}>{online ? t('status.online') : t('status.offline')}</span>{' '}
      {(waiting > 0 || !app.remote) && <span class="net-waiting">{waiting > 0 ? t('status.waiting', { count: waiting }) : t('status.synced')}</span>}
    </span>
  );
}
