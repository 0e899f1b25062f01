// `npm run authority`: the seller's runner headless in Node, against PouchDB Server and (when
// ../shared/couchdb is there) real CouchDB 3.5: it decides
// a buyer's order, stops cleanly on SIGTERM (the lease given back), and says clearly why it
// cannot start (a wrong password, an unreachable server, a shop not set up).
import 'fake-indexeddb/auto';
import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BuyerId, Decision } from '../../src/domain/index.ts';
import { queueIntent, ShopDb } from '../../src/storage/index.ts';
import { RemoteAuthority } from '../../src/sync/authority/authority-runner.ts';
import { CouchClient } from '../../src/sync/couch-client.ts';
import { journalDb, LEASE_DOC_ID } from '../../src/sync/names.ts';
import { setUpShop } from '../../src/sync/setup-shop.ts';
import { line, m, order, product, seller, SHOP } from '../domain/fixtures/shop.ts';
import { buyerClient, createBuyers, push, RULES } from './authority-scale-helpers.ts';
import { ADMIN_PASSWORD, ADMIN_USER, freePort, startCouch, type TestCouch } from './couch-server.ts';
import { realCouchAvailable, startRealCouch } from './real-couch.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SHOP_ID = 'tea';

interface Run {
  child: ChildProcess;
  out: () => string;
  exited: Promise<number | null>;
}

function authority(args: string[]): Run {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/authority.ts'), ...args], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (out += s));
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (out += s));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, out: () => out, exited };
}

async function waitFor(run: Run, pattern: RegExp, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(run.out())) {
    if (Date.now() > deadline) throw new Error(`never printed ${pattern}:\n${run.out()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const SERVERS = [
  { name: 'PouchDB Server', start: () => startCouch() },
  ...(realCouchAvailable() ? [{ name: 'CouchDB 3.5', start: () => startRealCouch({ cheapPasswords: true }) }] : []),
];

describe.each(SERVERS)('npm run authority, on $name', ({ start }) => {
  let couch: TestCouch;
  const running: Run[] = [];
  beforeEach(async () => {
    couch = await start();
    await setUpShop(couch.admin, SHOP_ID, RULES);
  }, 120_000);
  afterEach(async () => {
    for (const r of running.splice(0)) r.child.kill('SIGKILL');
    await couch?.stop();
  }, 60_000);

  const args = (over: Record<string, string> = {}) =>
    Object.entries({ url: couch.url, shop: SHOP_ID, user: ADMIN_USER, password: ADMIN_PASSWORD, ...over }).flatMap(([k, v]) => [`--${k}`, v]);

  it("decides the shop's intents, logs each batch, and gives the lease back on SIGTERM", async () => {
    await createBuyers(couch, ['ann']);
    // The shop opened by the seller's phone earlier: its commands are in the journal already.
    const phoneDb = new ShopDb('phone');
    const now = Date.now();
    for (const c of [
      seller('shop.save', { shop: SHOP }, now),
      seller('product.save', { product: product('tea', { price: m(1500) }), stock: 5 }, now),
      seller('wallet.credit', { buyer: 'ann' as BuyerId, amount: m(10_000), method: 'cash', note: '' }, now),
    ]) await queueIntent(phoneDb, c, now);
    const phone = new RemoteAuthority(phoneDb, new CouchClient({ url: couch.url, authorization: couch.adminAuth }), SHOP_ID, { id: 'phone', label: "Seller's phone" }, Date.now, RULES);
    await phone.runOnce();
    await phone.release();

    const run = authority(args());
    running.push(run);
    await waitFor(run, /deciding/);
    const place = order('ann' as BuyerId, Date.now(), [line('tea')], 1500);
    await push(buyerClient(couch, 'ann'), place);
    await waitFor(run, /batch: decided 1, published 1, channels read 1, requests \d+/);
    const journal = (await couch.admin.changes(journalDb(SHOP_ID), { since: 0, limit: 1000 })).results.map((c) => c.doc as unknown as Decision);
    expect(journal.filter((d) => d.intentId === place.id).map((d) => d.kind)).toEqual(['order.accepted']);

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.out()).toMatch(/stopped; the lease is free/);
    const lease = await couch.admin.get<{ holder: string; until: number }>(journalDb(SHOP_ID), LEASE_DOC_ID);
    expect(lease).toMatchObject({ until: 0, holder: expect.stringMatching(/^headless-/) });
  }, 120_000);

  it('a wrong password, an unreachable server or a shop not set up: a clear message and a non-zero exit', async () => {
    const wrong = authority(args({ password: 'not-it' }));
    expect(await wrong.exited).toBe(3);
    expect(wrong.out()).toMatch(/refused the name "admin" with that password/);

    const nowhere = authority(args({ url: `http://127.0.0.1:${await freePort()}/` }));
    expect(await nowhere.exited).toBe(4);
    expect(nowhere.out()).toMatch(/Cannot reach the server at http:\/\/127\.0\.0\.1:\d+\/: fetch failed \(ECONNREFUSED\)/);

    const noShop = authority(args({ shop: 'nosuch' }));
    expect(await noShop.exited).toBe(5);
    expect(noShop.out()).toMatch(/The shop "nosuch" is not set up on this server/);

    const missing = authority(['--url', couch.url]);
    expect(await missing.exited).toBe(2);
    expect(missing.out()).toMatch(/--shop, --user, --password missing/);
  }, 120_000);
});
