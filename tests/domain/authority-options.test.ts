/**
 * Products with options (issue 13, the domain): each combination has its own price and stock,
 * orders name a combination and keep a snapshot of it, and everything that counts stock counts
 * it per combination: the stock rule, team buys, flash sales, cancellations, product saves.
 */
import { describe, expect, it } from 'vitest';
import {
  apply, emptyState, flashLeftOf, flashSoldOf, lineName, quoteCart, OPTIONS_VERSION, EVENT_VERSION, skuKey,
  type Order, type Product, type TeamId,
} from '../../src/domain/index.ts';
import { validateDecision } from '../../src/domain/validate/index.ts';
import {
  balance, buyer, cid, cline, combo, decide, decisionFor, fund, HOUR, intent, line, m, openShop, optionTea, order, orderOf,
  product, seller, SHOP, stocks, T0,
} from './fixtures/shop.ts';
import { plain } from './fixtures/histories.ts';

const ann = buyer('ann');
const bo = buyer('bo');
const cy = buyer('cy');
const tea = optionTea();
const STOCKS = stocks({ c1: 5, c2: 2, c3: 10, c4: 3 });

function shop(p: Product = tea, counts = STOCKS) {
  return fund(openShop([{ product: p, stock: 0, stocks: counts }]), { ann: 100_000, bo: 100_000, cy: 100_000 });
}
const stockOf = (s: ReturnType<typeof shop>, c?: string) => s.inventory.get(skuKey(tea.id, c === undefined ? undefined : cid(c)))?.value.stock;

