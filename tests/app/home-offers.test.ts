/**
 * The home's team strip on a real shop's buyer device, where every team arrives in the public
 * shape (a count and initials, no members: domain/public-copy.ts). It once counted `members`
 * and so showed every open team as "0 of 3 joined" there, and a full one as open.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { publicTeam, type Decision, type TeamId } from '../../src/domain/index.ts';
import { homeOffers } from '../../src/app/queries/home-offers.ts';
import { storeDecisions } from '../../src/storage/index.ts';
import { buyer, cid, HOUR, line, m, optionTea, order, pid, seller, SHOP, stocks, T0 } from '../domain/fixtures/shop.ts';
import { ann, bo, cy, freshDb, History, PRODUCTS } from '../storage/helpers.ts';

/** What a buyer's device stores: every team public-shaped, as the catalog and its channel carry it. */
const asPulled = (ds: readonly Decision[]) => ds.map((d) => (d.set.teams ? { ...d, set: { ...d.set, teams: d.set.teams.map(publicTeam) } } : d));

describe('homeOffers with public teams', () => {
  it('counts who joined from the public count, and leaves a full team out', async () => {
    const h = new History();
    h.step([
      seller('shop.save', { shop: SHOP }),
      ...PRODUCTS.map((p) => seller('product.save', { product: p, stock: 20 })),
      ...[ann, bo, cy].map((b) => seller('wallet.credit', { buyer: b, amount: m(10_000), method: 'cash', note: '' })),
    ], T0);
    const lead = order(cy, T0 + HOUR, [line('duck', 1, 'team')], 2000, { team: { action: 'start' } });
    h.step([lead], T0 + HOUR);
    const join = (who: typeof ann, at: number) => order(who, at, [line('duck', 1, 'team')], 2000, { team: { action: 'join', teamId: lead.id as string as TeamId } });
    h.step([join(ann, T0 + 2 * HOUR)], T0 + 2 * HOUR);

    const db = freshDb();
    await storeDecisions(db, asPulled(h.decisions));
    const offers = await homeOffers(db, buyer('dee'), T0 + 3 * HOUR);
    expect(offers.teams.map((t) => [t.team.id, t.joined, t.mine])).toEqual([[lead.id, 2, false]]);
    expect((await homeOffers(db, ann, T0 + 3 * HOUR)).teams[0]?.mine).toBe(true);

    const full = h.step([join(bo, T0 + 4 * HOUR)], T0 + 4 * HOUR);
    await storeDecisions(db, asPulled(full));
    expect((await homeOffers(db, buyer('dee'), T0 + 5 * HOUR)).teams).toEqual([]);
    db.close();
  });
});

describe('homeOffers: a flash sale of a product with options', () => {
  it('carries what the sale asks of the combinations it covers, and leaves out one covering only those off sale', async () => {
    const start = T0 + HOUR;
    const sale = (combinations: { id: ReturnType<typeof cid>; price?: ReturnType<typeof m> }[]) =>
      ({ price: m(500), startsAt: start, endsAt: start + HOUR, stock: 2, perBuyerLimit: 1, combinations });
    const h = new History();
    h.step([
      seller('shop.save', { shop: SHOP }),
      // The 250 g bag at ¥20 of its own: the sale's ¥5 is no combination's price.
      seller('product.save', { product: optionTea({ flash: sale([{ id: cid('c3'), price: m(2000) }]) }), stock: 0, stocks: stocks({ c1: 1, c2: 1, c3: 5, c4: 3 }) }),
      // Only the 250 g tin, which is not for sale.
      seller('product.save', { product: optionTea({ id: pid('tin'), flash: sale([{ id: cid('c4') }]) }), stock: 0, stocks: stocks({ c1: 1, c2: 1, c3: 5, c4: 3 }) }),
    ], T0);
    const db = freshDb();
    await storeDecisions(db, h.decisions);
    const { flash } = await homeOffers(db, buyer('dee'), start + 60_000);
    expect(flash.map((f) => [f.product.id, f.span?.min, f.span?.covered.map((c) => c.id)])).toEqual([['tea', 2000, ['c3']]]);
    db.close();
  });
});
