/**
 * Property tests: one poison item never stalls the shop. Random histories (fixtures/histories.ts)
 * are delivered with bad items mixed in — intents whose deciding throws, decisions that cannot
 * be folded — and every good intent is still decided exactly once, exactly as without them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apply, emptyState, type Decision, type EventId, type Intent, type Money, type ShopState } from '../../src/domain/index.ts';
import { buildHistory, deliver, deliveryPlan, historySpec, plain, runBatches, type Batch } from './fixtures/histories.ts';
import { buyer, intent, line, nextId, order, product, seller, T0 } from './fixtures/shop.ts';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 100);
const TIMEOUT = 300_000;

/** Intents that cannot be decided as they are: each throws, or names no kind the shop knows. */
const POISONS: ((at: number) => Intent)[] = [
  (at) => ({ ...order(buyer('buyer1'), at, [line('tea')], 1200), lines: null }) as unknown as Intent,
  (at) => ({ ...order(buyer('buyer2'), at, [line('tea')], 1200), delivery: null }) as unknown as Intent,
  (at) => ({ ...intent('order.cancel', buyer('buyer0'), at, { orderId: 'x' as never, reason: '' }), kind: 'order.teleport' }) as unknown as Intent,
  (at) => seller('wallet.credit', { buyer: buyer('buyer3'), amount: (2 ** 60) as Money, method: 'cash', note: '' }, at),
  (at) => ({ ...seller('product.save', { product: product('tea'), stock: 1 }, at), product: null }) as unknown as Intent,
  (at) => ({ ...intent('withdrawal.request', buyer('buyer1'), at, { amount: 10 as Money }), amount: { valueOf: () => { throw new Error('boom'); } } }) as unknown as Intent,
];

const injections = fc.array(
  fc.record({ batch: fc.nat(), kind: fc.nat(POISONS.length - 1), offset: fc.integer({ min: 0, max: 40 * 86_400_000 }) }),
  { minLength: 1, maxLength: 12 },
);

/** The batches with poison intents added to some of them (sent at a time inside the history). */
function poisoned(batches: readonly Batch[], picks: { batch: number; kind: number; offset: number }[]) {
  const out = batches.map((b) => ({ ...b, intents: [...b.intents] }));
  const bad: Intent[] = [];
  for (const p of picks) {
    const b = out[p.batch % out.length]!;
    const poison = POISONS[p.kind]!(Math.min(T0 + p.offset, b.now));
    bad.push(poison);
    b.intents.splice(p.offset % (b.intents.length + 1), 0, poison);
  }
  return { batches: out, bad };
}

/** A decision without its journal number, which the refusals of the poison shift. */
const unnumbered = (d: Decision) => ({ ...d, n: 0 });
/** The state apart from what counts decisions (numbers, ids seen and decided, set aside). */
const effects = (s: ShopState, leaveOut: ReadonlySet<string> = new Set()) => {
  const { shop, products, inventory, promotions, orders, teams, withdrawals, reviews, balances, usage } = plain(s);
  const values = <T>(xs: [string, { value: T }][]) => xs.map(([k, v]) => [k, v.value] as const);
  return {
    reviews, balances, usage,
    shop: shop?.value,
    products: values(products), inventory: values(inventory), promotions: values(promotions), orders: values(orders).filter(([id]) => !leaveOut.has(id)), teams: values(teams),
    withdrawals: values(withdrawals),
  };
};

describe('histories with poison items mixed in', () => {
  it('decide every good intent exactly once, exactly as without the poison, and refuse each poison once', () => {
    fc.assert(fc.property(historySpec(), deliveryPlan, injections, (spec, plan, picks) => {
      const history = buildHistory(spec);
      const clean = runBatches(deliver(history, plan));
      const { batches, bad } = poisoned(deliver(history, plan), picks);
      const dirty = runBatches(batches);
      const badIds = new Set<string>(bad.map((i) => i.id));

      const count = new Map<string, number>();
      for (const d of dirty.decisions) if (d.intentId !== undefined) count.set(d.intentId, (count.get(d.intentId) ?? 0) + 1);
      for (const i of history.intents) expect({ id: i.id, decisions: count.get(i.id) ?? 0 }).toEqual({ id: i.id, decisions: 1 });
      for (const id of badIds) expect({ id, decisions: count.get(id) ?? 0 }).toEqual({ id, decisions: 1 });
      for (const d of dirty.decisions.filter((x) => x.intentId !== undefined && badIds.has(x.intentId))) {
        expect({ id: d.id, reason: d.reason, postings: d.postings }).toEqual({ id: d.id, reason: 'malformed', postings: [] });
      }
      // The good decisions are the very same, in the same order; the journal still counts up by one.
      const good = dirty.decisions.filter((d) => d.intentId === undefined || !badIds.has(d.intentId));
      expect(good.map(unnumbered)).toEqual(clean.decisions.map(unnumbered));
      dirty.decisions.forEach((d, i) => expect(d.n).toBe(i + 1));
      // Apart from the poison orders, shown to their buyers as refused.
      expect(effects(dirty.state, badIds)).toEqual(effects(clean.state));
      expect(dirty.state.setAside.size).toBe(0);
    }), { numRuns: RUNS });
  }, TIMEOUT);

  it('fold to the same state with decisions that cannot be folded mixed in, which are set aside', () => {
    const junk = fc.array(fc.record({ at: fc.nat(), how: fc.nat(3) }), { minLength: 1, maxLength: 8 });
    fc.assert(fc.property(historySpec(), deliveryPlan, junk, (spec, plan, picks) => {
      const run = runBatches(deliver(buildHistory(spec), plan));
      const messy: Decision[] = [...run.decisions];
      const ids: string[] = [];
      for (const p of picks) {
        const id = nextId('junk');
        ids.push(id);
        const base = { type: 'decision', id, kind: 'wallet.credited', v: 1, at: T0, n: run.state.n + 1, intentId: `${id}-intent`, set: {} };
        const bad = [
          { ...base, postings: [{ account: 'cash', amount: -(2 ** 60) }, { account: 'revenue', amount: 2 ** 60 }] },
          { ...base, postings: [{ account: 'revenue', amount: 'x' }] },
          { ...base, postings: null },
          { ...base, postings: [], set: { orders: [{ id: 'o', lines: null, status: 'accepted' }] } },
        ][p.how]!;
        messy.splice(p.at % (messy.length + 1), 0, bad as unknown as Decision);
      }
      const state = apply(emptyState(), messy);
      expect([...state.setAside.keys()].sort()).toEqual(ids.sort());
      expect(effects(state)).toEqual(effects(run.state));
      expect([...state.setAside.keys()].every((id) => state.seen.has(id as EventId))).toBe(true);
    }), { numRuns: RUNS });
  }, TIMEOUT);
});
