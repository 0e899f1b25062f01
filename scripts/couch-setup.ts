/**
 * Sets a CouchDB (or PouchDB Server) up for a shop, then prints the server settings that a
 * real CouchDB needs and that no HTTP call of ours should change behind its admin's back.
 *
 *   npm run couch:setup -- --url https://couch.example.com --shop demo \
 *     --admin-user admin --admin-password … [--seller-user sam --seller-password …] \
 *     [--buyer ann --buyer bo] [--demo-top-ups] [--origin https://shop.example.com] [--session-days 30]
 *
 * Safe to run again: it changes only what differs (e.g. after an upgrade of the rules).
 */
import { parseArgs } from 'node:util';
import { CouchClient, CouchError } from '../src/sync/couch-client.ts';
import { SELLER_ROLE, SHOP_PATTERN, USER_NAME_PATTERN } from '../src/sync/names.ts';
import { DEFAULT_SESSION_DAYS, sessionSettings, setSessionLifetime, type SessionSettingsResult } from '../src/sync/session-settings.ts';
import { setUpShop, type ShopSetUp } from '../src/sync/setup-shop.ts';

const USAGE = `Usage: npm run couch:setup -- --url <server> --shop <name> [options]

  --url <url>               the CouchDB server, e.g. http://127.0.0.1:5984
  --shop <name>             the shop's name: lower-case letters, digits, "_" or "-", starting with a letter
  --admin-user <name>       the server admin (or put it in the URL: http://user:pass@host:5984)
  --admin-password <pw>
  --seller-user <name>      create (or update) this user with the role "${SELLER_ROLE}"
  --seller-password <pw>    needed when the seller user is new
  --buyer <name>            set up this buyer's channel now (repeatable)
  --demo-top-ups            let buyers send play-money top-ups (the demo shop only)
  --origin <url>            the app's origin, for the CORS settings printed at the end
  --session-days <n>        how long a phone stays signed in after its last sync (default ${DEFAULT_SESSION_DAYS})
  --help`;

class UsageError extends Error {}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      shop: { type: 'string' },
      'admin-user': { type: 'string' },
      'admin-password': { type: 'string' },
      'seller-user': { type: 'string' },
      'seller-password': { type: 'string' },
      buyer: { type: 'string', multiple: true },
      'demo-top-ups': { type: 'boolean', default: false },
      origin: { type: 'string' },
      'session-days': { type: 'string', default: String(DEFAULT_SESSION_DAYS) },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.url) throw new UsageError('--url is missing.');
  if (!values.shop) throw new UsageError('--shop is missing.');
  if (!SHOP_PATTERN.test(values.shop)) {
    throw new UsageError(`"${values.shop}" cannot be a shop's name: use lower-case letters, digits, "_" or "-", starting with a letter (at most 41 characters).`);
  }
  const sessionDays = Number(values['session-days']);
  if (!(Number.isInteger(sessionDays) && sessionDays >= 1 && sessionDays <= 400)) throw new UsageError(`--session-days must be a whole number of days from 1 to 400, got "${values['session-days']}".`);
  const { url, authorization } = serverFrom(values.url, values['admin-user'], values['admin-password']);
  for (const name of [values['seller-user'], ...(values.buyer ?? [])]) {
    if (name !== undefined && !USER_NAME_PATTERN.test(name)) {
      throw new UsageError(`"${name}" cannot be a user name here: 2 to 32 lower-case letters, digits, ".", "_" or "-".`);
    }
  }

  const client = new CouchClient({ url, authorization });
  await checkAdmin(client, url);
  // The seller first: its mistakes (a new user with no password) are found before anything changes.
  if (values['seller-user']) await ensureSeller(client, values['seller-user'], values['seller-password']);
  const report = await setUpShop(client, values.shop, { allowDemoTopUps: values['demo-top-ups'], buyers: values.buyer ?? [] });
  printReport(report);
  const session = await setSessionLifetime(client, sessionDays);
  printSession(session, sessionDays);
  printServerSettings(url, values.shop, values.origin);
  if (report.globalChanges !== 'unsupported' && !(await client.get('_users', '_design/_auth'))) {
    // Seen on a fresh CouchDB 3.5: the document appears a few seconds after the first start.
    console.log(`
WAIT before opening _users to sign-ups: ${url}_users/_design/_auth is not there yet. It holds the
rules that stop a user giving themselves roles (such as "${SELLER_ROLE}"); a fresh CouchDB writes it a
few seconds after its first start. Run this command again and open _users once this warning is gone.`);
  }
}

