// The server's rules (src/sync/rules.ts): first the validate_doc_update text evaluated here in
// Node, branch by branch; then real servers (CouchDB, PouchDB Server) set up by setUpShop, where each refusal
// has a matching accepted write, so no test passes because everything is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuyerIntent } from '../../src/domain/events.ts';
import { validateIntent } from '../../src/domain/validate/index.ts';
import { CouchClient, CouchError } from '../../src/sync/couch-client.ts';
import { catalogDb, channelDb, IDENTITY_DOC_ID, journalDb } from '../../src/sync/names.ts';
import {
  buildRules, catalogSecurity, channelNeedsAdoption, channelSecurity, RULES_DOC_ID, RULES_VERSION, type RulesDesignDoc,
} from '../../src/sync/rules.ts';
import { adoptChannel, ensureGlobalChanges, setUpShop } from '../../src/sync/setup-shop.ts';
import { buyerIntents, decisions } from '../domain/fixtures/events-fixture.ts';
import { basic, CONTRACT_SERVERS, createUser, openSignUp, type TestCouch } from './couch-server.ts';

type Kind = BuyerIntent['kind'];
type Doc = Record<string, unknown> & { _id: string };
const MINUTE = 60_000;

/** A valid buyer intent as the outbox pushes it (`_id` = `id`, `sentAt` from the server's clock). */
function intent(kind: Kind, buyer: string, extra: Record<string, unknown> = {}, now = Date.now()): Doc {
  const id = crypto.randomUUID();
  return { ...buyerIntents()[kind], id, _id: id, buyer, sentAt: now, ...extra };
}

function decision(buyer: string): Doc {
  const d = decisions()['intent.rejected'];
  return { ...d, _id: d.id, buyer };
}

