/**
 * A seller's product save made from an old view of the product never overwrites what changed
 * since (issue 10, item 7's domain half): it carries what it was made from, the authority
 * refuses it when the product was saved again since, and takes its stock as the change the
 * seller made, so units sold meanwhile stay counted. Older commands, without `base`, still read.
 */
import { describe, expect, it } from 'vitest';
import { EVENT_VERSION, type ProductBase } from '../../src/domain/index.ts';
import { validateDecision, validateIntent } from '../../src/domain/validate/index.ts';
import { buyer, decide, decisionFor, fund, line, m, openShop, order, product, seller, T0 } from './fixtures/shop.ts';

const ann = buyer('ann');
const tea = product('tea', { price: m(1000) });

function shop(stock = 56) {
  return fund(openShop([{ product: tea, stock }]), { ann: 100_000 });
}
const versionOf = (s: ReturnType<typeof shop>) => ({ n: s.products.get(tea.id)!.n, stock: s.inventory.get(tea.id)!.value.stock });
const save = (stock: number, base: ProductBase | undefined, over: Partial<typeof tea> = {}, at = T0 + 100) =>
  seller('product.save', { product: { ...tea, ...over }, stock, ...(base && { base }) }, at);

describe('a product save made from an old view', () => {
  it('takes its stock as the change the seller made: units sold meanwhile are not put back', () => {
    const s0 = shop(56);
    const seen = versionOf(s0); // 56 on the form; the seller counts 4 more in and types 60
    const sold = decide(s0, [order(ann, T0 + 50, [line('tea', 2)], 2000)], T0 + 50).state;
    const { decisions, state } = decide(sold, [save(60, seen, { name: 'Green tea' })], T0 + 100);
    expect(decisions[0]).toMatchObject({ kind: 'product.saved' });
    expect(state.inventory.get(tea.id)?.value.stock).toBe(58);
    expect(state.products.get(tea.id)?.value.name).toBe('Green tea');
  });

  it('is refused when the product was saved again since, and the newer save stays (the issue: a standby seller device saved 40 products back, 56 became 60)', () => {
    const s0 = shop(60);
    const sold = decide(s0, [order(ann, T0 + 10, [line('tea', 4)], 4000)], T0 + 10).state; // 56 left
    // Another device's edit, then this device's edit made from the version before it.
    const seen = versionOf(s0);
    const other = save(56, versionOf(sold), { price: m(1200) }, T0 + 20);
    const stale = save(60, seen, { price: m(900) }, T0 + 30);
    const { decisions, state } = decide(sold, [other, stale], T0 + 40);
    expect(decisionFor(decisions, other.id)?.kind).toBe('product.saved');
    const refused = decisionFor(decisions, stale.id)!;
    expect(refused).toMatchObject({ kind: 'intent.rejected', reason: 'product-changed', postings: [], set: {} });
    expect(refused.message).toMatch(/saved again since this edit began/);
    expect(validateDecision(refused).ok).toBe(true);
    expect(state.inventory.get(tea.id)?.value.stock).toBe(56);
    expect(state.products.get(tea.id)?.value.price).toBe(1200);
  });

  it('refuses a "new" product whose id the shop already has, as a device that had not heard of it would send', () => {
    const s0 = shop(56);
    const fresh = save(60, { n: 0, stock: 0 });
    const { decisions, state } = decide(s0, [fresh], T0 + 100);
    expect(decisions[0]).toMatchObject({ reason: 'product-changed', message: 'A product with the id tea is already in the shop: open it and edit it there.' });
    expect(state.inventory.get(tea.id)?.value.stock).toBe(56);
    // A product the shop does not have yet is made as given.
    const made = decide(s0, [seller('product.save', { product: product('cake'), stock: 7, base: { n: 0, stock: 0 } })], T0 + 100).state;
    expect(made.inventory.get(product('cake').id)?.value.stock).toBe(7);
  });

  it('never takes the stock below zero nor past what a shelf may count', () => {
    const s0 = shop(10);
    const seen = versionOf(s0);
    const sold = decide(s0, [order(ann, T0 + 10, [line('tea', 3)], 3000)], T0 + 10).state; // 7 left
    expect(decide(sold, [save(0, seen)], T0 + 100).state.inventory.get(tea.id)?.value.stock).toBe(0); // took all 10 off
    // Seen empty, set to the most a shelf may count, with 7 there already: the most, not past it.
    expect(decide(sold, [save(1_000_000_000, { ...seen, stock: 0 })], T0 + 100).state.inventory.get(tea.id)?.value.stock).toBe(1_000_000_000);
  });

  it('one save right after another on the same device: the second, made before the first was decided, is refused', () => {
    const s0 = shop(56);
    const seen = versionOf(s0);
    const first = save(56, seen, { name: 'First' }, T0 + 100);
    const second = save(56, seen, { name: 'Second' }, T0 + 101);
    const { decisions, state } = decide(s0, [first, second], T0 + 200);
    expect(decisions.map((d) => d.reason ?? d.kind)).toEqual(['product.saved', 'product-changed']);
    expect(state.products.get(tea.id)?.value.name).toBe('First');
  });
});

describe('older product saves, without what they were made from', () => {
  it('are still read and set the stock as counted', () => {
    const old = { id: 's-old', v: EVENT_VERSION, at: T0 + 5, type: 'intent', by: 'seller', kind: 'product.save', product: tea, stock: 30 };
    const checked = validateIntent(old);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect('base' in checked.value).toBe(false);
    expect(decide(shop(56), [checked.value], T0 + 10).state.inventory.get(tea.id)?.value.stock).toBe(30);
  });

  it('and a base that is not one is refused by the validator, field by field', () => {
    const bad = (base: unknown) => validateIntent({ id: 's-x', v: EVENT_VERSION, at: T0, type: 'intent', by: 'seller', kind: 'product.save', product: tea, stock: 1, base });
    expect(bad({ n: -1, stock: 0 })).toMatchObject({ ok: false, errors: ['base.n: must be a whole number 0 or more, got -1'] });
    expect(bad({ n: 1, stock: 1.5 })).toMatchObject({ ok: false, errors: [expect.stringMatching(/^base\.stock: must be a whole number/)] });
    expect(bad({ n: 1 })).toMatchObject({ ok: false, errors: ['base.stock: is required'] });
    expect(bad({ n: 1, stock: 1, at: 2 })).toMatchObject({ ok: false, errors: ['base: unknown field "at"'] });
  });
});
