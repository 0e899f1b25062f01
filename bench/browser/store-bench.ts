/**
 * Runs in Chromium (served by Vite from store-bench.html, driven by bench/store.bench.ts): the
 * store bench (bench/store-work.ts) against the browser's real IndexedDB, strict durability as
 * the app opens it. `window.runStoreBench(decisions, products)` returns the times.
 */
import { Dexie } from 'dexie';
import type { Decision } from '../../src/domain/index.ts';
import { openDb } from '../../src/storage/index.ts';
import { timeStore, type StoreTimes } from '../store-work.ts';

declare global {
  interface Window {
    runStoreBench(decisions: Decision[], products: number): Promise<StoreTimes>;
  }
}

// Dexie turns on its debug mode on localhost, where this page is served; the app runs without it.
Dexie.debug = false;

let dbs = 0;
window.runStoreBench = (decisions, products) =>
  timeStore('Chromium IndexedDB', async () => {
    dbs += 1;
    const db = openDb(`bench-store-${Date.now()}-${dbs}`);
    await db.open();
    return db;
  }, decisions, products, () => performance.now());