describe('an order for a combination', () => {
  it('is priced at the combination’s price, takes from its own shelf only, and keeps its words and price', () => {
    const s0 = shop();
    const o = order(ann, T0 + 10, [cline('tea', 'c3', 2), cline('tea', 'c1', 1)], 2 * 2200 + 1000);
    const { decisions, state } = decide(s0, [o], T0 + 10);
    expect(decisions[0]).toMatchObject({ kind: 'order.accepted', v: OPTIONS_VERSION });
    expect(validateDecision(decisions[0]).ok).toBe(true);
    const placed = orderOf(state, o.id)!;
    expect(placed.lines).toEqual([
      { productId: tea.id, combination: 'c3', name: 'tea', variant: '250 g, bag', qty: 2, mode: 'regular', listPrice: 2200, unitPrice: 2200, amount: 4400 },
      { productId: tea.id, combination: 'c1', name: 'tea', variant: '100 g, bag', qty: 1, mode: 'regular', listPrice: 1000, unitPrice: 1000, amount: 1000 },
    ]);
    expect(lineName(placed.lines[0]!)).toBe('tea, 250 g, bag');
    expect([stockOf(state, 'c1'), stockOf(state, 'c2'), stockOf(state, 'c3'), stockOf(state, 'c4')]).toEqual([4, 2, 8, 3]);
    expect(decisions[0]!.set.inventory).toEqual([
      { productId: tea.id, combination: 'c3', stock: 8, flashSold: 0 },
      { productId: tea.id, combination: 'c1', stock: 4, flashSold: 0 },
    ]);
  });

  it('is refused past the combination’s stock though another combination has plenty', () => {
    const s0 = shop();
    const o = order(ann, T0 + 10, [cline('tea', 'c2', 3)], 3 * 1500);
    const d = decide(s0, [o], T0 + 10).decisions[0]!;
    expect(d).toMatchObject({ kind: 'order.rejected', reason: 'out-of-stock', message: 'Only 2 of tea, 100 g, tin left.' });
  });

  it('is refused, naming the line, for a combination that does not exist, is off, or is not chosen', () => {
    const s0 = shop();
    const cases = [
      { lines: [line('tea', 1), cline('tea', 'c1')], message: 'lines[0].combination: choose Weight, Pack of tea' },
      { lines: [cline('tea', 'c1'), cline('tea', 'c9')], message: 'lines[1].combination: "c9" is not a combination of tea' },
      { lines: [cline('tea', 'c4')], message: 'lines[0].combination: tea, 250 g, tin is not for sale at the moment' },
    ];
    for (const c of cases) {
      const o = order(ann, T0 + 10, c.lines, 100_000);
      const d = decide(s0, [o], T0 + 10).decisions[0]!;
      expect(d).toMatchObject({ kind: 'order.rejected', reason: 'product-unavailable', message: c.message });
      expect(validateDecision(d).ok).toBe(true);
    }
    // A product without options takes no combination.
    const plain = fund(openShop([{ product: product('cup'), stock: 5 }]), { ann: 10_000 });
    const d = decide(plain, [order(ann, T0 + 10, [cline('cup', 'c1')], 10_000)], T0 + 10).decisions[0]!;
    expect(d).toMatchObject({ reason: 'product-unavailable', message: 'lines[0].combination: cup has no options, so no combination "c1"' });
  });

  it('keeps its snapshot whatever the seller changes later: renamed values, new prices, a combination removed', () => {
    const s0 = shop();
    const o = order(ann, T0 + 10, [cline('tea', 'c2', 1)], 1500);
    const s1 = decide(s0, [o], T0 + 10).state;
    const before = orderOf(s1, o.id)!;
    const renamed: Product = {
      ...tea,
      name: 'Green tea',
      options: [{ name: 'Weight', values: [{ id: 'w100' as never, name: '100 grams' }] }, tea.options![1]!],
      combinations: [combo('c1', ['w100', 'bag'], 1200)],
    };
    const s2 = decide(s1, [seller('product.save', { product: renamed, stock: 0, stocks: stocks({ c1: 5 }) }, T0 + 20)], T0 + 20).state;
    expect(s2.products.get(tea.id)?.value.name).toBe('Green tea');
    const shipped = decide(s2, [seller('order.ready', { orderId: o.id as string as Order['id'] }, T0 + 30)], T0 + 30).state;
    expect(orderOf(shipped, o.id)!.lines).toEqual(before.lines);
    expect(lineName(orderOf(shipped, o.id)!.lines[0]!)).toBe('tea, 100 g, tin');
    // The removed combination's shelf is still there, with what was left of it.
    expect(stockOf(shipped, 'c2')).toBe(1);
  });

  it('is priced by the same function for the cart, which names a line’s problem by its combination', () => {
    const q = quoteCart(shop(), ann, T0 + 10, { lines: [cline('tea', 'c1', 2), cline('tea', 'c4'), cline('tea', 'c1', 1)] });
    expect(q.lines.map((l) => [l.combination, l.amount])).toEqual([['c1', 2000]]);
    expect(q.problems).toEqual([
      { code: 'combination-off', message: 'lines[1].combination: tea, 250 g, tin is not for sale at the moment', productId: tea.id, combination: 'c4' },
      { code: 'duplicate-line', message: 'tea, 100 g, bag (regular) is in the cart more than once', productId: tea.id, combination: 'c1' },
    ]);
  });

  it('returns a cancelled order’s units to each combination’s own shelf', () => {
    const s0 = shop();
    const o = order(ann, T0 + 10, [cline('tea', 'c1', 2), cline('tea', 'c3', 1)], 2 * 1000 + 2200);
    const s1 = decide(s0, [o], T0 + 10).state;
    const { state } = decide(s1, [intent('order.cancel', ann, T0 + 20, { orderId: o.id as string as Order['id'], reason: '' })], T0 + 20);
    expect([stockOf(state, 'c1'), stockOf(state, 'c3')]).toEqual([5, 10]);
    expect(balance(state, 'available:ann')).toBe(100_000);
  });

  it('takes the spend-X-save-Y threshold and coupons on the combinations’ prices', () => {
    const spend = { id: 'spend3000' as never, kind: 'threshold' as const, label: 'Save 5 on 30', spend: m(3000), save: m(500), repeat: false, active: true };
    const s0 = fund(openShop([{ product: tea, stock: 0, stocks: STOCKS }], [spend]), { ann: 100_000 });
    // 2 × 100 g bag (¥20) is under the threshold; 250 g bag + 100 g tin (¥37) is over it.
    const under = decide(s0, [order(ann, T0 + 10, [cline('tea', 'c1', 2)], 2000)], T0 + 10).decisions[0]!;
    expect(under.set.orders![0]!.total).toBe(2000);
    const over = decide(s0, [order(ann, T0 + 10, [cline('tea', 'c3'), cline('tea', 'c2')], 3200)], T0 + 10).decisions[0]!;
    expect(over.set.orders![0]).toMatchObject({ subtotal: 3700, total: 3200 });
    const coupon = {
      id: 'ten' as never, kind: 'coupon' as const, code: 'TEN', label: '10% off', save: { kind: 'percent' as const, percent: 10 },
      minSpend: m(2000), startsAt: T0, endsAt: T0 + HOUR, active: true,
    };
    const s1 = fund(openShop([{ product: tea, stock: 0, stocks: STOCKS }], [coupon]), { ann: 100_000 });
    const cheap = decide(s1, [order(ann, T0 + 10, [cline('tea', 'c2')], 1500, { coupon: 'TEN' })], T0 + 10).decisions[0]!;
    expect(cheap).toMatchObject({ reason: 'coupon-invalid' }); // ¥15 of 100 g tin is under the coupon's ¥20
    const dear = decide(s1, [order(ann, T0 + 10, [cline('tea', 'c3')], 1980, { coupon: 'TEN' })], T0 + 10).decisions[0]!;
    expect(dear.set.orders![0]).toMatchObject({ subtotal: 2200, total: 1980 });
  });
});

