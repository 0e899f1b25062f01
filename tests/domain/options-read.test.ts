/**
 * Reading a product with options, as the product page, the cart and the seller's screens will:
 * which values are left to choose, its prices, stock, a flash sale's units left, an order's lines
 * paid, the version an intent needs, and the cart's lines checked against the catalog.
 */
import { describe, expect, it } from 'vitest';
import {
  availableValues, combinationFor, EVENT_VERSION, flashLeftOf, intentVersion, isWholeSpan, offersOnCard, offerSpan, OPTIONS_VERSION, paidByLine, priceRange, productStock,
  skuKey, skuKeysOf, type Intent, type Inventory, type Order, type PricedLine,
} from '../../src/domain/index.ts';
import { validateOrderLines } from '../../src/domain/validate/index.ts';
import { buyer, cid, cline, line, m, optionTea, order, pid, product, stocks, vid } from './fixtures/shop.ts';

const tea = optionTea();
const T = tea.id;

describe('choosing a combination', () => {
  it('offers only values that lead to a combination for sale with stock, given what is chosen', () => {
    const stock = new Map([['c1', 0], ['c2', 3], ['c3', 4], ['c4', 9]]);
    const inStock = (c: { id: string }) => (stock.get(c.id) ?? 0) > 0;
    // Nothing chosen: 100 g (tin has stock), 250 g (bag); tin (100 g) and bag (250 g). c4 is not sold.
    expect(availableValues(tea, [undefined, undefined], inStock).map((s) => [...s].sort())).toEqual([['100g', '250g'], ['bag', 'tin']]);
    // 250 g chosen: only bag (250 g tin is not sold).
    expect(availableValues(tea, [vid('250g'), undefined], inStock).map((s) => [...s].sort())).toEqual([['100g', '250g'], ['bag']]);
    // bag chosen: 100 g bag has no stock, so only 250 g.
    expect(availableValues(tea, [undefined, vid('bag')], inStock).map((s) => [...s].sort())).toEqual([['250g'], ['bag', 'tin']]);
    expect(combinationFor(tea, [vid('250g'), vid('bag')])?.id).toBe('c3');
    expect(combinationFor(tea, [vid('250g'), undefined])).toBeUndefined();
  });

  it('gives the price range over the combinations for sale, and the stock over their shelves', () => {
    expect(priceRange(tea)).toEqual({ min: 1000, max: 2200 });
    expect(priceRange(product('cup', { price: m(450) }))).toEqual({ min: 450, max: 450 });
    const shelves = new Map([[skuKey(T, cid('c1')), 1], [skuKey(T, cid('c3')), 2], [skuKey(T, cid('c4')), 50]]);
    expect(productStock(tea, (k) => shelves.get(k) ?? 0)).toBe(3);
    expect(skuKeysOf(tea)).toEqual(['tea/c1', 'tea/c2', 'tea/c3', 'tea/c4']);
    expect(skuKeysOf(product('cup'))).toEqual(['cup']);
  });

  it("says an offer's prices over the combinations it covers, before a choice: not its own price, and none it covers only off sale", () => {
    const team = { price: m(900), size: 3, windowHours: 24 };
    // Every combination for sale at one price: the page may name it plainly.
    const all = offerSpan(tea, team)!;
    expect([all.min, all.max, all.covered.map((c) => c.id), all.of, isWholeSpan(all)]).toEqual([900, 900, ['c1', 'c2', 'c3'], 3, true]);
    // Only the 250 g bag, at ¥20, and the 100 g tin at the offer's ¥9: "from ¥9", on those two only.
    const some = offerSpan(tea, { ...team, combinations: [{ id: cid('c2') }, { id: cid('c3'), price: m(2000) }] })!;
    expect([some.min, some.max, some.covered.map((c) => c.id), some.of, isWholeSpan(some)]).toEqual([900, 2000, ['c2', 'c3'], 3, false]);
    // One price, but not for all of them: not whole either.
    expect(isWholeSpan(offerSpan(tea, { ...team, combinations: [{ id: cid('c1') }] })!)).toBe(false);
    // Only the tin that is off sale: nothing the buyer can have.
    expect(offerSpan(tea, { ...team, combinations: [{ id: cid('c4') }] })).toBeUndefined();
    // Over the combinations with a value (the catalog filtered by 250 g): the bag's.
    const big = offerSpan(tea, { ...team, combinations: [{ id: cid('c1') }, { id: cid('c3'), price: m(2000) }] }, (c) => c.sold && c.values[0] === vid('250g'))!;
    expect([big.min, big.covered.map((c) => c.id), big.of]).toEqual([2000, ['c3'], 1]);
    expect(offerSpan(tea, { ...team, combinations: [{ id: cid('c1') }] }, (c) => c.values[0] === vid('250g'))).toBeUndefined();
    // Without options: the offer's price.
    expect(isWholeSpan(offerSpan(product('cup'), team)!)).toBe(true);
  });

  it("shows a card's offers at the lowest price they ask of a combination for sale: never the sale's own price where no combination has it", () => {
    const flash = { price: m(300), startsAt: 0, endsAt: 1, stock: 5, perBuyerLimit: 1 };
    // The 250 g bag alone, at ¥20 of its own: the card says ¥20, not the sale's ¥3.
    const own = offersOnCard(optionTea({ flash: { ...flash, combinations: [{ id: cid('c3'), price: m(2000) }] } }));
    expect(own.flash).toEqual({ ...flash, price: 2000, combinations: undefined });
    // The 100 g tin at the sale's price and the bag at its own: the lowest, ¥3.
    expect(offersOnCard(optionTea({ flash: { ...flash, combinations: [{ id: cid('c2') }, { id: cid('c3'), price: m(2000) }] } })).flash?.price).toBe(300);
    // Only the tin that is off sale: no badge at all; the team beside it stays as it was.
    const team = { price: m(900), size: 3, windowHours: 24 };
    const off = offersOnCard(optionTea({ team, flash: { ...flash, combinations: [{ id: cid('c4'), price: m(2500) }] } }));
    expect(off.flash).toBeUndefined();
    expect(off.team).toEqual(team);
    // An offer of all, or a product without options: as it is.
    const all = optionTea({ team });
    expect(offersOnCard(all)).toEqual(all);
    const cup = product('cup', { team });
    expect(offersOnCard(cup)).toEqual(cup);
  });

  it('tells the units a flash sale has left, of one combination or of all it covers', () => {
    const start = 1_800_000_000_000;
    const p = optionTea({ flash: { price: m(900), startsAt: start, endsAt: start + 1, stock: 10, perBuyerLimit: 5, combinations: [{ id: cid('c1') }, { id: cid('c3') }] } });
    const rows: Inventory[] = [
      { productId: T, combination: cid('c1'), stock: 2, flashSold: 3, sale: start },
      { productId: T, combination: cid('c3'), stock: 20, flashSold: 4, sale: start },
      { productId: T, combination: cid('c2'), stock: 9, flashSold: 6, sale: start - 100 }, // an earlier sale's
    ];
    expect(flashLeftOf(p, rows)).toBe(3); // 10 − 7 sold, and the shelves hold 22
    expect(flashLeftOf(p, rows, cid('c1'))).toBe(2); // its shelf
    expect(flashLeftOf(p, rows, cid('c2'))).toBe(0); // not in the sale
  });
});