/** Node's fetch refuses URLs with credentials in them, so they move to a header. */
function serverFrom(raw: string, user?: string, password?: string): { url: string; authorization?: string } {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new UsageError(`"${raw}" is not a URL (try http://127.0.0.1:5984).`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new UsageError(`"${raw}" is not an http(s) URL.`);
  const name = user ?? decodeURIComponent(parsed.username);
  const pass = password ?? decodeURIComponent(parsed.password);
  if (Boolean(name) !== Boolean(pass)) throw new UsageError('Give both the admin user and password (or neither).');
  parsed.username = '';
  parsed.password = '';
  const authorization = name ? `Basic ${Buffer.from(`${name}:${pass}`, 'utf8').toString('base64')}` : undefined;
  return { url: parsed.toString(), authorization };
}

async function checkAdmin(client: CouchClient, url: string): Promise<void> {
  let session;
  try {
    await client.request('GET', '');
    session = await client.session();
  } catch (error) {
    if (error instanceof CouchError && error.status === 0) throw new UsageError(`Cannot reach ${url}: ${error.reason}. Is the server running, and is the URL right?`);
    if (error instanceof CouchError && error.status === 401) throw new UsageError(`${url} refused the admin's name or password (401).`);
    throw error;
  }
  if (!session.userCtx.roles.includes('_admin')) {
    throw new UsageError(
      session.userCtx.name
        ? `"${session.userCtx.name}" is not a server admin of ${url}: setting a shop up takes one.`
        : `Setting a shop up takes the server admin: add --admin-user and --admin-password.`,
    );
  }
}

function printReport(report: ShopSetUp): void {
  for (const r of [report.catalog, report.journal, ...report.channels]) {
    const did = [r.created && 'created', r.security && '_security set', r.rules && 'rules installed', r.identity && 'identity written'].filter(Boolean);
    console.log(`  ${r.db}: ${did.length ? did.join(', ') : 'already set up'}`);
  }
  console.log(`  _global_changes: ${GLOBAL_CHANGES[report.globalChanges]}`);
}

/** Phones offline for days must come back signed in: CouchDB's default session ends 10 minutes after last use. */
function printSession(result: SessionSettingsResult, days: number): void {
  const settings = sessionSettings(days);
  if (result.set) {
    console.log(`  sessions: a phone stays signed in ${days} days after its last sync ([chttpd_auth] timeout = ${settings.timeout}, allow_persistent_cookies = true, on ${result.nodes.join(', ')})`);
    return;
  }
  console.log(`  sessions: NOT set (${result.why}). Set these yourself, or phones offline for more than 10 minutes
  come back signed out and their orders wait until the person signs in again:
    [chttpd_auth]
    timeout = ${settings.timeout}                 ; ${days} days after the last use
    allow_persistent_cookies = true   ; the session survives closing the browser`);
}

const GLOBAL_CHANGES: Record<ShopSetUp['globalChanges'], string> = {
  present: 'already there (_db_updates works)',
  created: "created, so that _db_updates works (the seller's device learns from it which channels changed)",
  'not-admin': 'missing, and only the server admin may create it (_db_updates will not work)',
  unsupported: "this server has no _db_updates (PouchDB Server): the seller's device reads the channels in turn",
};

/** Roles can be set by the server admin alone, so the seller user is made here. */
async function ensureSeller(client: CouchClient, name: string, password: string | undefined): Promise<void> {
  const id = `org.couchdb.user:${name}`;
  const existing = await client.get<{ _rev: string; roles?: string[] } & Record<string, unknown>>('_users', id);
  if (!existing && !password) throw new UsageError(`The user "${name}" does not exist yet: give --seller-password to create it.`);
  if (existing?.roles?.includes(SELLER_ROLE) && !password) {
    console.log(`  user "${name}": already has the role "${SELLER_ROLE}"`);
    return;
  }
  const roles = [...new Set([...(existing?.roles ?? []), SELLER_ROLE])];
  const doc = existing
    ? { ...existing, roles, ...(password ? { password } : {}) }
    : { _id: id, name, password, roles, type: 'user' };
  await client.put('_users', doc as { _id: string });
  console.log(`  user "${name}": ${existing ? 'updated' : 'created'}, with the role "${SELLER_ROLE}"`);
}

function printServerSettings(url: string, shop: string, origin = 'https://your-shop.example'): void {
  console.log(`
Done: the shop "${shop}" is set up on ${url}

What a real CouchDB 3 also needs (its admin sets these once, in local.ini or with
PUT ${url}_node/_local/_config/<section>/<key>; PouchDB Server has no need of them):

  [chttpd]
  enable_cors = true              ; not needed when a proxy serves CouchDB under the app's own origin
  [cors]
  origins = ${origin}
  credentials = true              ; the app signs in with CouchDB's session cookie
  methods = GET, PUT, POST, HEAD, DELETE
  headers = accept, authorization, content-type, origin, referer

  [couch_peruser]
  enable = true                   ; each buyer's channel (userdb-<hex of name>) appears on sign-up
  delete_dbs = true               ; deleting a user deletes their channel (the shop's journal keeps its record)

  [couchdb]
  users_db_security_editable = true

and, for buyers to sign up by themselves, open _users to anonymous writes (each may still
create only a user document, and "Only _admin may set roles"):

  curl -X PUT '${url}_users/_security' -u <admin> -H 'Content-Type: application/json' \\
    -d '{"admins":{"names":[],"roles":["_admin"]},"members":{"names":[],"roles":[]}}'

(or leave _users closed and create the customers' accounts yourself).

couch_peruser makes each buyer an admin of their own channel, who could then replace its
rules: the seller's device adopts every channel it sees in _users before it trusts it (the
buyer as member only, the current rules). Listing _users and setting a channel's _security
take the server admin, so the seller's device signs in as the server admin for that.`);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`couch:setup: ${error.message}\n\n${USAGE}`);
  } else if (error instanceof CouchError) {
    console.error(`couch:setup: the server refused: ${error.message}`);
  } else if (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
    console.error(`couch:setup: ${error.message}\n\n${USAGE}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
