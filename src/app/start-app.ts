import type { BuyerId } from '../domain/index.ts';
// File by file, not storage's index: this module is on the first screen's path (see queries.ts).
import { openStore } from '../storage/db.ts';
import { getSetting, setSetting } from '../storage/settings.ts';
import type { RunningApp } from './context.ts';
import { DEMO_BUYERS } from './demo/demo-buyers.ts';
import type { LocalAuthority } from './demo/local-authority.ts';
import { presetRemote } from './sync/remote.ts';

/**
 * Wires the app: opens the device's database, restores who is shopping, and (with no remote
 * shop configured, the built-in default) seeds and runs the demo shop's authority here.
 */
export async function startApp(options: {
  dbName?: string;
  now?: () => number;
  /**
   * Settles once the first screen has been painted (src/ui/main.tsx): the demo's seed, its
   * shop's authority and the device-data migration wait for it, so a first visit on a slow
   * link fetches only the first screen's JavaScript before it can be used. Default: at once.
   */
  firstScreen?: Promise<void>;
} = {}): Promise<RunningApp> {
  const firstScreen = options.firstScreen ?? Promise.resolve();
  const remote = (await getSetting('remote')) ?? presetRemote();
  // A real shop's device: loaded only then, so the demo's first screen does not carry it.
  if (remote) return (await import('./sync/start-remote.ts')).startRemote(remote, options);
  const db = openStore(options.dbName);
  const now = options.now ?? (() => Date.now());
  let buyer = ((await getSetting('buyerName')) || DEMO_BUYERS[0]) as BuyerId;
  const person = () => `demo ${buyer}`;
  // The demo's start-up work waits for the first screen to be painted (demo/after-first-screen.ts):
  // the person's data (their screens wait for `ready`), the seed, the shop's authority.
  const later = firstScreen.then(() => import('./demo/after-first-screen.ts'));
  const ready = later
    .then((m) => m.adoptDeviceData(db, buyer, person()))
    .catch((error: unknown) => console.error("The device's cart and settings could not be given to its person", error));
  let authority: Promise<LocalAuthority> | undefined;
  const loadAuthority = () => (authority ??= later.then((m) => new m.LocalAuthority(db, () => navigator.onLine, now)));
  let stopWaking: (() => void) | undefined;
  let stopped = false;
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
      stopped = true;
      stopWaking?.();
    },
  };

  // The first start opens the demo shop; every start then lets the shop decide what waits.
  void later
    .then((m) => {
      if (!stopped) stopWaking = m.wakeOnActivity(() => ctx.nudge());
      return m.seedDemoShop(ctx);
    })
    .catch((error: unknown) => console.error('The demo shop could not be opened', error))
    .finally(() => ctx.nudge());
  return ctx;
}
