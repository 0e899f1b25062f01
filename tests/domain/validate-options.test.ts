/**
 * The validators of products with options (issue 13): each refusal names the field, and an
 * event of version 1 may not carry options (an app that reads version 1 could not read it).
 */
import { describe, expect, it } from 'vitest';
import { OPTIONS_VERSION, type Product } from '../../src/domain/index.ts';
import type { Result } from '../../src/domain/result.ts';
import { validateDecision, validateEvent, validateIntent, validateInventory, validateProduct } from '../../src/domain/validate/index.ts';
import { cline, combo, decide, emptyState, optionTea, order, seller, stocks, T0, buyer, SHOP } from './fixtures/shop.ts';

type Doc = Record<string, unknown>;
const copy = <T>(x: T): Doc => JSON.parse(JSON.stringify(x)) as Doc;

function errorsOf(r: Result<unknown>): string[] {
  return r.ok ? [] : r.errors;
}
function expectRefused(result: Result<unknown>, ...expected: string[]): void {
  if (result.ok) return expect.fail('expected a refusal');
  for (const e of expected) expect(result.errors, result.errors.join('\n')).toContain(e);
}

const tea = optionTea();

describe('a product with options', () => {
  it('is taken as the seller made it, and comes back a new clean value', () => {
    const r = validateProduct(copy(tea));
    expect(r).toEqual({ ok: true, value: tea });
    if (r.ok) expect(r.value).not.toBe(tea);
  });

  it('refuses a combination naming a value not in its groups, or in the wrong group, or too few', () => {
    const p = copy({ ...tea, combinations: [combo('c1', ['100g', 'box'], 1000), combo('c2', ['bag', '100g'], 1000), combo('c3', ['100g'], 1000)] });
    expectRefused(
      validateProduct(p),
      'combinations[0].values[1]: "box" is not a value of Pack',
      'combinations[1].values[0]: "bag" is not a value of Weight',
      'combinations[2].values: must name one value of each of the 2 groups (Weight, Pack), in that order, got 1',
    );
  });

  it('refuses two combinations of the same values, and two with one id', () => {
    expectRefused(
      validateProduct(copy({ ...tea, combinations: [combo('c1', ['100g', 'bag'], 1000), combo('c2', ['100g', 'bag'], 1200)] })),
      'combinations[1].values: names the same values as combinations[0]: each combination is sold once',
    );
    expectRefused(
      validateProduct(copy({ ...tea, combinations: [combo('c1', ['100g', 'bag'], 1000), combo('c1', ['100g', 'tin'], 1200)] })),
      'combinations[1].id: repeats combinations[0].id "c1"',
    );
  });

  it('refuses more than 100 combinations and more than 3 groups', () => {
    const many = Array.from({ length: 101 }, (_, i) => combo(`c${i}`, ['100g', 'bag'], 1000));
    expectRefused(validateProduct(copy({ ...tea, combinations: many })), 'combinations: must have 1 to 100 items, got 101');
    const groups = ['A', 'B', 'C', 'D'].map((name) => ({ name, values: [{ id: `${name}1`, name: '1' }] }));
    expectRefused(validateProduct(copy({ ...tea, options: groups })), 'options: must have 1 to 3 items, got 4');
  });

  it('refuses a price out of range, a bad photo, a group without values, repeated names and value ids', () => {
    const p = copy(tea);
    const combos = p.combinations as Doc[];
    combos[0]!.price = 0;
    combos[1]!.price = 10_000_000_001;
    combos[2]!.photo = 'javascript:alert(1)';
    expectRefused(
      validateProduct(p),
      'combinations[0].price: must be a whole number of minor units from 1 to 10000000000, got 0',
      'combinations[1].price: must be a whole number of minor units from 1 to 10000000000, got 10000000001',
      'combinations[2].photo: must be an attachment name or an http(s) address, not a "javascript:" address',
    );
    expectRefused(validateProduct(copy({ ...tea, options: [{ name: 'Weight', values: [] }, tea.options![1]] })), 'options[0].values: must have 1 to 100 items, got 0');
    expectRefused(validateProduct(copy({ ...tea, options: [tea.options![0], { ...tea.options![1], name: ' weight' }] })), 'options[1].name: repeats options[0].name "weight"');
    const twice = copy(tea);
    ((twice.options as Doc[])[1]!.values as Doc[])[0]!.id = '100g';
    expectRefused(validateProduct(twice), 'options[1].values[0].id: repeats options[0].values[0].id "100g": a value\'s id names it in the whole product');
    const sameName = copy(tea);
    ((sameName.options as Doc[])[1]!.values as Doc[])[1]!.name = 'Bag';
    expectRefused(validateProduct(sameName), 'options[1].values[1].name: repeats options[1].values[0].name "bag"');
  });

  it('needs options and combinations together, and offers that list only its combinations', () => {
    const noCombos = copy(tea);
    delete noCombos.combinations;
    expectRefused(validateProduct(noCombos), 'combinations: is required with options: each combination sold has its price and stock');
    const noGroups = copy(tea);
    delete noGroups.options;
    expectRefused(validateProduct(noGroups), 'options: is required with combinations: they are combinations of option values');
    const offers: Product = {
      ...tea,
      team: { price: 500 as never, size: 2, windowHours: 24, combinations: [{ id: 'c9' as never }] },
      flash: { price: 500 as never, startsAt: T0, endsAt: T0 + 1, stock: 1, perBuyerLimit: 1, combinations: [{ id: 'c1' as never }, { id: 'c1' as never }] },
    };
    expectRefused(validateProduct(copy(offers)), 'flash.combinations[1].id: repeats flash.combinations[0].id "c1"');
    // Checked against the product once each part is well formed on its own.
    expectRefused(validateProduct(copy({ ...offers, flash: undefined })), 'team.combinations[0].id: "c9" is not a combination of this product');
    const plain = { ...offers, options: undefined, combinations: undefined, flash: undefined };
    expectRefused(validateProduct(copy(plain)), 'team.combinations: only a product with options can list combinations');
  });

  it('refuses ids that could not live in a stock key', () => {
    expectRefused(validateProduct(copy({ ...tea, combinations: [combo('c/1', ['100g', 'bag'], 1000)] })), 'combinations[0].id: must be an id of 1 to 40 letters, digits, ".", "_", ":" or "-", starting with a letter or digit, got text "c/1"');
  });
});

