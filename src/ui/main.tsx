// Entry point: renders the UI and starts the service worker bridge.
import { render } from 'preact';
import { registerServiceWorker } from '../app/register-sw.ts';
import { App } from './App.tsx';
import './app.css';

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');
render(<App />, root);
registerServiceWorker();