describe('the rule text', () => {
  type Vdu = (newDoc: unknown, oldDoc: unknown, userCtx: unknown, secObj: unknown) => void;
  const compile = (doc: RulesDesignDoc): Vdu => new Function(`return ${doc.validate_doc_update}`)() as Vdu;
  const strict = buildRules({ allowDemoTopUps: false });
  const demo = buildRules({ allowDemoTopUps: true });
  const admin = { name: 'root', roles: ['_admin'] };
  const seller = { name: 'sam', roles: ['seller'] };
  const ann = { name: 'ann', roles: [] };
  const anon = { name: null, roles: [] };

  /** The reason a write is refused, prefixed by its kind; '' when it is allowed. */
  function verdict(doc: RulesDesignDoc, newDoc: unknown, userCtx: unknown, oldDoc: unknown = null): string {
    try {
      compile(doc)(newDoc, oldDoc, userCtx, channelSecurity('ann'));
      return '';
    } catch (e) {
      const x = e as { forbidden?: string; unauthorized?: string };
      if (x.forbidden !== undefined) return `forbidden: ${x.forbidden}`;
      if (x.unauthorized !== undefined) return `unauthorized: ${x.unauthorized}`;
      throw e;
    }
  }

  it('is ES5 a CouchDB engine and PouchDB Server both evaluate', () => {
    for (const doc of [...Object.values(strict), ...Object.values(demo)]) {
      expect(doc.validate_doc_update).not.toMatch(/=>|`|\b(let|const|class)\b|\.\.\./);
      expect(doc.validate_doc_update.trimStart()).toMatch(/^function \(newDoc, oldDoc, userCtx, secObj\) \{/);
      expect(doc.rulesVersion).toBe(RULES_VERSION);
      expect(doc._id).toBe(RULES_DOC_ID);
    }
  });

  it('sample intents are ones the domain accepts', () => {
    for (const kind of Object.keys(buyerIntents()) as Kind[]) expect(validateIntent(intent(kind, 'ann')).ok, kind).toBe(true);
  });

  it('lets a buyer send every buyer intent but the demo top-up, in their name, sent now', () => {
    for (const kind of Object.keys(buyerIntents()) as Kind[]) {
      if (kind === 'wallet.demo-top-up') continue;
      expect(verdict(strict.channel, intent(kind, 'ann'), ann), kind).toBe('');
    }
    expect(verdict(strict.channel, intent('order.cancel', 'ann', { sentAt: Date.now() - 4 * MINUTE }), ann)).toBe('');
    expect(verdict(strict.channel, intent('wallet.demo-top-up', 'ann'), ann)).toBe('forbidden: Play-money top-ups work only in the demo shop.');
    expect(verdict(demo.channel, intent('wallet.demo-top-up', 'ann'), ann)).toBe('');
  });

  it("refuses a buyer's anything else, saying why", () => {
    const cancel = (extra: Record<string, unknown>) => intent('order.cancel', 'ann', extra);
    const cases: [unknown, string][] = [
      [decision('ann'), 'Only the shop can write decisions.'],
      [{ _id: IDENTITY_DOC_ID, type: 'db-identity', uuid: 'x' }, 'Only your own requests to the shop can be written here.'],
      [{ _id: 'x', type: 'note' }, 'Only your own requests to the shop can be written here.'],
      [cancel({ by: 'seller' }), "Only the shop can send the seller's commands."],
      [cancel({ buyer: 'bo' }), 'You can only send requests in your own name.'],
      [cancel({ _id: 'other' }), "A request's _id must be its id."],
      [cancel({ kind: 'order.ship' }), 'This shop does not take requests of this kind: order.ship.'],
      [cancel({ kind: undefined }), 'This shop does not take requests of this kind: undefined.'],
      [cancel({ sentAt: undefined }), 'The request has no time it was sent (sentAt).'],
      [cancel({ sentAt: String(Date.now()) }), 'The request has no time it was sent (sentAt).'],
      [cancel({ sentAt: Date.now() + 10 * MINUTE }), "The request's send time is more than 5 minutes from the shop's clock. Please send it again."],
      [cancel({ sentAt: Date.now() - 10 * MINUTE }), "The request's send time is more than 5 minutes from the shop's clock. Please send it again."],
    ];
    for (const [doc, reason] of cases) expect(verdict(strict.channel, doc, ann)).toBe(`forbidden: ${reason}`);
  });

  it('refuses deletions and edits to all but the server admin, who skips every check', () => {
    const doc = intent('order.cancel', 'ann');
    expect(verdict(strict.channel, { ...doc, _deleted: true }, ann)).toBe('forbidden: Nothing sent to the shop can be deleted.');
    expect(verdict(strict.channel, { ...doc, _deleted: true }, seller)).toBe('forbidden: Nothing sent to the shop can be deleted.');
    expect(verdict(strict.channel, doc, ann, doc)).toBe('forbidden: Nothing sent to the shop can be changed once it is there.');
    expect(verdict(strict.channel, decision('ann'), seller, decision('ann'))).toBe('forbidden: Nothing sent to the shop can be changed once it is there.');
    // A deleted "old" document is no edit (only an admin could have deleted it).
    expect(verdict(strict.channel, doc, ann, { _id: doc._id, _deleted: true })).toBe('');
    for (const d of [{ _id: 'x', _deleted: true }, { _id: 'y', whatever: 1 }, intent('wallet.demo-top-up', 'bo', { sentAt: 0 })]) {
      expect(verdict(strict.channel, d, admin, d)).toBe('');
    }
  });

  it('lets the seller write decisions, the identity and its messages into a channel, nothing else', () => {
    expect(verdict(strict.channel, decision('ann'), seller)).toBe('');
    expect(verdict(strict.channel, { _id: IDENTITY_DOC_ID, type: 'db-identity', uuid: 'u' }, seller)).toBe('');
    expect(verdict(strict.channel, intent('order.cancel', 'ann'), seller)).toBe("forbidden: The shop writes only its decisions and messages into a buyer's channel.");
  });

  it('asks anonymous writers to sign in', () => {
    expect(verdict(strict.channel, intent('order.cancel', 'ann'), anon)).toBe('unauthorized: Please sign in first.');
    expect(verdict(strict.channel, intent('order.cancel', 'ann'), undefined)).toBe('unauthorized: Please sign in first.');
    expect(verdict(strict.catalog, { _id: 'p' }, anon)).toBe('unauthorized: Please sign in first.');
  });

  it('lets only the seller and the admin write the catalog and the journal, edits included', () => {
    for (const [doc, reason] of [[strict.catalog, 'Only the shop can change its catalog.'], [strict.journal, "Only the shop can write to the shop's journal."]] as const) {
      expect(verdict(doc, { _id: 'p', name: 'Tea' }, seller, { _id: 'p', name: 'Tee' })).toBe('');
      expect(verdict(doc, { _id: 'p', _deleted: true }, admin)).toBe('');
      expect(verdict(doc, { _id: 'p', name: 'Tea' }, ann)).toBe(`forbidden: ${reason}`);
      expect(verdict(doc, intent('order.cancel', 'ann'), ann)).toBe(`forbidden: ${reason}`);
    }
  });
});

describe('channelNeedsAdoption', () => {
  const rules = buildRules({ allowDemoTopUps: false }).channel;
  const demoRules = buildRules({ allowDemoTopUps: true }).channel;

  it('is false only for exactly the buyer as member, the seller role, and the current rules', () => {
    expect(channelNeedsAdoption(channelSecurity('ann'), { ...rules, _rev: '3-x' }, 'ann')).toBe(false);
    // Order of names and roles does not matter; a missing list is an empty one.
    expect(channelNeedsAdoption({ admins: { roles: ['_admin'] }, members: { roles: ['seller'], names: ['ann'] } }, rules, 'ann')).toBe(false);
    expect(channelNeedsAdoption(channelSecurity('ann'), demoRules, 'ann')).toBe(false);
    expect(channelNeedsAdoption(channelSecurity('ann'), demoRules, 'ann', { allowDemoTopUps: false })).toBe(true);
  });

  it('is true for what couch_peruser makes, a tampered _security, or old or missing rules', () => {
    const peruser = { admins: { names: ['ann'], roles: [] }, members: { names: ['ann'], roles: [] } };
    expect(channelNeedsAdoption(peruser, rules, 'ann')).toBe(true);
    expect(channelNeedsAdoption({ ...channelSecurity('ann'), admins: { names: ['ann'], roles: ['_admin'] } }, rules, 'ann')).toBe(true);
    expect(channelNeedsAdoption({ ...channelSecurity('ann'), members: { names: ['ann', 'bo'], roles: ['seller'] } }, rules, 'ann')).toBe(true);
    expect(channelNeedsAdoption(channelSecurity('bo'), rules, 'ann')).toBe(true);
    expect(channelNeedsAdoption({}, rules, 'ann')).toBe(true);
    expect(channelNeedsAdoption(null, rules, 'ann')).toBe(true);
    expect(channelNeedsAdoption(channelSecurity('ann'), undefined, 'ann')).toBe(true);
    expect(channelNeedsAdoption(channelSecurity('ann'), { ...rules, rulesVersion: RULES_VERSION - 1 }, 'ann')).toBe(true);
    expect(channelNeedsAdoption(channelSecurity('ann'), { ...rules, validate_doc_update: 'function () {}' }, 'ann')).toBe(true);
    expect(channelNeedsAdoption(channelSecurity('ann'), buildRules({ allowDemoTopUps: false }).catalog, 'ann')).toBe(true);
  });
});

for (const server of CONTRACT_SERVERS) describe.skipIf(!server.given)(`on ${server.name}`, () => {
  let couch: TestCouch;
  let ann: CouchClient;
  let bo: CouchClient;
  let seller: CouchClient;
  let anon: CouchClient;
  const ANN = channelDb('ann');
  const BO = channelDb('bo');
  const CATALOG = catalogDb('shop');
  const JOURNAL = journalDb('shop');

  beforeAll(async () => {
    couch = await server.start();
    const client = (user: string) => new CouchClient({ url: couch.url, authorization: basic(user, `${user}-pw`) });
    for (const [name, roles] of [['ann', []], ['bo', []], ['cy', []], ['sam', ['seller']]] as const) {
      await createUser(couch.admin, name, `${name}-pw`, [...roles]);
    }
    await setUpShop(couch.admin, 'shop', { allowDemoTopUps: false, buyers: ['ann', 'bo'] });
    [ann, bo, seller] = [client('ann'), client('bo'), client('sam')];
    anon = new CouchClient({ url: couch.url });
  }, 60_000);

  afterAll(async () => {
    await couch?.stop();
  });

  /** Expects the server to refuse: 401 or 403, never a crash (500) or a missing database (404). */
  async function refused(p: Promise<unknown>, reason?: string | RegExp): Promise<CouchError> {
    const error = await p.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error, 'the server accepted it').toBeInstanceOf(CouchError);
    const e = error as CouchError;
    expect([401, 403], e.message).toContain(e.status);
    if (reason !== undefined) expect(e.reason).toMatch(reason);
    return e;
  }

  /**
   * Expects a non-admin's `PUT /<db>/_security` to be refused and the security object to be
   * unchanged, which is what matters: CouchDB 3.5 answers it with 500 (`no_majority`),
   * PouchDB Server with 401 or 403.
   */
  async function securityRefused(client: CouchClient, db: string, security: Record<string, unknown>): Promise<void> {
    const before = await couch.admin.getSecurity(db);
    expect(before, 'the test would prove nothing').not.toEqual(security);
    const error = await client.putSecurity(db, security).then(() => undefined, (e: unknown) => e);
    expect(error, 'the server accepted it').toBeInstanceOf(CouchError);
    expect(await couch.admin.getSecurity(db)).toEqual(before);
  }

  describe('setUpShop', () => {
    it('made each database with its _security, rules and identity', async () => {
      for (const db of [CATALOG, JOURNAL, ANN, BO]) {
        expect((await couch.admin.get<RulesDesignDoc>(db, RULES_DOC_ID))?.rulesVersion, db).toBe(RULES_VERSION);
        expect((await couch.admin.get<{ uuid: string }>(db, IDENTITY_DOC_ID))?.uuid, db).toMatch(/^[0-9a-f-]{36}$/);
      }
      expect(await couch.admin.getSecurity(CATALOG)).toEqual(catalogSecurity());
      expect(channelNeedsAdoption(await couch.admin.getSecurity(ANN), await couch.admin.get(ANN, RULES_DOC_ID), 'ann')).toBe(false);
    });

    it('changes nothing when run again, and puts back rules that were changed', async () => {
      const before = await couch.admin.get<{ uuid: string }>(JOURNAL, IDENTITY_DOC_ID);
      const again = await setUpShop(couch.admin, 'shop', { allowDemoTopUps: false, buyers: ['ann'] });
      for (const r of [again.catalog, again.journal, ...again.channels]) expect(r).toEqual({ db: r.db, created: false, security: false, rules: false, identity: false });
      expect((await couch.admin.get<{ uuid: string }>(JOURNAL, IDENTITY_DOC_ID))?.uuid).toBe(before?.uuid);

      const old = (await couch.admin.get<RulesDesignDoc>(CATALOG, RULES_DOC_ID))!;
      await couch.admin.put(CATALOG, { ...old, rulesVersion: 0, validate_doc_update: 'function () {}' });
      expect((await setUpShop(couch.admin, 'shop', { allowDemoTopUps: false })).catalog.rules).toBe(true);
      expect(await couch.admin.get(CATALOG, RULES_DOC_ID)).toMatchObject({ rulesVersion: RULES_VERSION, validate_doc_update: old.validate_doc_update });
    });

    it('makes _global_changes where _db_updates needs it, as the admin; says where there is no _db_updates', async () => {
      if (server.pouch) {
        expect((await setUpShop(couch.admin, 'shop', { allowDemoTopUps: false })).globalChanges).toBe('unsupported');
        return;
      }
      await couch.admin.deleteDb('_global_changes');
      // A 404, or for a moment after the delete a 500 `{error,missing_target}` (CouchDB 3.5 on a loaded machine).
      const gone = await couch.admin.request('GET', '_db_updates?limit=1').then(() => undefined, (e: unknown) => e);
      expect(gone).toBeInstanceOf(CouchError);
      expect((gone as CouchError).status === 404 || /missing_target/.test((gone as CouchError).error), String(gone)).toBe(true);
      expect(await ensureGlobalChanges(seller)).toBe('not-admin');
      expect((await setUpShop(couch.admin, 'shop', { allowDemoTopUps: false })).globalChanges).toBe('created');
      expect(await couch.admin.request('GET', '_db_updates?limit=1')).toHaveProperty('results');
      expect((await setUpShop(couch.admin, 'shop', { allowDemoTopUps: false })).globalChanges).toBe('present');
    });

    it('refuses a name that cannot be a shop', async () => {
      await expect(setUpShop(couch.admin, 'Bad Shop', { allowDemoTopUps: false })).rejects.toThrow(/cannot be a shop's name/);
    });
  });

  describe('a buyer in their own channel', () => {
    it('may send intents, and read them back (control)', async () => {
      const docs = (Object.keys(buyerIntents()) as Kind[]).filter((k) => k !== 'wallet.demo-top-up').map((k) => intent(k, 'ann'));
      const results = await ann.bulkDocs(ANN, docs);
      expect(results.every((r) => r.ok), JSON.stringify(results)).toBe(true);
      expect((await ann.request<{ rows: { id: string }[] }>('GET', `${ANN}/_all_docs`)).rows.map((r) => r.id)).toEqual(expect.arrayContaining(docs.map((d) => d._id)));
      expect((await ann.changes(ANN, { since: 0, limit: 100 })).results.length).toBeGreaterThan(docs.length);
    });

    it('may not top up the wallet with play money when the shop is real', async () => {
      await refused(ann.put(ANN, intent('wallet.demo-top-up', 'ann')), /only in the demo shop/);
    });

    it('may top up with play money in a channel adopted with demo top-ups (control)', async () => {
      await adoptChannel(couch.admin, 'cy', { allowDemoTopUps: true });
      const cy = new CouchClient({ url: couch.url, authorization: basic('cy', 'cy-pw') });
      expect((await cy.put(channelDb('cy'), intent('wallet.demo-top-up', 'cy'))).ok).toBe(true);
    });

    it('may not write a decision', async () => {
      await refused(ann.put(ANN, decision('ann')), 'Only the shop can write decisions.');
      // Through _bulk_docs (what the outbox uses) the refusal comes per document.
      const [row] = await ann.bulkDocs(ANN, [decision('ann')]);
      expect(row).toMatchObject({ error: 'forbidden', reason: 'Only the shop can write decisions.' });
    });

    it("may not send a seller's command", async () => {
      await refused(ann.put(ANN, intent('order.cancel', 'ann', { by: 'seller' })), /seller's commands/);
    });

    it('may not edit an event it sent', async () => {
      const doc = intent('order.cancel', 'ann');
      const { rev } = await ann.put(ANN, doc);
      await refused(ann.put(ANN, { ...doc, _rev: rev, reason: 'changed' }), /can be changed/);
    });

    it('may not delete an event it sent', async () => {
      const doc = intent('order.cancel', 'ann');
      const { rev } = await ann.put(ANN, doc);
      await refused(ann.request('DELETE', `${ANN}/${doc._id}?rev=${rev}`), /can be deleted/);
      await refused(ann.put(ANN, { _id: doc._id, _rev: rev, _deleted: true }), /can be deleted/);
      expect(await ann.get(ANN, doc._id)).toMatchObject({ _rev: rev });
    });

    it("may not send an intent whose sentAt is 10 minutes from the server's clock", async () => {
      const now = couch.admin.clock.now();
      await refused(ann.put(ANN, intent('order.cancel', 'ann', {}, now + 10 * MINUTE)), /5 minutes/);
      await refused(ann.put(ANN, intent('order.cancel', 'ann', {}, now - 10 * MINUTE)), /5 minutes/);
    });

    it("may not send an intent in someone else's name", async () => {
      await refused(ann.put(ANN, intent('order.cancel', 'bo')), /your own name/);
    });

    it('may not replace the rules or the _security', async () => {
      const current = (await ann.get<RulesDesignDoc>(ANN, RULES_DOC_ID))!;
      await refused(ann.put(ANN, { ...current, validate_doc_update: 'function () {}' }));
      await refused(ann.put(ANN, { _id: '_design/mine', validate_doc_update: 'function () {}' }));
      await securityRefused(ann, ANN, { admins: { names: ['ann'] }, members: { names: ['ann'] } });
    });
  });

  describe("another buyer's channel", () => {
    it('is closed to writes', async () => {
      await refused(ann.put(BO, intent('order.cancel', 'ann')));
      await refused(ann.put(BO, intent('order.cancel', 'bo')));
      expect((await bo.put(BO, intent('order.cancel', 'bo'))).ok).toBe(true); // control
    });

    it('is closed to reads: _all_docs, _changes, a document', async () => {
      await refused(ann.request('GET', `${BO}/_all_docs`));
      await refused(ann.changes(BO, { since: 0, limit: 10 }));
      await refused(ann.get(BO, IDENTITY_DOC_ID));
      expect((await bo.changes(BO, { since: 0, limit: 10 })).results.length).toBeGreaterThan(0); // control
    });
  });

  describe('the catalog and the journal', () => {
    it('refuses a buyer writing into the catalog, and lets the seller (control)', async () => {
      await refused(ann.put(CATALOG, { _id: 'p-tea', type: 'product', name: 'Free tea' }), 'Only the shop can change its catalog.');
      await refused(ann.put(CATALOG, intent('order.cancel', 'ann')), 'Only the shop can change its catalog.');
      await refused(anon.put(CATALOG, { _id: 'p-tea', type: 'product' }));
      const { rev } = await seller.put(CATALOG, { _id: 'p-tea', type: 'product', name: 'Tea' });
      // The catalog is the one mutable kind: the seller edits products in place.
      expect((await seller.put(CATALOG, { _id: 'p-tea', _rev: rev, type: 'product', name: 'Green tea' })).ok).toBe(true);
    });

    it('lets anyone read the catalog, signed in or not', async () => {
      expect(await anon.get(CATALOG, 'p-tea')).toMatchObject({ name: 'Green tea' });
      expect((await anon.changes(CATALOG, { since: 0, limit: 10 })).results.length).toBeGreaterThan(0);
      expect((await ann.request<{ rows: unknown[] }>('GET', `${CATALOG}/_all_docs`)).rows.length).toBeGreaterThan(0);
    });

    it('refuses a buyer writing into or reading the journal, and lets the seller (control)', async () => {
      await refused(ann.put(JOURNAL, decision('ann')));
      await refused(ann.request('GET', `${JOURNAL}/_all_docs`));
      await refused(ann.changes(JOURNAL, { since: 0, limit: 10 }));
      expect((await seller.put(JOURNAL, decision('ann'))).ok).toBe(true);
      expect((await seller.changes(JOURNAL, { since: 0, limit: 10 })).results.length).toBeGreaterThan(0);
    });

    it("refuses anonymous reads of a buyer's channel and of the journal", async () => {
      await refused(anon.request('GET', `${ANN}/_all_docs`));
      await refused(anon.changes(ANN, { since: 0, limit: 10 }));
      await refused(anon.request('GET', `${JOURNAL}/_all_docs`));
      await refused(anon.get(JOURNAL, IDENTITY_DOC_ID));
    });
  });

  describe('the seller (role seller, not the server admin)', () => {
    it("writes decisions into a buyer's channel and reads it", async () => {
      expect((await seller.put(ANN, decision('ann'))).ok).toBe(true);
      expect((await seller.changes(ANN, { since: 0, limit: 100 })).results.length).toBeGreaterThan(0);
      await refused(seller.put(ANN, intent('order.cancel', 'ann')), /only its decisions/);
    });

    it.runIf(server.pouch)('cannot list _users on PouchDB Server 4.2 (it fails even for a member role); the admin can', async () => {
      expect(await couch.admin.userNames()).toEqual(expect.arrayContaining(['ann', 'bo', 'sam']));
      const error = await seller.userNames().then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(CouchError);
      // Not a clean 401: PouchDB Server answers 400 "Cannot read properties of undefined (reading 'getSecurity')".
      expect((error as CouchError).status).toBeGreaterThanOrEqual(400);
    });

    it('cannot adopt a channel (that takes the server admin), but can check an adopted one', async () => {
      await securityRefused(seller, ANN, { ...channelSecurity('ann'), members: { names: ['ann', 'sam'], roles: ['seller'] } });
      await refused(adoptChannel(seller, 'ann', { allowDemoTopUps: true }));
      // A missing channel: refused before any `PUT /<db>`, which would crash PouchDB Server.
      await refused(adoptChannel(seller, 'eve', { allowDemoTopUps: false }), /Only the server's admin/);
      expect(await anon.request('GET', '_session')).toHaveProperty('userCtx'); // the server is still up
      expect(await adoptChannel(seller, 'ann', { allowDemoTopUps: false })).toEqual({ db: ANN, created: false, security: false, rules: false, identity: false });
    });
  });

  // What PouchDB Server does that CouchDB does not, kept here so a reader sees the limits.
  describe.runIf(server.pouch)('PouchDB Server, as it is', () => {
    it('any user can give themselves the seller role in _users (CouchDB: "Only _admin may set roles")', async () => {
      await createUser(couch.admin, 'mal', 'mal-pw');
      const mal = new CouchClient({ url: couch.url, authorization: basic('mal', 'mal-pw') });
      const own = (await mal.get<Doc>('_users', 'org.couchdb.user:mal'))!;
      await mal.put('_users', { ...own, roles: ['seller'] });
      expect((await mal.session()).userCtx.roles).toEqual(['seller']);
      // Only at sign-up are roles refused.
      await refused(anon.put('_users', { _id: 'org.couchdb.user:mal2', name: 'mal2', password: 'p', roles: ['seller'], type: 'user' }), /Only _admin may set roles/);
    });

    it("a member can rewrite _local/_security, and channelNeedsAdoption sees it", async () => {
      const dan = 'dan';
      await createUser(couch.admin, dan, 'dan-pw');
      await adoptChannel(couch.admin, dan, { allowDemoTopUps: false });
      const client = new CouchClient({ url: couch.url, authorization: basic(dan, 'dan-pw') });
      const local = (await client.get<Doc>(channelDb(dan), '_local/_security'))!;
      await client.put(channelDb(dan), { ...local, security: { admins: { names: [dan] }, members: { names: [dan] } } });
      expect(channelNeedsAdoption(await couch.admin.getSecurity(channelDb(dan)), await couch.admin.get(channelDb(dan), RULES_DOC_ID), dan)).toBe(true);
      expect((await adoptChannel(couch.admin, dan, { allowDemoTopUps: false })).security).toBe(true);
    });

    it('passes the winning revision as oldDoc even to new_edits:false, so a forged sibling is refused (CouchDB 3.5 accepts it)', async () => {
      const doc = intent('order.cancel', 'ann');
      const { rev } = await ann.put(ANN, doc);
      const [row] = await ann.request<{ error?: string }[]>('POST', `${ANN}/_bulk_docs`, {
        new_edits: false,
        docs: [{ ...doc, _rev: '1-ffffffffffffffffffffffffffffffff', reason: 'forged' }],
      });
      expect(row).toMatchObject({ error: 'forbidden' });
      expect(await couch.admin.get(ANN, doc._id, '?conflicts=true')).toMatchObject({ _rev: rev, reason: doc.reason });
      expect(await couch.admin.get(ANN, doc._id, '?conflicts=true')).not.toHaveProperty('_conflicts');
      // A new id through new_edits:false is judged by its content like any other write.
      const fresh = intent('order.cancel', 'ann');
      expect(await ann.request('POST', `${ANN}/_bulk_docs`, { new_edits: false, docs: [{ ...fresh, _rev: '1-ab' }] })).toEqual([]);
      const [bad] = await ann.request<{ error?: string }[]>('POST', `${ANN}/_bulk_docs`, { new_edits: false, docs: [{ ...decision('ann'), _rev: '1-ab' }] });
      expect(bad).toMatchObject({ error: 'forbidden' });
    });
  });

  // What CouchDB 3.5 does that the shop must live with (ARCHITECTURE.md §8), so a reader sees it.
  describe.runIf(!server.pouch)('CouchDB 3.5, as it is', () => {
    it('keeps _users to its admin until sign-up is opened; then a user may not give themselves the seller role', async () => {
      await refused(anon.signUp('mal', 'mal-pw'));
      await openSignUp(couch);
      await anon.signUp('mal', 'mal-pw'); // control: open now
      const mal = new CouchClient({ url: couch.url, authorization: basic('mal', 'mal-pw') });
      const own = (await mal.get<Doc>('_users', 'org.couchdb.user:mal'))!;
      await refused(mal.put('_users', { ...own, roles: ['seller'] }), /Only _admin may edit roles/);
      await refused(anon.put('_users', { _id: 'org.couchdb.user:mal2', name: 'mal2', password: 'p', roles: ['seller'], type: 'user' }), /Only _admin may set roles/);
      expect((await mal.session()).userCtx.roles).toEqual([]);
    });

    it("takes a member's made-up sibling revision (new_edits:false), which then wins: the authority checks _conflicts", async () => {
      const doc = intent('order.cancel', 'ann');
      const { rev } = await ann.put(ANN, doc);
      const forged = `1-${'f'.repeat(32)}`;
      expect(await ann.request('POST', `${ANN}/_bulk_docs`, { new_edits: false, docs: [{ ...doc, _rev: forged, reason: 'forged' }] })).toEqual([]);
      const now = await couch.admin.get<Doc>(ANN, doc._id, '?conflicts=true');
      expect(now).toMatchObject({ _rev: forged, reason: 'forged', _conflicts: [rev] });
    });

    it("makes the buyer an admin of their channel again when their user document changes; adoption sees it and undoes it", async () => {
      await createUser(couch.admin, 'dan', 'dan-pw');
      await adoptChannel(couch.admin, 'dan', { allowDemoTopUps: false });
      const channel = channelDb('dan');
      expect(channelNeedsAdoption(await couch.admin.getSecurity(channel), await couch.admin.get(channel, RULES_DOC_ID), 'dan')).toBe(false);
      // A password change (by the buyer or the admin) is a change of the user document.
      const user = (await couch.admin.get<Doc>('_users', 'org.couchdb.user:dan'))!;
      await couch.admin.put('_users', { ...user, password: 'dan-pw2' });
      const deadline = Date.now() + 10_000;
      while (!channelNeedsAdoption(await couch.admin.getSecurity(channel), await couch.admin.get(channel, RULES_DOC_ID), 'dan')) {
        expect(Date.now(), 'couch_peruser left the adopted _security alone').toBeLessThan(deadline);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await couch.admin.getSecurity(channel)).toMatchObject({ admins: { names: ['dan'] } });
      expect((await adoptChannel(couch.admin, 'dan', { allowDemoTopUps: false })).security).toBe(true);
      expect(channelNeedsAdoption(await couch.admin.getSecurity(channel), await couch.admin.get(channel, RULES_DOC_ID), 'dan')).toBe(false);
    });
  });
});