describe('a product save with options', () => {
  it('sets each combination’s stock, and a save made from an old view changes each by what the seller changed', () => {
    const s0 = shop();
    const seen = { n: s0.products.get(tea.id)!.n, stock: 0, stocks: STOCKS };
    // Meanwhile 2 of c1 and 1 of c3 are sold; the seller, from the old view, counts 4 more of c3 in and turns c4 on.
    const sold = decide(s0, [order(ann, T0 + 10, [cline('tea', 'c1', 2), cline('tea', 'c3', 1)], 4200)], T0 + 10).state;
    const edited = optionTea({ combinations: tea.combinations!.map((c) => (c.id === 'c4' ? { ...c, sold: true } : c)) });
    const save = seller('product.save', { product: edited, stock: 0, stocks: stocks({ c1: 5, c2: 2, c3: 14, c4: 3 }), base: seen }, T0 + 20);
    const { decisions, state } = decide(sold, [save], T0 + 20);
    expect(decisions[0]).toMatchObject({ kind: 'product.saved', v: OPTIONS_VERSION });
    expect([stockOf(state, 'c1'), stockOf(state, 'c2'), stockOf(state, 'c3'), stockOf(state, 'c4')]).toEqual([3, 2, 13, 3]);
  });

  it('is refused when made from an old view of the product, so no combination’s newer stock is overwritten', () => {
    const s0 = shop();
    const seen = { n: s0.products.get(tea.id)!.n, stock: 0, stocks: STOCKS };
    const first = seller('product.save', { product: tea, stock: 0, stocks: stocks({ c1: 50, c2: 2, c3: 10, c4: 3 }), base: seen }, T0 + 10);
    const stale = seller('product.save', { product: tea, stock: 0, stocks: stocks({ c1: 5, c2: 20, c3: 10, c4: 3 }), base: seen }, T0 + 20);
    const { decisions, state } = decide(s0, [first, stale], T0 + 30);
    expect(decisionFor(decisions, stale.id)).toMatchObject({ kind: 'intent.rejected', reason: 'product-changed' });
    expect([stockOf(state, 'c1'), stockOf(state, 'c2')]).toEqual([50, 2]);
  });

  it('gives a combination new in the edit its stock, and one the shop already counts what the seller added', () => {
    const s0 = shop();
    const seen = { n: s0.products.get(tea.id)!.n, stock: 0, stocks: STOCKS };
    const more = optionTea({
      options: [{ ...tea.options![0]!, values: [...tea.options![0]!.values, { id: '500g' as never, name: '500 g' }] }, tea.options![1]!],
      combinations: [...tea.combinations!, combo('c5', ['500g', 'bag'], 4000)],
    });
    const { state } = decide(s0, [seller('product.save', { product: more, stock: 0, stocks: stocks({ c1: 5, c2: 2, c3: 10, c4: 3, c5: 7 }), base: seen }, T0 + 10)], T0 + 10);
    expect(stockOf(state, 'c5')).toBe(7);
  });

  it('keeps the stock of a product that gains options under its implicit combination, not sold, and sells the combinations', () => {
    const plainTea = product('tea', { price: m(1000) });
    let s = fund(openShop([{ product: plainTea, stock: 6 }]), { ann: 100_000 });
    s = decide(s, [order(ann, T0 + 5, [line('tea', 1)], 1000)], T0 + 5).state;
    const save = seller('product.save', { product: tea, stock: 0, stocks: STOCKS, base: { n: s.products.get(tea.id)!.n, stock: 5 } }, T0 + 10);
    const saved = decide(s, [save], T0 + 10);
    expect(saved.decisions[0]!.set.inventory).toContainEqual({ productId: tea.id, stock: 5, flashSold: 0 });
    expect(stockOf(saved.state)).toBe(5);
    expect(stockOf(saved.state, 'c1')).toBe(5);
    const implicit = decide(saved.state, [order(ann, T0 + 20, [line('tea', 1)], 1000)], T0 + 20).decisions[0]!;
    expect(implicit).toMatchObject({ kind: 'order.rejected', reason: 'product-unavailable' });
  });
});

