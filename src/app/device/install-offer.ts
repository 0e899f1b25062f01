/**
 * The browser's offer to install, caught as early as possible (src/ui/main.tsx calls
 * `listenForInstallPrompt` first thing): the part of install-prompt.ts the first screen needs.
 * The rest (the button's state, the prompt) loads with Settings.
 */

/** Chromium's event (not in TypeScript's DOM types). */
export interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed'; platform?: string }>;
}

/** What the browser said so far, and who wants to know when it changes. */
export const offer = {
  deferred: undefined as BeforeInstallPromptEvent | undefined,
  installedNow: false,
  listening: false,
  listeners: new Set<() => void>(),
};

export function changed(): void {
  for (const cb of offer.listeners) cb();
}

/** Starts listening for the browser's offer to install. Call once, as early as possible. */
export function listenForInstallPrompt(): void {
  if (offer.listening || typeof window === 'undefined') return;
  offer.listening = true;
  window.addEventListener('beforeinstallprompt', (event) => {
    // Keep the browser's own mini-infobar away: the app offers installing in Settings.
    event.preventDefault();
    offer.deferred = event as BeforeInstallPromptEvent;
    changed();
  });
  window.addEventListener('appinstalled', () => {
    offer.deferred = undefined;
    offer.installedNow = true;
    changed();
  });
}
