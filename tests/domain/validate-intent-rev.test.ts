// A decision may record the server's revision of the intent it decided; only a revision's shape passes.
import { describe, expect, it } from 'vitest';
import { validateDecision } from '../../src/domain/validate/index.ts';
import { buyer, decide, emptyState, m, seller, T0 } from './fixtures/shop.ts';

describe("a decision's intentRev", () => {
  const d = decide(emptyState(), [seller('wallet.credit', { buyer: buyer('ann'), amount: m(100), method: 'cash', note: '' })], T0).decisions[0]!;

  it('is optional, and kept when it is a revision', () => {
    expect(validateDecision(d)).toEqual({ ok: true, value: d });
    const withRev = { ...d, intentRev: '2-0123456789abcdef0123456789abcdef' };
    expect(validateDecision(withRev)).toEqual({ ok: true, value: withRev });
  });

  it('is refused when it is anything else', () => {
    for (const bad of ['', 'abc', '0-ab', '1-XYZ', '1-', 12, null]) {
      const result = validateDecision({ ...d, intentRev: bad });
      expect(result.ok, String(bad)).toBe(false);
      if (!result.ok) expect(result.errors[0]).toMatch(/^intentRev: must be a document revision/);
    }
  });
});
