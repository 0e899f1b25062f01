/**
 * Sets a CouchDB (or PouchDB Server) up for a shop: its databases, their `_security`, the
 * rules and an identity document each. Idempotent: run it again and it changes only what
 * differs, so the setup command can be re-run after an upgrade (new RULES_VERSION) and the
 * seller's device can call `adoptChannel` for every buyer it sees.
 *
 * Needs the server's admin: only they may create databases and set `_security` (and, on a
 * couch_peruser channel, only they and the buyer are its admins).
 */
import { CouchError, type CouchClient } from './couch-client.ts';
import { catalogDb, channelDb, IDENTITY_DOC_ID, type IdentityDoc, journalDb, SHOP_PATTERN, USER_NAME_PATTERN } from './names.ts';
import {
  buildRules,
  catalogSecurity,
  channelSecurity,
  journalSecurity,
  type RulesDesignDoc,
  type RulesOptions,
  rulesNeedUpdate,
  sameSecurity,
  type SecurityObject,
} from './rules.ts';

export interface SetUpOptions extends RulesOptions {
  /** Buyers whose channels to create or adopt now (the rest are adopted later by the seller's device). */
  buyers?: readonly string[];
}

/** What one database needed: each flag true if this run changed it. */
export interface DbSetUp {
  db: string;
  created: boolean;
  security: boolean;
  rules: boolean;
  identity: boolean;
}

export interface ShopSetUp {
  catalog: DbSetUp;
  journal: DbSetUp;
  channels: DbSetUp[];
  globalChanges: GlobalChanges;
}

export async function setUpShop(client: CouchClient, shop: string, options: SetUpOptions): Promise<ShopSetUp> {
  if (!SHOP_PATTERN.test(shop)) {
    throw new RangeError(`"${shop}" cannot be a shop's name: use lower-case letters, digits, "_" or "-", starting with a letter (at most 41).`);
  }
  const rules = buildRules(options);
  const catalog = await setUpDb(client, catalogDb(shop), catalogSecurity(), rules.catalog);
  const journal = await setUpDb(client, journalDb(shop), journalSecurity(), rules.journal);
  const channels: DbSetUp[] = [];
  for (const buyer of options.buyers ?? []) channels.push(await adoptChannel(client, buyer, options));
  const globalChanges = await ensureGlobalChanges(client);
  return { catalog, journal, channels, globalChanges };
}

/** Whether `_db_updates` works: 'unsupported' on a server without it (PouchDB Server). */
export type GlobalChanges = 'present' | 'created' | 'not-admin' | 'unsupported';

/**
 * `_db_updates` (how the seller's device can learn which channels changed, on CouchDB) needs
 * the `_global_changes` database, which a single node does not make by itself: made here,
 * by the server's admin, when `_db_updates` says it is missing.
 */
export async function ensureGlobalChanges(client: CouchClient): Promise<GlobalChanges> {
  try {
    await client.request('GET', '_db_updates?limit=1');
    return 'present';
  } catch (error) {
    if (!(error instanceof CouchError)) throw error;
    if (error.status === 400) return 'unsupported'; // PouchDB Server 4.2
    if (error.status === 401 || error.status === 403) return 'not-admin';
    if (error.status !== 404 && !missingTarget(error)) throw error;
  }
  const { userCtx } = await client.session();
  if (!userCtx.roles.includes('_admin')) return 'not-admin';
  try {
    await client.createDb('_global_changes');
  } catch (error) {
    // Another set-up made it between our two requests: it is there, which is all we want.
    if (error instanceof CouchError && error.status === 412) return 'present';
    throw error;
  }
  return 'created';
}

/**
 * CouchDB 3.5 answers `_db_updates` with a 500 `{error,missing_target}` instead of a 404 for a
 * moment after `_global_changes` is deleted (its shards still cached, their files gone; seen
 * in CI on a loaded machine). It means the same thing: the database is not there.
 */
function missingTarget(error: CouchError): boolean {
  return error.status === 500 && /missing_target/.test(`${error.error} ${error.reason}`);
}

/**
 * Creates a buyer's channel if missing and makes it the shop's: the buyer as member only,
 * the current rules, an identity. Safe on a channel couch_peruser made (where the buyer is
 * its admin): `_security` is replaced, and the rules installed over whatever was there.
 */
export async function adoptChannel(client: CouchClient, buyer: string, options: RulesOptions): Promise<DbSetUp> {
  if (!USER_NAME_PATTERN.test(buyer)) throw new RangeError(`"${buyer}" is not a buyer's user name this shop accepts.`);
  return setUpDb(client, channelDb(buyer), channelSecurity(buyer), buildRules(options).channel);
}

async function setUpDb(client: CouchClient, db: string, security: SecurityObject, rules: RulesDesignDoc): Promise<DbSetUp> {
  const created = await createIfMissing(client, db);
  // Security first: until it is set, a fresh database may be open to more people than it should.
  let securityChanged = false;
  if (!sameSecurity(await client.getSecurity(db), security)) {
    await client.putSecurity(db, security);
    securityChanged = true;
  }
  const current = await client.get<{ _rev: string }>(db, rules._id);
  let rulesChanged = false;
  if (rulesNeedUpdate(current, rules)) {
    await client.put(db, current ? { ...rules, _rev: current._rev } : rules);
    rulesChanged = true;
  }
  // Every design document's rules run on every write, the shop's own included: one left by
  // a buyer who was admin of their channel (couch_peruser) could refuse the shop's decisions.
  for (const other of await client.designDocs(db)) {
    if (other.id === rules._id) continue;
    const name = encodeURIComponent(other.id.slice('_design/'.length));
    await client.request('DELETE', `${encodeURIComponent(db)}/_design/${name}?rev=${encodeURIComponent(other.rev)}`);
    rulesChanged = true;
  }
  let identity = false;
  if (!(await client.get(db, IDENTITY_DOC_ID))) {
    const doc: IdentityDoc = { _id: IDENTITY_DOC_ID, type: 'db-identity', uuid: crypto.randomUUID() };
    try {
      await client.put(db, doc);
      identity = true;
    } catch (error) {
      // Another device (or a second run) wrote it first: theirs is the identity.
      if (!(error instanceof CouchError && error.status === 409)) throw error;
    }
  }
  return { db, created, security: securityChanged, rules: rulesChanged, identity };
}

/**
 * Creates `db` unless it exists. Asks first, and creates only as the server's admin: PouchDB
 * Server 4.2 crashes (the whole server: "db.info is not a function") when anyone else sends
 * `PUT /<db>`, where CouchDB would just answer 401. The extra requests happen only for a
 * missing database.
 */
async function createIfMissing(client: CouchClient, db: string): Promise<boolean> {
  try {
    await client.info(db);
    return false;
  } catch (error) {
    if (!(error instanceof CouchError && error.status === 404)) throw error;
  }
  const { userCtx } = await client.session();
  if (!userCtx.roles.includes('_admin')) throw new CouchError(403, 'forbidden', `Only the server's admin can create the database ${db}.`);
  return client.createDb(db);
}
