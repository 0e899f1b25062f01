// Entry point: starts the app (database, demo shop), renders the UI, starts the service worker bridge.
import { render } from 'preact';
import { registerServiceWorker } from '../app/register-sw.ts';
import { startApp } from '../app/start-app.ts';
import { App } from './App.tsx';
import './app.css';

// Which build this page runs (VITE_BUILD_ID at build time), for support and the update test.
document.documentElement.dataset.build = import.meta.env.VITE_BUILD_ID ?? 'dev';

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');
registerServiceWorker();
startApp().then(
  (app) => render(<App app={app} />, root),
  (error: unknown) => {
    // Nothing works without the device's database (private mode in some browsers, a full disk): say so plainly.
    root.textContent = `The shop could not open its storage on this device: ${error instanceof Error ? error.message : String(error)}`;
  },
);
