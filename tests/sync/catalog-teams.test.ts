// Finished teams leave the catalog (issue 15): a team that succeeded or failed is of no use to a
// new buyer, so the seller's device deletes its `team.<id>` document in the run that ends it
// (publish-state.ts), the deletion carrying the team's last public state. A buyer with an older
// checkpoint folds that and sees the team ended; a new buyer never pulls it; the catalog's rules
// take that deletion from the seller only. On both servers, through the seller role's own login.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apply, emptyState, isTeamOpen, type Decision, type ShopState, type TeamId } from '../../src/domain/index.ts';
import { addCheckpoint, allDecisions, applyPulled, checkpointOf, listSetAside, ShopDb } from '../../src/storage/index.ts';
import { listTeams } from '../../src/storage/queries.ts';
import { goneDocs, publishCatalogState } from '../../src/sync/authority/publish-state.ts';
import { buyerCycle } from '../../src/sync/buyer-sync.ts';
import { teamDocId } from '../../src/sync/catalog-state.ts';
import { CouchClient, CouchError } from '../../src/sync/couch-client.ts';
import { catalogDb, IDENTITY_DOC_ID, journalDb, type IdentityDoc } from '../../src/sync/names.ts';
import { setUpShop } from '../../src/sync/setup-shop.ts';
import { buyer, fund, HOUR, line, m, openShop, order, product, run, T0 } from '../domain/fixtures/shop.ts';
import { basic, CONTRACT_SERVERS, createUser, type TestCouch } from './couch-server.ts';

const duck = product('duck', { price: m(3000), team: { price: m(2000), size: 3, windowHours: 24 } });
const start = (who: string, at: number) => order(buyer(who), at, [line('duck', 1, 'team')], 2000, { team: { action: 'start' } });
const join = (who: string, teamId: string, at: number) => order(buyer(who), at, [line('duck', 1, 'team')], 2000, { team: { action: 'join', teamId: teamId as TeamId } });
let dbCount = 0;
const freshDb = (who: string) => new ShopDb(`catalog-teams-${who}-${++dbCount}-${Math.random().toString(36).slice(2)}`);