describe('team buys of a product with options', () => {
  const offer = { price: m(800), size: 2, windowHours: 24, combinations: [{ id: cid('c1') }, { id: cid('c3'), price: m(1800) }] };

  it('is for the starter’s combination: a join for another one is refused, one for the same is taken from its shelf', () => {
    const s0 = shop(optionTea({ team: offer }));
    const lead = order(ann, T0 + 10, [cline('tea', 'c3', 1, 'team')], 1800, { team: { action: 'start' } });
    const s1 = decide(s0, [lead], T0 + 10).state;
    const team = s1.teams.get(lead.id as string as TeamId)!.value;
    expect(team).toMatchObject({ combination: 'c3', price: 1800 });
    const other = order(bo, T0 + 20, [cline('tea', 'c1', 1, 'team')], 800, { team: { action: 'join', teamId: team.id } });
    expect(decide(s1, [other], T0 + 20).decisions[0]).toMatchObject({ kind: 'order.rejected', reason: 'team-closed' });
    const same = order(bo, T0 + 20, [cline('tea', 'c3', 1, 'team')], 1800, { team: { action: 'join', teamId: team.id } });
    const { state } = decide(s1, [same], T0 + 20);
    expect(state.teams.get(team.id)?.value.status).toBe('succeeded');
    expect(stockOf(state, 'c3')).toBe(8);
  });

  it('refuses to start a team for a combination the offer does not cover', () => {
    const s0 = shop(optionTea({ team: offer }));
    const d = decide(s0, [order(ann, T0 + 10, [cline('tea', 'c2', 1, 'team')], 1500, { team: { action: 'start' } })], T0 + 10).decisions[0]!;
    expect(d).toMatchObject({ kind: 'order.rejected', reason: 'team-closed', message: 'The team offer on tea does not include tea, 100 g, tin' });
  });

  it('takes any covered combination when the seller says so, at the prices locked when the team started', () => {
    const s0 = shop(optionTea({ team: { ...offer, anyCombination: true } }));
    const lead = order(ann, T0 + 10, [cline('tea', 'c1', 1, 'team')], 800, { team: { action: 'start' } });
    let s = decide(s0, [lead], T0 + 10).state;
    const team = s.teams.get(lead.id as string as TeamId)!.value;
    expect(team).toMatchObject({ anyCombination: true, prices: [{ id: 'c1', price: 800 }, { id: 'c3', price: 1800 }] });
    // The seller raises the offer meanwhile (and, saving without a base, counts c1 at 5 again): the team keeps its prices.
    s = decide(s, [seller('product.save', { product: optionTea({ team: { ...offer, anyCombination: true, price: m(900) } }), stock: 0, stocks: STOCKS }, T0 + 15)], T0 + 15).state;
    const join = order(bo, T0 + 20, [cline('tea', 'c3', 1, 'team')], 1800, { team: { action: 'join', teamId: team.id } });
    const { decisions, state } = decide(s, [join], T0 + 20);
    expect(decisionFor(decisions, join.id)?.set.orders?.[0]?.lines[0]).toMatchObject({ combination: 'c3', unitPrice: 1800 });
    expect(state.teams.get(team.id)?.value.status).toBe('succeeded');
    expect([stockOf(state, 'c1'), stockOf(state, 'c3')]).toEqual([5, 9]);
  });

  it('gives each member’s units back to their own combination when the team fails', () => {
    const s0 = shop(optionTea({ team: { ...offer, size: 3, anyCombination: true } }));
    const lead = order(ann, T0 + 10, [cline('tea', 'c1', 2, 'team')], 1600, { team: { action: 'start' } });
    const join = order(bo, T0 + 20, [cline('tea', 'c3', 1, 'team')], 1800, { team: { action: 'join', teamId: lead.id as string as TeamId } });
    const { state } = decide(s0, [lead, join], T0 + 25 * HOUR);
    expect(state.teams.get(lead.id as string as TeamId)?.value.status).toBe('failed');
    expect([stockOf(state, 'c1'), stockOf(state, 'c3')]).toEqual([5, 10]);
    expect(balance(state, 'available:bo')).toBe(100_000);
  });
});

