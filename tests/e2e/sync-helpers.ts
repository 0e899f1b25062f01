// What the sync specs share: a server of their own behind the app's origin (/couch/, as
// sync-story.spec.ts sets it up): real CouchDB 3.5 when ../shared/couchdb is there, else
// PouchDB Server (tests/sync/couch-server.ts); devices that connect and sign in through
// Settings, and the seller's few steps (open the shop, credit a wallet) as a person does them.
// Buyers' channels: on CouchDB couch_peruser makes each at sign-up (createUser waits for it);
// on PouchDB Server the seller's device makes them. Either way the seller's device adopts them.
import { expect, type Browser, type BrowserContext, type Page, type Request } from '@playwright/test';
import { resolve } from 'node:path';
import { createUser, freePort, startTestServer, type StartOptions, type TestCouch } from '../sync/couch-server.ts';
import { setUpShop } from '../../src/sync/setup-shop.ts';
import { channelDb } from '../../src/sync/names.ts';
import { balance, go } from './account-helpers.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';

// The demo specs' steps work the same on a real shop's device.
export { balance, buyForPickup, checkOutForPickup, go, orderIdOf, underServiceWorker } from './account-helpers.ts';

/** What crosses devices waits for the seller's next run (every 5 s) and the buyer's next pull. */
export const ACROSS = { timeout: 30_000 };

export const SHOP = 'demo';

export interface Env {
  couch: TestCouch;
  site: StaticServer;
  /** The devices' browser contexts, closed first by `close()` (their longpolls would hold the site's server open). */
  contexts: BrowserContext[];
  close(): Promise<void>;
}

/** A fresh server with the shop set up and these buyers' accounts, and the app served in front of it. */
export async function startEnv(buyers: readonly string[], shop = SHOP, server: StartOptions = {}): Promise<Env> {
  const couch = await startTestServer(server);
  await setUpShop(couch.admin, shop, { allowDemoTopUps: false });
  for (const name of buyers) await createUser(couch.admin, name, passwordOf(name));
  const site = await startStaticServer(await freePort(), resolve(process.env.E2E_OUT_DIR ?? 'dist'), '/', { prefix: '/couch/', target: couch.url });
  const contexts: BrowserContext[] = [];
  return {
    couch,
    site,
    contexts,
    close: async () => {
      for (const c of contexts) await c.close().catch(() => undefined);
      await site.close();
      await couch.stop();
    },
  };
}

export const passwordOf = (name: string): string => (name === 'admin' ? 'admin-pw' : `${name}-password`);

export interface Device {
  name: string;
  context: BrowserContext;
  page: Page;
}

/** Connects a page (already on the app or not) to the shop and signs in. */
export async function connect(page: Page, name: string, shop = SHOP): Promise<void> {
  await page.goto('./#/settings');
  await page.getByLabel('Server address').fill('/couch/');
  await page.getByLabel("Shop's id").fill(shop);
  await page.getByRole('button', { name: 'Connect' }).click();
  // Connecting and signing in reload the app onto the shop: four phones doing it at once on two
  // cores took more than 5 s (sync-flash-team), so these wait as long as a step across devices.
  await expect(page.getByText(`Connected to the shop “${shop}” at /couch/.`)).toBeVisible(ACROSS);
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Password').fill(passwordOf(name));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(`Signed in as ${name}.`)).toBeVisible(ACROSS);
}

/** A new device (its own browser context): opens the app, connects it to the shop and signs in. */
export interface DeviceOptions {
  /** The phone's clock starts here (Playwright's clock, running). */
  clockAt?: number;
  shop?: string;
  /**
   * No service worker: every request to the server is then the page's own, which
   * `page.route` sees and `page.on('request')` counts (nothing here needs to work offline).
   */
  noServiceWorker?: boolean;
}

export async function device(browser: Browser, env: Env, name: string, options: DeviceOptions = {}): Promise<Device> {
  const context = await browser.newContext({ baseURL: env.site.url, serviceWorkers: options.noServiceWorker ? 'block' : 'allow' });
  env.contexts.push(context);
  if (options.clockAt !== undefined) await context.clock.install({ time: options.clockAt });
  const page = await context.newPage();
  await connect(page, name, options.shop);
  return { name, context, page };
}

/** The seller's device: signs in as the server's admin and opens the shop from the demo catalog. */
export async function sellerDevice(browser: Browser, env: Env, options: DeviceOptions = {}): Promise<Device> {
  const seller = await device(browser, env, 'admin', options);
  await seller.page.getByRole('button', { name: 'Start from the demo catalog' }).click();
  await expect(seller.page.getByText('Up to date with the shop.')).toBeVisible({ timeout: 20_000 });
  return seller;
}

/** A figure of a customer's card in the seller's Customers tab. */
export const figure = (page: Page, buyer: string, name: 'Available' | 'In escrow' | 'Orders') =>
  page.getByRole('article', { name: buyer, exact: true }).locator(`dt:text-is("${name}") + dd`);

