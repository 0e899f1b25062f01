import { waitingToSync } from '../../app/queries/reads.ts';
import { useApp } from '../hooks/use-app.ts';
import { useLive } from '../hooks/use-live.ts';
import { useOnline } from '../hooks/use-online.ts';
import { useI18n } from '../i18n/index.ts';
import { SyncIndicator, type StatusProps } from './SyncIndicator.tsx';
import { useRemotePart } from '../hooks/use-remote-part.ts';

/**
 * The header's one sync indicator: online or offline, and how much waits to sync; a tap opens
 * what that means. `navigator.onLine` is only a hint (a captive portal says "online"): the app
 * never waits on it, it tells the person what to expect.
 */
export function OnlineStatus({ open, onToggle }: StatusProps) {
  const { t } = useI18n();
  const app = useApp();
  const online = useOnline();
  // Requests and messages alike: a message written offline waits here too.
  const waiting = useLive(() => waitingToSync(app.store), [app]) ?? 0;
  // A real shop's device says what its sync waits for (loaded after the first screen).
  const Remote = useRemotePart('RemoteNetStatus');
  if (Remote) return <Remote online={online} waiting={waiting} open={open} onToggle={onToggle} />;
  return (
    <SyncIndicator online={online} open={open} onToggle={onToggle}>
      {(waiting > 0 || !app.remote) && <span class="net-waiting">{waiting > 0 ? t('status.waiting', { count: waiting }) : t('status.synced')}</span>}
    </SyncIndicator>
  );
}
