/**
 * Installing the app. Chromium fires `beforeinstallprompt` once it finds the app installable,
 * often before the UI has rendered, so `listenForInstallPrompt()` (install-offer.ts, the one
 * part on the first screen) is called first thing at start-up (src/ui/main.tsx) and keeps the
 * event for the "Install app" button. Safari on iPhone and iPad has no such event: there the
 * person adds the app from the Share menu.
 */
import { changed, listenForInstallPrompt, offer } from './install-offer.ts';

export { listenForInstallPrompt };

export interface InstallState {
  /** The browser offered to install: the button can show its prompt. */
  canPrompt: boolean;
  /** Installed in this session (the `appinstalled` event), or running as the installed app. */
  installed: boolean;
}

/** Running as the installed app (home screen, app window) rather than in a browser tab. */
export function isStandalone(): boolean {
  if (typeof window === 'undefined') return false;
  const iosStandalone = (navigator as Navigator & { standalone?: boolean }).standalone === true;
  return iosStandalone || (typeof window.matchMedia === 'function' && window.matchMedia('(display-mode: standalone)').matches);
}

export function installState(): InstallState {
  return { canPrompt: offer.deferred !== undefined, installed: offer.installedNow || isStandalone() };
}

/** Calls `cb` when the offer comes or goes; returns an unsubscribe. */
export function onInstallChange(cb: () => void): () => void {
  offer.listeners.add(cb);
  return () => {
    offer.listeners.delete(cb);
  };
}

/** Shows the browser's install dialog; the offer can be used once, so it is dropped afterwards. */
export async function promptInstall(): Promise<'accepted' | 'dismissed' | 'unavailable'> {
  const event = offer.deferred;
  if (!event) return 'unavailable';
  offer.deferred = undefined;
  await event.prompt();
  const { outcome } = await event.userChoice;
  if (outcome === 'accepted') offer.installedNow = true;
  changed();
  return outcome;
}

/**
 * Safari on iPhone or iPad (where installing is Share → Add to Home Screen). iPadOS says
 * "Macintosh", so a Mac with a touch screen counts as an iPad. Other iOS browsers name
 * themselves (CriOS, FxiOS, EdgiOS…).
 */
export function isIosSafari(userAgent: string = navigator.userAgent, maxTouchPoints: number = navigator.maxTouchPoints ?? 0): boolean {
  const ios = /iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1);
  return ios && /Safari\//.test(userAgent) && !/CriOS|FxiOS|EdgiOS|OPiOS|GSA\//.test(userAgent);
}
