// Owns the service worker's lifecycle for the page, through workbox-window. The UI only
// subscribes to "an update is ready" and calls applyUpdate() when the user agrees.
import type { Workbox } from 'workbox-window';

type Listener = () => void;

const listeners = new Set<Listener>();
let workbox: Workbox | undefined;
let updateReady = false;

/**
 * Registers the service worker in production builds; a no-op in dev (no stale caches there).
 * workbox-window loads after the first screen: nothing about registering is urgent.
 */
export async function registerServiceWorker(): Promise<void> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const base = import.meta.env.BASE_URL;
  const { Workbox } = await import('workbox-window');
  workbox = new Workbox(`${base}sw.js`, { scope: base });
  // 'waiting' also fires for a worker that was already waiting before this page loaded.
  workbox.addEventListener('waiting', () => {
    updateReady = true;
    for (const listener of listeners) listener();
  });
  workbox.register().catch((error: unknown) => console.warn('Service worker registration failed', error));
}

/** Calls `cb` once a new version is waiting (at once if one already is). Returns an unsubscribe. */
export function onUpdateReady(cb: Listener): () => void {
  listeners.add(cb);
  if (updateReady) cb();
  return () => {
    listeners.delete(cb);
  };
}

/** Lets the waiting version take over, then reloads so the page runs the new code. */
export function applyUpdate(): void {
  if (!workbox) return;
  workbox.addEventListener('controlling', () => window.location.reload());
  workbox.messageSkipWaiting();
}
