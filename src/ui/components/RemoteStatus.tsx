import type { SyncStatus } from '../../app/sync/sync-status.ts';
import { useApp } from '../hooks/use-app.ts';
import { useSyncStatus } from '../hooks/use-sync-status.ts';
import { useI18n, type StringKey } from '../i18n/index.ts';
import { askToSignIn, sessionEnded } from './session-ask.ts';
import { SyncIndicator, type StatusProps } from './SyncIndicator.tsx';

export { Banner } from './SessionPrompt.tsx';

/**
 * The header's indicator on a real shop's device: online or not, how much waits, and what the
 * sync is waiting for; "Sign in to sync" when the server has ended the session.
 */
export function RemoteNetStatus({ online, waiting, open, onToggle }: StatusProps & { online: boolean; waiting: number }) {
  const app = useApp();
  const { t } = useI18n();
  const status = useSyncStatus();
  const ended = sessionEnded(app, status?.state);
  const quiet = quietText(status);
  return (
    <SyncIndicator
      online={online}
      open={open}
      onToggle={onToggle}
      after={ended && <button type="button" class="net-signin" onClick={askToSignIn}>{t('status.signInToSync')}</button>}
    >
      {waiting > 0 ? <span class="net-waiting">{t('status.waiting', { count: waiting })}</span> : !ended && <span class="net-waiting">{t(quiet)}</span>}
    </SyncIndicator>
  );
}

/**
 * Nothing waits on this device: "All synced" only once it has synced. A buyer who just signed
 * up waits for the shop to open their account, and is told so. (A session that has ended says
 * so with its button instead.)
 */
function quietText(status: SyncStatus | undefined): StringKey {
  if (status?.state === 'waiting') return 'status.waitingShop';
  if (status?.lastSyncedAt === undefined) return 'status.notSynced';
  return 'status.synced';
}

