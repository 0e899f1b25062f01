// Public means public (issue 15): the seller's device publishes a team with its count and its
// members' initials and a review with its writer's initials (publish.ts catalogCopy); the
// catalog's rules refuse a document that names a buyer or an order, on the real servers; and a
// buyer's device reads an older document already on a server in the public shape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Decision } from '../../src/domain/index.ts';
import { channelCopy, emptyState, publicTeam, type BuyerId, type EventId, type OrderId } from '../../src/domain/index.ts';
import { catalogCopy } from '../../src/sync/authority/publish.ts';
import { stateDocs } from '../../src/sync/authority/publish-state.ts';
import { catalogDocVersion, teamDocId } from '../../src/sync/catalog-state.ts';
import { CouchClient, CouchError, type Change } from '../../src/sync/couch-client.ts';
import { readCatalogCopy, readChannelNews, readDecision } from '../../src/sync/incoming.ts';
import { catalogDb } from '../../src/sync/names.ts';
import { setUpShop } from '../../src/sync/setup-shop.ts';
import { decisions } from '../domain/fixtures/events-fixture.ts';
import { basic, CONTRACT_SERVERS, createUser, type TestCouch } from './couch-server.ts';

const NAMES = /alice|bob|carol/;

/** What the seller's device published before this change: the decision's public keys as they were. */
function oldCopy(d: Decision): Record<string, unknown> & { _id: string } {
  const copy: Record<string, unknown> = { ...d };
  for (const key of ['intentId', 'intentRev', 'buyer', 'message', 'reason']) delete copy[key];
  const set: Record<string, unknown> = { ...d.set };
  delete set.orders;
  delete set.withdrawals;
  return { ...copy, id: `c.${d.id}`, _id: `c.${d.id}`, postings: [], set };
}

const change = (doc: Record<string, unknown>): Change => ({ id: String(doc._id), seq: 1, changes: [{ rev: '1-a' }], doc });

describe("a decision's catalog copy", () => {
  it('carries a team\'s count and initials and a review\'s initials, never a name or an order id', () => {
    const team = decisions()['team.succeeded'];
    const review = decisions()['review.published'];
    const teamCopy = catalogCopy(team)!;
    expect(teamCopy.set.teams![0]).toMatchObject({ members: [], joined: 3, initials: ['B', 'A', 'C'] });
    expect(teamCopy.set.teams![0]).not.toHaveProperty('leader');
    expect(JSON.stringify(teamCopy)).not.toMatch(NAMES);
    const reviewCopy = catalogCopy(review)!;
    expect(reviewCopy.set.reviews![0]).toMatchObject({ initials: 'A' });
    expect(JSON.stringify(reviewCopy)).not.toMatch(NAMES);
    expect(JSON.stringify(reviewCopy)).not.toContain(review.set.reviews![0]!.orderId!);
  });

  it("as a current-state document (format 2): a team's count and initials, a review's initials, read back the same", () => {
    // A team still forming (an ended one leaves the catalog: catalog-teams.test.ts).
    const team = { ...decisions()['team.succeeded'].set.teams![0]!, status: 'forming' as const };
    const review = decisions()['review.published'].set.reviews![0]!;
    const state = {
      n: 40, shop: undefined, products: new Map(), inventory: new Map(), promotions: new Map(),
      teams: new Map([[team.id, { n: 39, value: team }]]), reviews: new Map([[review.id, review]]), usage: emptyState().usage,
    };
    const docs = stateDocs(state, { shop: false, products: new Set(), promotions: new Set(), teams: new Set([team.id]), reviews: new Set([review.id]) }, Date.UTC(2026, 11, 2));
    expect(docs.map((d) => d._id)).toEqual([`team.${team.id}`, `review.${review.id}`]);
    expect(JSON.stringify(docs)).not.toMatch(NAMES);
    expect(JSON.stringify(docs)).not.toContain(review.orderId!);
    for (const doc of docs) {
      const read = readCatalogCopy({ id: doc._id, seq: 1, changes: [{ rev: '3-a' }], doc: { ...doc } });
      expect(read, doc._id).toMatchObject({ ok: { id: `${doc._id}:40`, n: 40, postings: [] } });
    }
    expect(docs[0]!.set.teams![0]).toMatchObject({ members: [], joined: 3, initials: ['B', 'A', 'C'] });
    // An app from before format 2 reads every catalog document as a decision: it sets these aside saying to update.
    const old = readDecision({ id: docs[0]!._id, seq: 1, changes: [{ rev: '1-a' }], doc: { ...docs[0]! } });
    expect(old).toEqual({ problems: [expect.stringMatching(/unsupported version 1002; update the app/)] });
  });

  it("a buyer's channel copy names no one else, and one written before that is read so", () => {
    // alice's acceptance carries the team she is in, with bob and carol in it.
    const d = decisions()['team.succeeded'];
    const copy = channelCopy(d);
    expect(copy.set.teams![0]).toMatchObject({ members: [], joined: 3, initials: ['B', 'A', 'C'] });
    expect(copy.set.orders!.map((o) => o.buyer)).toEqual(['alice']);
    expect(JSON.stringify(copy.set.teams)).not.toMatch(NAMES);
    expect(copy.postings).toEqual(d.postings);
    // Someone else's order or review in the same decision would not travel with it either.
    const bobs = { ...d.set.orders![0]!, id: 'o-bob' as OrderId, buyer: 'bob' as BuyerId };
    const review = decisions()['review.published'].set.reviews![0]!;
    const mixed = channelCopy({ ...d, set: { ...d.set, orders: [...d.set.orders!, bobs], reviews: [review, { ...review, id: 'r-bob' as EventId, buyer: 'bob' as BuyerId }] } });
    expect(mixed.set.orders!.map((o) => o.id)).not.toContain('o-bob');
    expect(mixed.set.reviews!.map((r) => r.buyer)).toEqual(['alice', undefined]);
    // An older copy already in alice's channel, read on her device.
    const read = readChannelNews({ id: d.id, seq: 1, changes: [{ rev: '1-a' }], doc: { ...d, _id: d.id } }, 'alice' as BuyerId);
    expect(read).toEqual({ ok: copy });
  });

  it('read on a buyer\'s device from an older document still on a server: no crash, no names', () => {
    for (const d of [decisions()['team.succeeded'], decisions()['review.published'], decisions()['team.failed']]) {
      const read = readCatalogCopy(change(oldCopy(d)));
      expect(read, d.kind).toHaveProperty('ok');
      const got = (read as { ok: Decision }).ok;
      expect(JSON.stringify(got), d.kind).not.toMatch(NAMES);
      for (const t of got.set.teams ?? []) expect(t.joined).toBe(d.set.teams!.find((x) => x.id === t.id)!.members.length);
    }
  });
});

