import type { Remote } from '../../storage/index.ts';
import { setSetting } from '../../storage/settings.ts';
import { shopClient } from '../sync/shop-client.ts';

/**
 * Ends the session. What is still queued stays queued, and goes when this person signs in again.
 * The private photos this phone cached (messages, claims) go: the next person must not see them.
 */
export async function signOut(remote: Remote): Promise<void> {
  // Offline, the cookie cannot be cleared now; forgetting the account here still signs out this app.
  await shopClient(remote).signOut().catch(() => undefined);
  await setSetting('account', null);
  await forgetPrivatePhotos().catch((error: unknown) => console.warn('Cached private photos could not be forgotten', error));
}

/*
 * The private photos this phone has cached: those of a buyer's channel (messages, claims), which
 * the service worker keeps cache-first in its `photos` cache as it keeps the catalog's (src/sw/sw.ts
 * names the cache). Without forgetting them, a photo seen before signing out would still be served
 * on this phone to whoever asks for its exact URL. The catalog's photos are public and stay, so
 * the shop still shows its pictures offline. (Here, not a file of its own: a new chunk's name in
 * the first screen's preload list cost bytes the first screen has not got.)
 */

/** The service worker's cache of photos (src/sw/sw.ts, `cacheName`). */
const PHOTO_CACHE = 'photos';

/** A channel's photo: `…/userdb-<hex>/<photo>/<attachment>` (sync/names.ts channelPhotoUrl). */
const PRIVATE = /\/userdb-(?:[0-9a-f]{2})+\//;

/** Deletes every cached channel photo; returns how many. Nothing to do where there is no Cache API. */
export async function forgetPrivatePhotos(): Promise<number> {
  if (typeof caches === 'undefined' || !(await caches.has(PHOTO_CACHE))) return 0;
  const cache = await caches.open(PHOTO_CACHE);
  let forgotten = 0;
  for (const request of await cache.keys()) {
    if (!PRIVATE.test(new URL(request.url).pathname)) continue;
    if (await cache.delete(request)) forgotten += 1;
  }
  return forgotten;
}