describe('events with options', () => {
  const save = () => seller('product.save', { product: tea, stock: 0, stocks: stocks({ c1: 5, c2: 2, c3: 10, c4: 3 }) });

  it('a product save gives the stock of each combination, in range, and of no other', () => {
    expect(validateIntent(copy(save()))).toMatchObject({ ok: true });
    const missing = copy(save());
    missing.stocks = stocks({ c1: 5, c2: 2, c3: 10 });
    expectRefused(validateIntent(missing), 'stocks: must give the stock of every combination: missing "c4"');
    const extra = copy(save());
    extra.stocks = stocks({ c1: 5, c2: 2, c3: 10, c4: 3, c9: 1 });
    expectRefused(validateIntent(extra), 'stocks[4].combination: "c9" is not a combination of this product');
    const range = copy(save());
    range.stocks = stocks({ c1: -1, c2: 1_000_000_001, c3: 10, c4: 3 });
    expectRefused(validateIntent(range), 'stocks[0].stock: must be a whole number from 0 to 1000000000, got -1', 'stocks[1].stock: must be a whole number from 0 to 1000000000, got 1000000001');
    const none = copy(save());
    delete none.stocks;
    expectRefused(validateIntent(none), 'stocks: is required for a product with options: the stock of each combination');
  });

  it('a version 1 event may not carry options: an app that reads version 1 would refuse it without saying why', () => {
    const old = copy(save());
    old.v = 1;
    expectRefused(validateIntent(old), 'product.options: needs an event of version 2 ("v": 2): this one says 1, which cannot hold options');
    const line = copy(order(buyer('ann'), T0, [cline('tea', 'c1')], 1000));
    expect(line.v).toBe(OPTIONS_VERSION);
    expect(validateEvent(line)).toMatchObject({ ok: true });
    line.v = 1;
    expectRefused(validateEvent(line), 'lines[0].combination: needs an event of version 2 ("v": 2): this one says 1, which cannot hold options');
  });

  it('a decision’s stock rows: a combination’s and its sale, and each row once', () => {
    const setup = decide(emptyState(), [seller('shop.save', { shop: SHOP }), save()], T0).decisions;
    const saved = copy(setup[1]);
    expect(validateDecision(saved)).toMatchObject({ ok: true });
    const rows = (saved.set as Doc).inventory as Doc[];
    rows.push({ ...rows[0] });
    expectRefused(validateDecision(saved), 'set.inventory[4].productId: repeats set.inventory[0].productId "tea/c1"');
    expect(errorsOf(validateInventory({ productId: 'tea', combination: 'c1', stock: 3, flashSold: 1, sale: T0 }))).toEqual([]);
  });
});