for (const server of CONTRACT_SERVERS) describe.skipIf(!server.given)(`finished teams leave the catalog, on ${server.name}`, () => {
  let couch: TestCouch;
  let sam: CouchClient;
  let ann: CouchClient;
  let anon: CouchClient;

  beforeAll(async () => {
    couch = await server.start();
    await createUser(couch.admin, 'sam', 'sam-pw', ['seller']);
    await createUser(couch.admin, 'ann', 'ann-pw');
    sam = new CouchClient({ url: couch.url, authorization: basic('sam', 'sam-pw') });
    ann = new CouchClient({ url: couch.url, authorization: basic('ann', 'ann-pw') });
    anon = new CouchClient({ url: couch.url });
  }, 60_000);
  afterAll(async () => couch?.stop());

  /** The seller's phone as far as the catalog goes: its catalog row, the decisions it stores, and publishing after a run (as the seller, not the admin). */
  async function sellerPhone(shop: string) {
    await setUpShop(couch.admin, shop, { allowDemoTopUps: false });
    const local = freshDb('seller');
    const identity = (await couch.admin.get<IdentityDoc>(catalogDb(shop), IDENTITY_DOC_ID))!.uuid;
    await addCheckpoint(local, checkpointOf(catalogDb(shop), null, identity, Date.now()));
    return {
      async publish(state: ShopState, decisions: readonly Decision[]) {
        if (decisions.length > 0) await applyPulled(local, { decisions: [...decisions], setAside: [], checkpoint: checkpointOf(journalDb(shop), null, identity, Date.now()) });
        return publishCatalogState(local, sam, shop, state, { now: () => Date.now() });
      },
    };
  }

  function browser(shop: string) {
    const local = freshDb('buyer');
    const client = new CouchClient({ url: couch.url });
    return { local, client, pull: () => buyerCycle({ local, client, shop, buyer: null, now: () => Date.now() }) };
  }

  const teamsOf = async (local: ShopDb) => apply(emptyState(), await allDecisions(local)).teams;

  async function liveIds(shop: string): Promise<string[]> {
    const res = await couch.admin.request<{ rows: { id: string }[] }>('GET', `${catalogDb(shop)}/_all_docs`);
    return res.rows.map((r) => r.id).filter((id) => !id.startsWith('_design/') && id !== 'db-identity');
  }

  it('deletes a team that succeeded and one that failed in the run that ends them; an old buyer sees them ended, a new buyer never pulls them', async () => {
    const shop = 'teams';
    const seller = await sellerPhone(shop);
    const s0 = fund(openShop([{ product: duck, stock: 10 }]), { ann: 10_000, bo: 10_000, cy: 10_000, di: 10_000 });
    expect(await seller.publish(s0, [])).toMatchObject({ all: true, written: 2, removed: 0 });

    // Two teams start: both go into the catalog, and a buyer pulls them forming.
    const full = start('ann', T0 + 1000);
    const lapsed = start('di', T0 + 1500);
    const r1 = run(s0, [full, lapsed], T0 + 2000);
    expect(await seller.publish(r1.state, r1.decisions)).toMatchObject({ all: false, removed: 0 });
    expect(await liveIds(shop)).toEqual(expect.arrayContaining([teamDocId(full.id), teamDocId(lapsed.id)]));
    const old = browser(shop);
    await old.pull();
    const seen = await teamsOf(old.local);
    expect([...seen.values()].map((t) => t.value.status)).toEqual(['forming', 'forming']);
    expect([...seen.values()].every((t) => isTeamOpen(t.value, T0 + 3000))).toBe(true);

    // One run: the first fills (joins sent before its deadline), the second's deadline passes.
    const r2 = run(r1.state, [join('bo', full.id, T0 + 2000), join('cy', full.id, T0 + 3000)], T0 + 1500 + 24 * HOUR);
    expect(r2.state.teams.get(full.id as string as TeamId)?.value.status).toBe('succeeded');
    expect(r2.state.teams.get(lapsed.id as string as TeamId)?.value.status).toBe('failed');
    expect(await seller.publish(r2.state, r2.decisions)).toMatchObject({ all: false, removed: 2 });
    expect((await liveIds(shop)).filter((id) => id.startsWith('team.'))).toEqual([]);
    expect(await liveIds(shop)).toEqual(expect.arrayContaining(['shop', 'p.duck']));

    // The buyer from before goes on from its checkpoint: both teams ended, neither open to join.
    await old.pull();
    expect(await listSetAside(old.local)).toEqual([]);
    const after = await teamsOf(old.local);
    expect(after.get(full.id as string as TeamId)?.value).toMatchObject({ status: 'succeeded', joined: 3, members: [] });
    expect(after.get(lapsed.id as string as TeamId)?.value).toMatchObject({ status: 'failed', joined: 1 });
    expect([...after.values()].some((t) => isTeamOpen(t.value, T0 + 3000))).toBe(false);
    // What the product screen lists (the stored view): no team open to join.
    expect((await listTeams(old.local, duck.id)).map((t) => t.status).sort()).toEqual(['failed', 'succeeded']);

    // A new buyer reads the shop and its product, and no team.
    const fresh = browser(shop);
    const first = await fresh.pull();
    expect(first).toMatchObject({ applied: 2, setAside: 0 });
    expect((await teamsOf(fresh.local)).size).toBe(0);
    expect(await listTeams(fresh.local, duck.id)).toEqual([]);
    expect((await allDecisions(fresh.local)).map((d) => d.id).filter((id) => id.startsWith('team.'))).toEqual([]);

    // Later runs touch the ended teams no more, and a first run (a seller's new phone) writes none.
    const again = await sellerPhone('teams-again');
    expect(await again.publish(r2.state, [])).toMatchObject({ all: true, written: 2, removed: 0 });
    expect((await liveIds('teams-again')).filter((id) => id.startsWith('team.'))).toEqual([]);
  }, 120_000);

  it("a seller's new phone, on a catalog an older one wrote, deletes the ended teams still there", async () => {
    const shop = 'teams-new-phone';
    const first = await sellerPhone(shop);
    const s0 = fund(openShop([{ product: duck, stock: 10 }]), { ann: 10_000, bo: 10_000, cy: 10_000 });
    const lead = start('ann', T0 + 1000);
    const r1 = run(s0, [lead], T0 + 1000);
    await first.publish(r1.state, []);
    expect(await liveIds(shop)).toContain(teamDocId(lead.id));
    const r2 = run(r1.state, [join('bo', lead.id, T0 + 2000), join('cy', lead.id, T0 + 3000)], T0 + 3000);
    // The new phone's first run: every thing written again, and the ended team's document deleted.
    const phone = freshDb('seller');
    const identity = (await couch.admin.get<IdentityDoc>(catalogDb(shop), IDENTITY_DOC_ID))!.uuid;
    await addCheckpoint(phone, checkpointOf(catalogDb(shop), null, identity, Date.now()));
    expect(await publishCatalogState(phone, sam, shop, r2.state, { now: () => Date.now() })).toMatchObject({ all: true, removed: 1 });
    expect(await liveIds(shop)).not.toContain(teamDocId(lead.id));
  }, 60_000);

  it("takes a team's deletion from the seller only, and judges what the deletion carries", async () => {
    const shop = 'teams-rules';
    await setUpShop(couch.admin, shop, { allowDemoTopUps: false });
    const db = catalogDb(shop);
    const s1 = run(fund(openShop([{ product: duck, stock: 10 }]), { ann: 10_000 }), [start('ann', T0 + 1000)], T0 + 1000).state;
    const [team] = [...s1.teams.values()].map((t) => ({ ...t.value, status: 'succeeded' as const }));
    const ended = { ...s1, teams: new Map([[team!.id, { n: s1.n, value: team! }]]) };
    const [tombstone] = goneDocs(ended, { shop: false, products: new Set(), promotions: new Set(), teams: new Set([team!.id]), reviews: new Set() }, Date.now());
    const put = await sam.put(db, { ...tombstone!, _deleted: undefined });
    async function refused(who: CouchClient, body: object, status: number, reason: RegExp) {
      const [r] = await who.bulkDocs(db, [{ ...body, _rev: put.rev }]);
      expect(r?.ok, 'the server took it').not.toBe(true);
      expect(r?.error).toBe(status === 401 ? 'unauthorized' : 'forbidden');
      expect(r?.reason).toMatch(reason);
    }
    await refused(ann, { _id: tombstone!._id, _deleted: true }, 403, /Only the shop can change its catalog/);
    await refused(ann, tombstone!, 403, /Only the shop can change its catalog/);
    const byAnon = await anon.bulkDocs(db, [{ ...tombstone!, _rev: put.rev }]).then((r) => r[0], (e: unknown) => e);
    expect(byAnon instanceof CouchError ? byAnon.status : (byAnon as { error?: string }).error).toMatch(/401|unauthorized/);
    // The seller's deletion that names the members is refused like any catalog document that does.
    await refused(sam, { ...tombstone!, set: { teams: [{ ...team!, members: [{ orderId: 'o1', buyer: 'ann' }] }] } }, 403, /must not carry the names or order ids/);
    // Control: the seller's own deletion, as publish-state writes it.
    const [ok] = await sam.bulkDocs(db, [{ ...tombstone!, _rev: put.rev }]);
    expect(ok).toMatchObject({ ok: true });
    expect(await anon.get(db, tombstone!._id)).toBeUndefined();
  }, 60_000);
});
