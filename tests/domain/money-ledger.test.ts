import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  accountKey, addPostings, available, CASH, escrow, money, percentOf, postingsBalance, REVENUE, sum, times, transfer,
  type AccountKey, type BuyerId, type Money,
} from '../../src/domain/index.ts';

const ann = 'ann' as BuyerId;

describe('money', () => {
  it('refuses anything that is not a safe integer of minor units', () => {
    expect(() => money(0.1)).toThrow(RangeError);
    expect(() => money(Number.NaN)).toThrow(RangeError);
    expect(() => money(2 ** 53)).toThrow(RangeError);
    expect(money(-5)).toBe(-5);
  });

  it('rounds a percentage down, so a discount never exceeds what was promised', () => {
    expect(percentOf(999 as Money, 10)).toBe(99);
    expect(percentOf(1000 as Money, 15)).toBe(150);
    expect(() => times(100 as Money, 1.5)).toThrow(RangeError);
  });

  it('sums exactly where floats would not', () => {
    expect(sum([10, 20] as Money[])).toBe(30);
  });
});

describe('the ledger', () => {
  it('makes every transfer a pair that sums to zero, and none at all for nothing', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(postingsBalance(transfer(available(ann), escrow(ann), n as Money))).toBe(0);
      }),
    );
    expect(transfer(CASH, REVENUE, 0 as Money)).toEqual([]);
  });

  it('folds postings into balances per account', () => {
    const b = new Map<AccountKey, Money>();
    addPostings(b, transfer(CASH, available(ann), 500 as Money));
    addPostings(b, transfer(available(ann), escrow(ann), 200 as Money));
    expect(Object.fromEntries(b)).toEqual({ cash: -500, 'available:ann': 300, 'escrow:ann': 200 });
    expect(accountKey({ account: 'revenue', amount: 1 as Money })).toBe('revenue');
  });
});
