import type { BuyerId } from '../domain/index.ts';
// File by file, not storage's index: this module is on the first screen's path (see queries.ts).
import { openStore } from '../storage/db.ts';
import { getSetting, setSetting } from '../storage/settings.ts';
import type { RunningApp } from './context.ts';
import { DEMO_BUYERS } from './demo/demo-buyers.ts';
import type { LocalAuthority } from './demo/local-authority.ts';
import { presetRemote } from './sync/remote.ts';

/** How often the shop's clock is consulted while the app is open (team deadlines, auto-confirm). */
const CLOCK_TICK_MS = 15_000;

/**
 * Wires the app: opens the device's database, restores who is shopping, and (with no remote
 * shop configured, the built-in default) seeds and runs the demo shop's authority here.
 */
export async function startApp(options: { dbName?: string; now?: () => number } = {}): Promise<RunningApp> {
  const remote = (await getSetting('remote')) ?? presetRemote();
  // A real shop's device: loaded only then, so the demo's first screen does not carry it.
  if (remote) return (await import('./sync/start-remote.ts')).startRemote(remote, options);
  const db = openStore(options.dbName);
  const now = options.now ?? (() => Date.now());
  let buyer = ((await getSetting('buyerName')) || DEMO_BUYERS[0]) as BuyerId;
  const person = () => `demo ${buyer}`;
  // Loaded after the first screen (it needs no migration); the person's screens wait for it.
  const ready = import('./adopt-device-data.ts')
    .then((m) => m.adoptDeviceData(db, buyer, person()))
    .catch((error: unknown) => console.error("The device's cart and settings could not be given to its person", error));
  // The shop's rules and the demo's seed load after the first screen: the catalog shows
  // from the database alone, and the authority is only needed once there is something to decide.
  let authority: Promise<LocalAuthority> | undefined;
  const loadAuthority = () =>
    (authority ??= import('./demo/local-authority.ts').then((m) => new m.LocalAuthority(db, () => navigator.onLine, now)));
  let pending: Promise<unknown> = Promise.resolve();
  let scheduled = false;

  const ctx: RunningApp = {
    store: db,
    buyer: () => buyer,
    person,
    ready,
    now,
    remote: null,
    account: null,
    syncStatus: null,
    // Many nudges in one task (a seed, a bulk action) make one run.
    nudge() {
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(() => {
        scheduled = false;
        pending = loadAuthority()
          .then((a) => a.run())
          .catch((error: unknown) => console.error('The shop could not decide', error));
      });
    },
    async setBuyer(next) {
      buyer = next;
      await setSetting('buyerName', next);
    },
    async settle() {
      await new Promise<void>((r) => queueMicrotask(r));
      await pending;
    },
    stop() {
      clearInterval(timer);
      window.removeEventListener('online', wake);
      document.removeEventListener('visibilitychange', wake);
    },
  };

  const wake = () => {
    if (document.visibilityState !== 'hidden') ctx.nudge();
  };
  window.addEventListener('online', wake);
  document.addEventListener('visibilitychange', wake);
  const timer = setInterval(wake, CLOCK_TICK_MS);

  // The first start opens the demo shop; every start then lets the shop decide what waits.
  void import('./demo/seed-demo-shop.ts')
    .then((m) => m.seedDemoShop(ctx))
    .catch((error: unknown) => console.error('The demo shop could not be opened', error))
    .finally(() => ctx.nudge());
  return ctx;
}
