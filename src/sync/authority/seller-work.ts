/**
 * How the seller's device schedules its authority in the sync loop (sync-loop.ts), in the app
 * and in the headless `npm run authority` alike: a run, then a wait for news. On CouchDB the
 * wait is a `_db_updates` longpoll, so a buyer's push is decided within seconds and a quiet
 * shop costs a request per wait; without it (PouchDB Server) a short pause between sweeps.
 * A device that does not hold the lease stands by (it still follows the journal).
 */
import { StandbyError, type LoopOptions } from '../sync-loop.ts';
import type { RemoteAuthority, RunHooks } from './authority-runner.ts';

/** The longest wait between two runs (the longpoll ends sooner); also how often a device standing by tries the lease. */
export const SELLER_TICK_MS = 30_000;

export function sellerWork(authority: RemoteAuthority, hooks: RunHooks = {}): Pick<LoopOptions, 'cycle' | 'watch' | 'tickMs'> {
  return {
    cycle: async (signal) => {
      const report = await authority.runOnce(signal, hooks);
      if (!report.lease.held) throw new StandbyError(report.lease.label);
    },
    watch: (signal) => authority.watch(signal),
    tickMs: SELLER_TICK_MS,
  };
}
