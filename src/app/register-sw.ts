// Owns the service worker's lifecycle for the page, through workbox-window. The UI only
// subscribes to "an update is ready" and calls applyUpdate() when the user agrees.
import type { Workbox } from 'workbox-window';

type Listener = () => void;

const listeners = new Set<Listener>();
let workbox: Workbox | undefined;
let updateReady = false;
const takeoverListeners = new Set<Listener>();
let takenOver = false;

/**
 * Registers the service worker in production builds; a no-op in dev (no stale caches there).
 * workbox-window loads after the first screen: nothing about registering is urgent.
 */
export async function registerServiceWorker(): Promise<void> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const base = import.meta.env.BASE_URL;
  const { Workbox } = await import('workbox-window');
  workbox = new Workbox(`${base}sw.js`, { scope: base });
  // A page that was controlled sees the controller change only when a new version took over, which
  // happens only on a person's word (here, in another tab, or given earlier and carried out by the
  // browser later). The old version's files are gone from the cache then: the UI reloads.
  if (navigator.serviceWorker.controller) {
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      takenOver = true;
      for (const listener of takeoverListeners) listener();
    });
  }
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

/**
 * Calls `cb` once a new version has taken over this page (at once if one has): the page's own code is
 * then out of date and its lazily loaded parts are no longer cached. Returns an unsubscribe.
 */
export function onTakenOver(cb: Listener): () => void {
  takeoverListeners.add(cb);
  if (takenOver) cb();
  return () => {
    takeoverListeners.delete(cb);
  };
}

/**
 * Lets the waiting version take over, on the person's word. Not from this page: Chromium hands over
 * only once the old worker is idle and stopped, and a request from this page (a photo, a lazily
 * loaded part) landing during that stop restarts the old worker and parks the takeover (until the
 * restarted worker has idled 30 s, never while DevTools is attached, at most 5 minutes); a second
 * skipWaiting() does not wake it, as only the first one asks for the takeover. So the word is given from update.html, a page that loads
 * nothing, which then goes back here under the new version.
 */
export function applyUpdate(): void {
  if (!workbox) return;
  const here = window.location.pathname + window.location.search + window.location.hash;
  window.location.replace(`${import.meta.env.BASE_URL}update.html#back=${encodeURIComponent(here)}`);
}
