// An intent whose document was tampered with on the server is refused as such, once.
import { describe, expect, it } from 'vitest';
import { draftOf, refuseTampered, decideInto } from '../../src/domain/index.ts';
import { buyer, fund, line, openShop, order, product, T0 } from './fixtures/shop.ts';

describe('refuseTampered', () => {
  it('refuses the intent with reason tampered, moves no money, and is not decided again', () => {
    const state = fund(openShop([{ product: product('tea'), stock: 5 }]), { ann: 10_000 });
    const draft = draftOf(state);
    const place = order(buyer('ann'), T0 + 10, [line('tea')], 1000);
    const [d, ...rest] = refuseTampered(draft, [place], T0 + 20);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ kind: 'intent.rejected', intentId: place.id, buyer: 'ann', reason: 'tampered', postings: [] });
    expect(d!.n).toBe(state.n + 1);
    expect(refuseTampered(draft, [place], T0 + 30)).toEqual([]);
    expect(decideInto(draft, [place], T0 + 30)).toEqual([]);
  });
});
