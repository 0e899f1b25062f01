// The service worker: precaches the app shell, answers navigations offline, keeps product
// photos in a bounded cache, and activates a new version only when the page asks
// (the user pressed "Reload to update"). Imports workbox packages only.
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';

declare let self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<PrecacheEntry | string> };

// The build replaces self.__WB_MANIFEST with the list of files of this version.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every navigation inside the scope gets the precached shell, online or not: the app
// reads only IndexedDB, so it needs nothing else from the network to start.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));

// Product photos, same origin only. Registered after precacheAndRoute, so a precached
// image (the icons) is still answered by the precache and never lands here.
registerRoute(
  ({ request, url }) =>
    url.origin === self.location.origin && (url.pathname.includes('/photos/') || request.destination === 'image'),
  new CacheFirst({
    // Also opened by the page on sign-out, to forget private photos (app/actions/sign-out.ts).
    cacheName: 'photos',
    plugins: [new ExpirationPlugin({ maxEntries: 300, purgeOnQuotaError: true })],
  }),
);

// No skipWaiting at install: a new version waits until the page relays the user's word (from
// update.html, a page that loads nothing: src/app/register-sw.ts says why).
self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// A notification of an Update (app/notifications.ts) opens the app where it points: a window of
// the app already open is brought forward and taken there, else a new one is opened.
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = (event.notification.data as { url?: unknown } | null)?.url;
  const target = typeof url === 'string' && url.startsWith(self.registration.scope) ? url : self.registration.scope;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(async (windows) => {
      const open = windows.find((w) => w.url.startsWith(self.registration.scope));
      if (open) {
        await open.focus();
        await open.navigate(target).catch(() => undefined);
        return;
      }
      await self.clients.openWindow(target);
    }),
  );
});
