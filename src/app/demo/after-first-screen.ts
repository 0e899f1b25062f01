/**
 * Everything the demo's start-up does that can wait until its first screen is painted
 * (start-app.ts loads this one chunk then): the migration of device data to its person,
 * opening the demo shop (the seed), the shop's authority, and what wakes it. On a first visit
 * over a slow link this is most of the JavaScript (the domain, the writes, the demo's
 * catalog); one chunk rather than several, as each request costs a round trip there.
 */
export { adoptDeviceData } from '../adopt-device-data.ts';
export { LocalAuthority } from './local-authority.ts';
export { seedDemoShop } from './seed-demo-shop.ts';

/** How often the shop's clock is consulted while the app is open (team deadlines, auto-confirm). */
const CLOCK_TICK_MS = 15_000;

/** Lets the shop decide when the device comes back online, the page is shown again, and on a timer. Returns a stop. */
export function wakeOnActivity(nudge: () => void): () => void {
  const wake = () => {
    if (document.visibilityState !== 'hidden') nudge();
  };
  window.addEventListener('online', wake);
  document.addEventListener('visibilitychange', wake);
  const timer = setInterval(wake, CLOCK_TICK_MS);
  return () => {
    clearInterval(timer);
    window.removeEventListener('online', wake);
    document.removeEventListener('visibilitychange', wake);
  };
}
