import { useEffect, useState } from 'preact/hooks';
import { watch } from '../../app/live.ts';

/**
 * The result of a database query, kept current: it re-runs whenever the tables it read
 * change, in this tab or another (Dexie's liveQuery). Undefined until the first result.
 * The UI reads only the device's database this way, and never waits on the network.
 */
export function useLive<T>(query: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = watch(query).subscribe({
      next: setValue,
      error: (error: unknown) => console.error('A live query failed', error),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}
