/**
 * Starts syncing with the remote shop: one runner across tabs (leader.ts), a buyer's cycle
 * (push the outbox, pull the catalog and the channel) or, for the seller, the shop's
 * authority. Loaded only when a remote shop is set, so the demo never downloads it.
 */
import type { BuyerId } from '../../domain/index.ts';
import { getSetting, setSetting } from '../../storage/settings.ts';
import type { Account, Remote, ShopDb } from '../../storage/index.ts';
import { RemoteAuthority } from '../../sync/authority/authority-runner.ts';
import { buyerCycle, watchBuyer, type BuyerSyncTarget } from '../../sync/buyer-sync.ts';
import { CouchClient } from '../../sync/couch-client.ts';
import { lead } from '../../sync/leader.ts';
import { catalogDb } from '../../sync/names.ts';
import { RULES_DOC_ID, type RulesDesignDoc } from '../../sync/rules.ts';
import { sellerWork as scheduleAuthority } from '../../sync/authority/seller-work.ts';
import { SyncLoop, type LoopOptions, type SyncStatus } from '../../sync/sync-loop.ts';
import { isSeller } from './remote.ts';
import type { StatusStore } from './sync-status.ts';

export interface SyncHandle {
  wake(): void;
  /** Wakes the runner and waits for its next cycle to end (at most SETTLE_MS; at once when offline). */
  settle(): Promise<void>;
  stop(): void;
}

const SETTLE_MS = 15_000;

export interface SyncSetup {
  db: ShopDb;
  remote: Remote;
  account: Account | null;
  now(): number;
  status: StatusStore;
}

/**
 * One runner per device database (shop, server and person), not per browser: a tab still
 * open on another account or shop must not run this one's sync, nor take its wake-ups.
 */
const lockFor = (db: ShopDb) => `offline-shop-sync ${db.name}`;

export async function startSync(setup: SyncSetup): Promise<SyncHandle> {
  // The seller's device reads many channels at once: a phone's link serves a few requests at a time best.
  const client = new CouchClient({ url: setup.remote.url, maxInFlight: isSeller(setup.account) ? SELLER_IN_FLIGHT : undefined });
  const work = isSeller(setup.account) ? await sellerWork(setup, client) : buyerWork(setup, client);
  // The loop reports through the leadership, which runs the loop: a holder breaks the circle.
  const ref: { leadership?: ReturnType<typeof lead<SyncStatus>> } = {};
  const loop = new SyncLoop({
    ...work,
    isOnline: () => navigator.onLine,
    now: setup.now,
    random: Math.random,
    onStatus: (status) => ref.leadership?.announce(status),
  });
  const leadership = (ref.leadership = lead<SyncStatus>(lockFor(setup.db), (signal) => loop.run(signal), {
    onWake: () => loop.wake(),
    onStatus: (status) => setup.status.set(status),
  }));
  const wake = () => leadership.wake();
  window.addEventListener('online', wake);
  const visible = () => document.visibilityState === 'visible' && wake();
  document.addEventListener('visibilitychange', visible);
  return {
    wake,
    settle: () =>
      new Promise<void>((resolve) => {
        if (!navigator.onLine) return resolve();
        let started = false;
        const done = () => {
          clearTimeout(timer);
          off();
          resolve();
        };
        const timer = setTimeout(done, SETTLE_MS);
        const off = setup.status.subscribe((s) => {
          if (s?.state === 'syncing') started = true;
          else if (started || s?.state === 'offline') done();
        });
        wake();
      }),
    stop() {
      window.removeEventListener('online', wake);
      document.removeEventListener('visibilitychange', visible);
      leadership.stop();
    },
  };
}

type Work = Pick<LoopOptions, 'cycle' | 'watch' | 'tickMs'>;

function buyerWork(setup: SyncSetup, client: CouchClient): Work {
  const target: BuyerSyncTarget = {
    local: setup.db, client, shop: setup.remote.shop, buyer: (setup.account?.name ?? null) as BuyerId | null, now: setup.now,
    checked: new Map(),
  };
  return {
    cycle: async (signal) => void (await buyerCycle(target, signal)),
    watch: (signal) => watchBuyer(target, signal),
  };
}

/**
 * The seller's device runs the shop's authority: it learns which buyers' channels changed from
 * the server (a `_db_updates` longpoll on CouchDB, sweeps elsewhere), reads only those, and
 * runs whenever woken (authority/seller-work.ts).
 */
async function sellerWork(setup: SyncSetup, client: CouchClient): Promise<Work> {
  let deviceId = await getSetting('deviceId');
  if (!deviceId) {
    deviceId = crypto.randomUUID();
    await setSetting('deviceId', deviceId);
  }
  const label = `${setup.account!.name} · ${navigator.platform || 'device'} · ${deviceId.slice(0, 4)}`;
  // The shop's rules as its setup installed them (with or without play-money top-ups), so the
  // channels this device adopts get the same rules and are not adopted back and forth.
  const installed = await client.get<Partial<RulesDesignDoc>>(catalogDb(setup.remote.shop), RULES_DOC_ID).catch(() => undefined);
  const rules = { allowDemoTopUps: installed?.allowDemoTopUps === true };
  const authority = new RemoteAuthority(setup.db, client, setup.remote.shop, { id: deviceId, label }, setup.now, rules);
  return scheduleAuthority(authority);
}

const SELLER_IN_FLIGHT = 8;
