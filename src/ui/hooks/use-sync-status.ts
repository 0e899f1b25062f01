import { useEffect, useState } from 'preact/hooks';
import type { SyncStatus } from '../../app/sync/sync-status.ts';
import { useApp } from './use-app.ts';

/** The sync runner's latest state (undefined in the demo, and until the runner first reports). */
export function useSyncStatus(): SyncStatus | undefined {
  const app = useApp();
  const [status, setStatus] = useState<SyncStatus | undefined>(() => app.syncStatus?.get());
  useEffect(() => app.syncStatus?.subscribe(setStatus), [app]);
  return status;
}
