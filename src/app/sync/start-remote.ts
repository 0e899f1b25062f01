import type { BuyerId } from '../../domain/index.ts';
import { openDb } from '../../storage/db.ts';
import { getSetting, type Remote } from '../../storage/settings.ts';
import { adoptDeviceData } from '../adopt-device-data.ts';
import type { RunningApp } from '../context.ts';
import { photoUrl } from '../../sync/names.ts';
import { deviceDbName } from './remote.ts';
import type { SyncHandle } from './start-sync.ts';
import { StatusStore } from './sync-status.ts';

/**
 * A device of a real shop: its own database (per shop), the signed-in person as the buyer,
 * and the sync runner (loaded after the first screen) in place of the demo's authority.
 */
export async function startRemote(remote: Remote, options: { dbName?: string; now?: () => number }): Promise<RunningApp> {
  const account = await getSetting('account');
  const db = openDb(options.dbName ?? deviceDbName(remote, account?.name));
  const buyer = (account?.name ?? '') as BuyerId;
  // A person of a real shop is their account on its server, as their device database is.
  const person = deviceDbName(remote, account?.name) ?? '';
  // Signed out, nobody's: what an older version kept device-wide waits for someone to sign in.
  if (account) await adoptDeviceData(db, buyer, person);
  const now = options.now ?? (() => Date.now());
  const syncStatus = new StatusStore();
  const sync: Promise<SyncHandle | undefined> = import('./start-sync.ts')
    .then((m) => m.startSync({ db, remote, account, now, status: syncStatus }))
    .catch((error: unknown) => {
      console.error('Sync could not start', error);
      return undefined;
    });
  return {
    store: db,
    // Signed out, nobody: a buyer's intent made now fails its check and asks them to sign in.
    buyer: () => buyer,
    person: () => person,
    ready: Promise.resolve(),
    now,
    remote,
    account,
    syncStatus,
    photoUrl: (ref, size) => photoUrl(remote.url, remote.shop, ref, size),
    nudge: () => void sync.then((s) => s?.wake()),
    setBuyer: () => Promise.resolve(),
    settle: async () => void (await (await sync)?.settle()),
    stop: () => void sync.then((s) => s?.stop()),
  };
}
