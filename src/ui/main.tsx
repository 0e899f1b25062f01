// Entry point: starts the app (database, demo shop), renders the UI, starts the service worker bridge.
import { render } from 'preact';
import { listenForInstallPrompt } from '../app/device/install-offer.ts';
import { getSetting } from '../app/queries/reads.ts';
import { startApp } from '../app/start-app.ts';
import { loadAreas, localeFromBrowser } from './i18n/index.ts';
import { App } from './App.tsx';
import './app.css';
import './components/home/home.css';

// Which build this page runs (VITE_BUILD_ID at build time), for support and the update test.
document.documentElement.dataset.build = import.meta.env.VITE_BUILD_ID ?? 'dev';

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');
// Chromium offers installation once, early: catch the offer before anything else runs.
listenForInstallPrompt();
// Settles once the first screen is painted (the frame after render): what can wait, waits for it.
let painted!: () => void;
const firstScreen = new Promise<void>((resolve) => (painted = resolve));
// The service worker's bridge too: its own chunk, shared with the update banner (which is loaded after the first screen too).
void firstScreen.then(() => import('../app/register-sw.ts')).then((m) => m.registerServiceWorker());
// The first screen needs the app and its own strings, in the person's language.
const locale = getSetting('locale').then((saved) => saved ?? localeFromBrowser(navigator.languages));
Promise.all([startApp({ firstScreen }), locale.then(async (l) => (await loadAreas(l, ['common', 'catalog']), l))]).then(
  ([app, initialLocale]) => {
    render(<App app={app} initialLocale={initialLocale} />, root);
    requestAnimationFrame(() => setTimeout(painted, 0));
  },
  (error: unknown) => {
    // Nothing works without the device's database (private mode in some browsers, a full disk): say so plainly.
    root.textContent = `The shop could not open its storage on this device: ${error instanceof Error ? error.message : String(error)}`;
  },
);