for (const server of CONTRACT_SERVERS) describe.skipIf(!server.given)(`the catalog's rules on ${server.name}`, () => {
  let couch: TestCouch;
  let seller: CouchClient;
  let anon: CouchClient;
  const CATALOG = catalogDb('shop');

  beforeAll(async () => {
    couch = await server.start();
    await createUser(couch.admin, 'sam', 'sam-pw', ['seller']);
    await setUpShop(couch.admin, 'shop', { allowDemoTopUps: false });
    seller = new CouchClient({ url: couch.url, authorization: basic('sam', 'sam-pw') });
    anon = new CouchClient({ url: couch.url });
  }, 60_000);

  afterAll(async () => {
    await couch?.stop();
  });

  async function refusedWith(p: Promise<unknown>, reason: RegExp): Promise<void> {
    const error = await p.then(() => undefined, (e: unknown) => e);
    expect(error, 'the server accepted it').toBeInstanceOf(CouchError);
    expect((error as CouchError).status).toBe(403);
    expect((error as CouchError).reason).toMatch(reason);
  }

  it("refuses the seller's team with members' names and order ids, and takes the public one (control)", async () => {
    const d = decisions()['team.succeeded'];
    await refusedWith(seller.put(CATALOG, oldCopy(d)), /The catalog is public: it must not carry the names or order ids of team .*'s members/);
    const copy = catalogCopy(d)!;
    expect((await seller.put(CATALOG, { ...copy, _id: copy.id })).ok).toBe(true);
    expect(JSON.stringify(await anon.get(CATALOG, copy.id))).not.toMatch(NAMES);
  });

  it("refuses a review with its writer's name or order, and more than initials; takes the public one (control)", async () => {
    const d = decisions()['review.published'];
    await refusedWith(seller.put(CATALOG, oldCopy(d)), /must not carry the name or order id of the writer of review/);
    const copy = catalogCopy(d)!;
    const r = copy.set.reviews![0]!;
    await refusedWith(seller.put(CATALOG, { ...copy, _id: copy.id, set: { reviews: [{ ...r, initials: 'alice' }] } }), /more than initials/);
    expect((await seller.put(CATALOG, { ...copy, _id: copy.id })).ok).toBe(true);
  });

  it('refuses a copy that names its buyer, its intent, orders or money, through _bulk_docs too', async () => {
    const d = decisions()['order.accepted'];
    const [result] = await seller.bulkDocs(CATALOG, [{ ...d, _id: `c.${d.id}` }]);
    expect(result).toMatchObject({ error: 'forbidden' });
    expect(result!.ok).not.toBe(true);
    expect(result!.reason).toMatch(/must not carry a buyer or an order id; the buyer's request it answers; money movements; orders/);
  });

  it("takes a team's current-state document, in place, and refuses one that names its members or carries an order", async () => {
    const d = decisions()['team.succeeded'];
    const team = d.set.teams![0]!;
    const doc = { _id: teamDocId(team.id), type: 'catalog-state', v: catalogDocVersion(2), format: 2, n: d.n, at: d.at, set: { teams: [team] } };
    await refusedWith(seller.put(CATALOG, doc), /The catalog is public: it must not carry the names or order ids of team .*'s members/);
    const written = await seller.put(CATALOG, { ...doc, set: { teams: [publicTeam(team)] } });
    expect(written.ok).toBe(true);
    // Written in place, as each run does.
    expect((await seller.put(CATALOG, { ...doc, _rev: written.rev, n: d.n + 1, set: { teams: [publicTeam(team)] } })).rev).toMatch(/^2-/);
    await refusedWith(seller.put(CATALOG, { ...doc, _id: 'p.tea', buyer: 'alice', set: { orders: d.set.orders ?? [] } }), /must not carry a buyer or an order id/);
    expect(JSON.stringify(await anon.get(CATALOG, doc._id))).not.toMatch(NAMES);
  });

  it('an older document written before the rules (by the admin here) is still read, in the public shape', async () => {
    const old = oldCopy(decisions()['team.failed']);
    await couch.admin.put(CATALOG, old);
    const page = await anon.changes(CATALOG, { since: 0, limit: 100 });
    const found = page.results.find((c) => c.id === old._id)!;
    const read = readCatalogCopy(found);
    expect(read).toHaveProperty('ok');
    expect(JSON.stringify(read)).not.toMatch(NAMES);
  });
});