/** An amount as the app shows it: ¥1,000.00. */
export const money = (yuan: number): string => `¥${yuan.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** The seller credits a buyer's wallet (cash at the counter), and sees the buyer's balance (`available`, by default the credit) on their card. */
export async function credit(seller: Page, buyer: string, yuan: number, available = money(yuan)): Promise<void> {
  await go(seller, '#/seller/customers');
  const other = seller.locator('details.cust-other');
  if (!(await other.evaluate((d: HTMLDetailsElement) => d.open))) await seller.getByText('Credit someone not listed').click();
  await seller.getByLabel('Customer’s account name').fill(buyer);
  await seller.getByLabel('Amount').fill(String(yuan));
  await seller.getByRole('button', { name: 'Credit the wallet' }).click();
  await seller.getByRole('dialog').getByRole('button', { name: 'Credit the wallet' }).click();
  // The form clears itself once the credit is done: wait for that before the next one.
  await expect(seller.getByText(`${money(yuan)} credited to ${buyer}.`)).toBeVisible(ACROSS);
  await expect(figure(seller, buyer, 'Available')).toHaveText(available, ACROSS);
}

/** Waits for the buyer's device to show this wallet balance (it comes with the next pull). */
export async function expectWallet(page: Page, available: string, escrow?: string): Promise<void> {
  await go(page, '#/wallet');
  await expect(balance(page, 'Available')).toHaveText(available, ACROSS);
  if (escrow !== undefined) await expect(balance(page, 'In escrow')).toHaveText(escrow, ACROSS);
}

/** The order page's status line says `stage` (after the devices sync). */
export async function expectStatusSoon(page: Page, stage: string | RegExp): Promise<void> {
  const re = typeof stage === 'string' ? new RegExp(`^Status:\\s*${stage}$`) : stage;
  await expect(page.getByText(re)).toBeVisible(ACROSS);
}

/** Counts this page's requests to the server's changes feed and _bulk_docs. */
export function countCouchRequests(page: Page): { changes: number; bulkDocs: number; all: Request[] } {
  const out = { changes: 0, bulkDocs: 0, all: [] as Request[] };
  page.on('request', (r) => {
    const url = r.url();
    if (!url.includes('/couch/')) return;
    out.all.push(r);
    if (url.includes('/_changes')) out.changes += 1;
    if (url.includes('/_bulk_docs')) out.bulkDocs += 1;
  });
  return out;
}

interface AllDocs {
  rows: { id: string; value: { rev: string }; doc?: Record<string, unknown> }[];
}

/** The documents of a database on the server (the admin's view), design documents left out. */
export async function serverDocs(env: Env, db: string): Promise<Record<string, unknown>[]> {
  const res = await env.couch.admin.request<AllDocs>('GET', `${encodeURIComponent(db)}/_all_docs?include_docs=true&conflicts=true`);
  return res.rows.filter((r) => !r.id.startsWith('_design/')).map((r) => r.doc!);
}

/** A buyer's intents of one kind in their channel on the server. */
export async function intentsOnServer(env: Env, buyer: string, kind?: string): Promise<Record<string, unknown>[]> {
  return (await serverDocs(env, channelDb(buyer))).filter((d) => d.type === 'intent' && (kind === undefined || d.kind === kind));
}

/** The decisions in the shop's journal on the server. */
export async function journalDecisions(env: Env, shop = SHOP): Promise<Record<string, unknown>[]> {
  return (await serverDocs(env, `${shop}-journal`)).filter((d) => d.type === 'decision');
}

/** A document's revision number (1: never edited). */
export function revNumber(doc: Record<string, unknown>): number {
  return Number(String(doc._rev ?? '0-').split('-')[0]);
}

/** The rows of one table of the device's database for this shop and person, read straight from IndexedDB. */
export function localRows(page: Page, user: string, table: string): Promise<Record<string, unknown>[]> {
  return page.evaluate(async ([u, t]) => {
    const dbs = await indexedDB.databases();
    // One database per shop and person signed in (src/app/sync/remote.ts deviceDbName).
    const name = dbs.map((d) => d.name ?? '').find((n) => n.startsWith('offline-shop demo ') && n.endsWith(` ${u}`));
    if (!name) throw new Error(`No database of ${u} among ${dbs.map((d) => d.name).join(', ')}`);
    return new Promise<Record<string, unknown>[]>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const all = open.result.transaction(t).objectStore(t).getAll();
        all.onsuccess = () => {
          resolve(all.result as Record<string, unknown>[]);
          open.result.close();
        };
        all.onerror = () => reject(all.error);
      };
    });
  }, [user, table] as const);
}

/** Settles when `fn` is first called: a hook for a route handler to tell the test it got there. */
export function signal(): { hit: () => void; reached: Promise<void> } {
  let hit: () => void = () => undefined;
  const reached = new Promise<void>((resolve) => (hit = resolve));
  return { hit, reached };
}
