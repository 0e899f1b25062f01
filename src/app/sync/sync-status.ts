/**
 * The sync runner's latest state, for the status line: a tiny store the first screen can
 * hold without loading any sync code (that comes in only once a remote shop is set).
 */
import type { SyncStatus } from '../../sync/sync-loop.ts';

export type { SyncStatus };

export class StatusStore {
  private value: SyncStatus | undefined;
  private readonly listeners = new Set<(s: SyncStatus | undefined) => void>();

  get(): SyncStatus | undefined {
    return this.value;
  }

  set(value: SyncStatus): void {
    this.value = value;
    for (const l of this.listeners) l(value);
  }

  subscribe(listener: (s: SyncStatus | undefined) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