describe('what was paid for each line', () => {
  const pl = (over: Partial<PricedLine>): PricedLine => ({ productId: pid('tea'), name: 'tea', qty: 1, mode: 'regular', listPrice: m(1000), unitPrice: m(1000), amount: m(1000), ...over });

  it('shares the spend-X-save-Y and coupon savings among regular lines only, by what they charged, to the unit', () => {
    const order = {
      lines: [pl({ unitPrice: m(1000) }), pl({ mode: 'flash', unitPrice: m(500), listPrice: m(900), amount: m(900) }), pl({ unitPrice: m(2000), qty: 1 })],
      total: m(3000 - 301 + 500 + 800),
      shipping: m(800),
    } as Pick<Order, 'lines' | 'total' | 'shipping'>;
    expect(paidByLine(order)).toEqual([1000 - 101, 500, 2000 - 200]);
  });

  it('is each line’s price when nothing was saved on the order', () => {
    const order = { lines: [pl({ qty: 2, unitPrice: m(700) }), pl({ mode: 'team', unitPrice: m(300) })], total: m(1700), shipping: m(0) };
    expect(paidByLine(order)).toEqual([1400, 300]);
  });
});

describe('the cart against the catalog, and the version an intent needs', () => {
  it('names each line that cannot be had, by field', () => {
    const products = new Map([[T, tea], [pid('cup'), product('cup')], [pid('old'), product('old', { hidden: true })]]);
    const result = validateOrderLines([cline('tea', 'c9'), line('tea'), cline('cup', 'c1'), line('gone'), line('old'), cline('tea', 'c1')], (id) => products.get(id));
    expect(result).toEqual({
      ok: false,
      errors: [
        'lines[0].combination: "c9" is not a combination of tea',
        'lines[1].combination: choose Weight, Pack of tea',
        'lines[2].combination: cup has no options, so no combination "c1"',
        'lines[3].productId: "gone" is not in the catalog',
        'lines[4].productId: old is not for sale at the moment',
      ],
    });
    expect(validateOrderLines([cline('tea', 'c1'), line('cup')], (id) => products.get(id))).toMatchObject({ ok: true });
  });

  it('stamps version 2 only on intents that carry options', () => {
    expect(intentVersion({ kind: 'order.place', lines: [line('cup')] })).toBe(EVENT_VERSION);
    expect(intentVersion({ kind: 'order.place', lines: [line('cup'), cline('tea', 'c1')] })).toBe(OPTIONS_VERSION);
    expect(intentVersion({ kind: 'product.save', product: product('cup'), stock: 1 })).toBe(EVENT_VERSION);
    expect(intentVersion({ kind: 'product.save', product: tea, stock: 0, stocks: stocks({ c1: 1 }) })).toBe(OPTIONS_VERSION);
    expect(intentVersion({ kind: 'order.cancel' })).toBe(EVENT_VERSION);
    // A whole intent too, as the app has it when it stamps one.
    const placed: Intent = order(buyer('ann'), 0, [cline('tea', 'c1')], 1000);
    expect(intentVersion(placed)).toBe(OPTIONS_VERSION);
  });
});
