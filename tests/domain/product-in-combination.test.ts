/** The product as a buyer sees it once a combination is chosen (issue 13): its price, photo and the offers that cover it. */
import { describe, expect, it } from 'vitest';
import { findCombination, joinCombination, productInCombination } from '../../src/domain/index.ts';
import { cid, m, optionTea } from './fixtures/shop.ts';

const flash = { price: m(800), startsAt: 0, endsAt: 10, stock: 3, perBuyerLimit: 1 };
const team = { price: m(900), size: 2, windowHours: 24 };

describe('a product in one combination', () => {
  it('takes the combination’s price; offers on every combination stay, at their price', () => {
    const tea = optionTea({ team, flash });
    const shown = productInCombination(tea, findCombination(tea, cid('c3'))!);
    expect(shown.price).toBe(2200);
    expect(shown.team?.price).toBe(900);
    expect(shown.flash?.price).toBe(800);
  });

  it('offers on picked combinations: at their price for those, absent for the others', () => {
    const tea = optionTea({
      team: { ...team, combinations: [{ id: cid('c2'), price: m(1200) }] },
      flash: { ...flash, combinations: [{ id: cid('c3') }] },
    });
    const c2 = productInCombination(tea, findCombination(tea, cid('c2'))!);
    expect(c2.team?.price).toBe(1200);
    expect(c2.flash).toBeUndefined();
    const c3 = productInCombination(tea, findCombination(tea, cid('c3'))!);
    expect(c3.team).toBeUndefined();
    expect(c3.flash?.price).toBe(800);
    // The product itself is left as it was.
    expect(tea.flash?.price).toBe(800);
    expect(tea.team?.price).toBe(900);
  });
});

describe('the combination a buyer joining a team buys', () => {
  it('the team’s own, for a team of one combination, whatever was chosen', () => {
    expect(joinCombination({ combination: cid('c2') }, undefined)).toBe('c2');
    expect(joinCombination({ combination: cid('c2') }, cid('c3'))).toBe('c2');
    expect(joinCombination({}, undefined)).toBeUndefined();
  });

  it('for a team of any, the one chosen, else the starter’s', () => {
    expect(joinCombination({ combination: cid('c2'), anyCombination: true }, cid('c3'))).toBe('c3');
    expect(joinCombination({ combination: cid('c2'), anyCombination: true }, undefined)).toBe('c2');
  });
});