describe('flash sales of a product with options', () => {
  const START = T0 + HOUR;
  const flash = { price: m(900), startsAt: START, endsAt: START + HOUR, stock: 4, perBuyerLimit: 3, combinations: [{ id: cid('c1') }, { id: cid('c3'), price: m(1500) }] };

  it('sells the chosen combinations at their flash prices, from one count for the sale and each one’s own shelf', () => {
    const s0 = shop(optionTea({ flash }), stocks({ c1: 1, c2: 2, c3: 10, c4: 3 }));
    const a = order(ann, START + 1, [cline('tea', 'c1', 1, 'flash'), cline('tea', 'c3', 1, 'flash')], 900 + 1500);
    const b = order(bo, START + 2, [cline('tea', 'c1', 1, 'flash')], 900); // c1's shelf is empty now
    const c = order(bo, START + 3, [cline('tea', 'c3', 2, 'flash')], 3000);
    const d = order(cy, START + 4, [cline('tea', 'c3', 1, 'flash')], 1500); // the sale's 4 units are gone
    const e = order(cy, START + 5, [cline('tea', 'c2', 1, 'flash')], 1500); // not in the sale
    const { decisions, state } = decide(s0, [a, b, c, d, e], START + 10);
    expect([a, b, c, d, e].map((i) => decisionFor(decisions, i.id)!.reason ?? 'accepted'))
      .toEqual(['accepted', 'flash-sold-out', 'accepted', 'flash-sold-out', 'flash-ended']);
    expect(decisionFor(decisions, a.id)!.set.orders![0]!.total).toBe(2400);
    expect([stockOf(state, 'c1'), stockOf(state, 'c3')]).toEqual([0, 7]);
    // Each combination's row shows its part of the sale, which add up to the sale's count.
    const rows = [...state.inventory.values()].map((v) => v.value).filter((r) => r.productId === tea.id);
    expect(rows.filter((r) => r.sale === START).map((r) => [r.combination, r.flashSold]).sort()).toEqual([['c1', 1], ['c2', 0], ['c3', 3], ['c4', 0]]);
    expect(flashSoldOf(flash, rows)).toBe(4);
    expect(flashLeftOf(state.products.get(tea.id)!.value, rows)).toBe(0);
  });

  it('counts the per-buyer limit over all the sale’s combinations together, in one order and across orders', () => {
    const s0 = shop(optionTea({ flash: { ...flash, stock: 10, perBuyerLimit: 2 } }));
    const both = order(ann, START + 1, [cline('tea', 'c1', 1, 'flash'), cline('tea', 'c3', 2, 'flash')], 900 + 3000);
    expect(decide(s0, [both], START + 1).decisions[0]).toMatchObject({ reason: 'flash-limit' });
    const one = order(ann, START + 1, [cline('tea', 'c1', 1, 'flash')], 900);
    const two = order(ann, START + 2, [cline('tea', 'c3', 2, 'flash')], 3000);
    const { decisions } = decide(s0, [one, two], START + 2);
    expect(decisionFor(decisions, two.id)).toMatchObject({ reason: 'flash-limit' });
  });
});

describe('decisions about options, and the journal', () => {
  it('carry version 2 only where options are, pass the validators, and fold in any order to the authority’s state', () => {
    const setup = [
      seller('shop.save', { shop: SHOP }),
      seller('product.save', { product: tea, stock: 0, stocks: STOCKS }),
      seller('product.save', { product: product('cup'), stock: 3 }),
      seller('wallet.credit', { buyer: ann, amount: m(5000), method: 'cash', note: '' }),
    ];
    const o = order(ann, T0 + 10, [cline('tea', 'c1')], 1000);
    const { decisions, state } = decide(emptyState(), [...setup, o], T0 + 20);
    expect(decisions.map((d) => [d.kind, d.v])).toEqual([
      ['shop.saved', EVENT_VERSION], ['product.saved', OPTIONS_VERSION], ['product.saved', EVENT_VERSION],
      ['wallet.credited', EVENT_VERSION], ['order.accepted', OPTIONS_VERSION],
    ]);
    for (const d of decisions) expect(validateDecision(JSON.parse(JSON.stringify(d)))).toMatchObject({ ok: true });
    expect(plain(apply(emptyState(), [...decisions].reverse()))).toEqual(plain(state));
  });
});
