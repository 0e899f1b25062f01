/**
 * A local sync server for development: PouchDB Server in memory on 127.0.0.1, with a server
 * admin, the shop "demo" set up (no play-money top-ups: the seller credits wallets) and a seller user. Everything
 * is gone when it stops.
 *
 *   npm run sync-server -- [--port 5984] [--admin-user admin --admin-password admin]
 *                          [--seller-user seller --seller-password seller]
 *
 * It reuses the tests' harness (tests/sync/couch-server.ts), which runs pouchdb-server in a
 * temporary working directory (it writes config.json and log.txt there).
 */
import { parseArgs } from 'node:util';
import { SELLER_ROLE } from '../src/sync/names.ts';
import { setUpShop } from '../src/sync/setup-shop.ts';
import { createUser, startCouch, type TestCouch } from '../tests/sync/couch-server.ts';

const SHOP = 'demo';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '5984' },
      'admin-user': { type: 'string', default: 'admin' },
      'admin-password': { type: 'string', default: 'admin' },
      'seller-user': { type: 'string', default: 'seller' },
      'seller-password': { type: 'string', default: 'seller' },
      verbose: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--port must be a port number, got "${values.port}".`);

  const couch = await startCouch({
    port,
    adminUser: values['admin-user'],
    adminPassword: values['admin-password'],
    verbose: values.verbose,
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the sync server…`);
    void couch.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  void couch.exited.then(() => {
    if (stopping) return;
    console.error('sync-server: pouchdb-server stopped by itself (run with --verbose to see its log).');
    process.exit(1);
  });

  try {
    // Never let anything create a database anonymously here: with an admin set, PouchDB
    // Server 4.2 crashes on an anonymous `PUT /<db>` ("db.info is not a function").
    await setUpShop(couch.admin, SHOP, { allowDemoTopUps: false });
    await createUser(couch.admin, values['seller-user'], values['seller-password'], [SELLER_ROLE]);
  } catch (error) {
    await couch.stop();
    throw error;
  }
  printHowTo(couch, values);
}

function printHowTo(couch: TestCouch, v: Record<string, string | boolean | undefined>): void {
  console.log(`PouchDB Server (in memory) is running at ${couch.url}

  server admin:  ${v['admin-user']} / ${v['admin-password']}
  seller:        ${v['seller-user']} / ${v['seller-password']}  (role "${SELLER_ROLE}")
  shop:          ${SHOP}  (databases ${SHOP}-catalog and ${SHOP}-journal; play-money top-ups on)

Point the app at it: in its settings, server ${couch.url} and shop "${SHOP}".
Buyers sign up from the app; PouchDB Server has no couch_peruser, so their channels
appear when the seller's device (signed in as the server admin) adopts them.
Everything is kept in memory only. Ctrl-C stops it.`);
}

main().catch((error: unknown) => {
  console.error(`sync-server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
