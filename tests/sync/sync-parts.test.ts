// The pure parts of sync: backoff, the server's clock, names, what a _bulk_docs answer means,
// reading hostile documents, and the loop's reaction to failures.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backoffDelay } from '../../src/sync/backoff.ts';
import { CouchClient, CouchError, type Change } from '../../src/sync/couch-client.ts';
import { NotReadyError } from '../../src/sync/identity.ts';
import { readCatalogCopy, readChannelIntent, readDecision, setAsideRow } from '../../src/sync/incoming.ts';
import { channelDb, channelOwner, IDENTITY_DOC_ID } from '../../src/sync/names.ts';
import { sortResults } from '../../src/sync/push-outbox.ts';
import { offsetFrom } from '../../src/sync/server-clock.ts';
import { StandbyError, SyncLoop, type SyncStatus } from '../../src/sync/sync-loop.ts';
import type { BuyerId } from '../../src/domain/index.ts';
import { decide, emptyState, line, order, seller, T0 } from '../domain/fixtures/shop.ts';

const change = (doc: Record<string, unknown> | undefined, id = String(doc?._id ?? doc?.id ?? 'x')): Change => ({
  id, seq: 1, changes: [{ rev: '1-a' }], ...(doc && { doc }),
});

describe('backoffDelay', () => {
  it('doubles from 1 s up to 60 s, with half of it random, never 0', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 100 }), fc.double({ min: 0, max: 0.9999, noNaN: true }), (n, r) => {
      const cap = Math.min(60_000, 1_000 * 2 ** (n - 1));
      const d = backoffDelay(n, r);
      return d >= cap / 2 && d <= cap && d > 0;
    }));
    expect([1, 2, 3, 7, 8].map((n) => backoffDelay(n, 0))).toEqual([500, 1_000, 2_000, 30_000, 30_000]);
  });
});

describe("the server's clock", () => {
  it('is the Date header against the midpoint of the request, plus half a second for the truncation', () => {
    const sent = Date.parse('2026-11-22T06:00:00.000Z');
    expect(offsetFrom('Sun, 22 Nov 2026 06:10:00 GMT', sent, sent + 1_000)).toBe(600_000 + 500 - 500);
    expect(offsetFrom(null, 0, 0)).toBeUndefined();
    expect(offsetFrom('not a date', 0, 0)).toBeUndefined();
  });
});

describe('channel names', () => {
  it("are couch_peruser's: userdb- and the hex of the UTF-8 name, both ways", () => {
    expect(channelDb('ann')).toBe('userdb-616e6e');
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 20, unit: 'grapheme' }), (name) => channelOwner(channelDb(name)) === name));
    expect(channelOwner('shop-catalog')).toBeUndefined();
    expect(channelOwner('userdb-ff')).toBeUndefined(); // not UTF-8
  });
});

describe("a _bulk_docs answer, line by line", () => {
  it('ok and conflict are sent, forbidden is refused with its reason, anything else waits', () => {
    expect(sortResults([
      { id: 'a', ok: true, rev: '1-x' },
      { id: 'b', error: 'conflict', reason: 'Document update conflict' },
      { id: 'c', error: 'forbidden', reason: 'Play-money top-ups work only in the demo shop.' },
      { id: 'd', error: 'unknown_error', reason: 'oops' },
    ])).toEqual({ sent: ['a', 'b'], refused: [['c', 'Play-money top-ups work only in the demo shop.']], retry: true, unauthorized: false });
    expect(sortResults([{ id: 'e', error: 'unauthorized', reason: '' }]).unauthorized).toBe(true);
  });
});

describe('documents from the server', () => {
  const ann = 'ann' as BuyerId;
  const place = order(ann, T0, [line('tea')], 1000);
  const accepted = decide(emptyState(), [seller('wallet.credit', { buyer: ann, amount: 500 as never, method: 'cash', note: '' })], T0).decisions[0]!;

  it('skip what is not an event: design documents, the identity, deletions', () => {
    expect(readDecision(change({ _id: '_design/shop-rules' }))).toEqual({ skip: true });
    expect(readDecision(change({ _id: IDENTITY_DOC_ID, type: 'db-identity', uuid: 'u' }))).toEqual({ skip: true });
    expect(readDecision({ ...change(undefined, 'gone'), deleted: true })).toEqual({ skip: true });
  });

  it('set aside, with reasons, what fails validation or does not belong, and never throw', () => {
    const hostile = [null, 42, 'x', [], { type: 'decision' }, { type: 'decision', __proto__: { n: 1 } }, { ...accepted, postings: [{ account: 'cash', amount: 5 }] }];
    for (const doc of hostile) {
      const got = readDecision(change(doc as Record<string, unknown>, 'h'));
      expect('problems' in got, JSON.stringify(doc)).toBe(true);
    }
    expect(readDecision(change({ ...accepted, _id: 'another-id' }))).toHaveProperty('problems');
    expect(readDecision(change({ ...accepted, _id: accepted.id }), 'bo' as BuyerId)).toHaveProperty('problems');
    expect(readDecision(change({ ...accepted, _id: accepted.id }), ann)).toEqual({ ok: accepted });
  });

  it('refuse a catalog copy that moves money or names a buyer', () => {
    expect(readCatalogCopy(change({ ...accepted, _id: accepted.id }))).toHaveProperty('problems');
  });

  it("take from a channel only its owner's buyer intents, with their revision and conflicts", () => {
    const doc = { ...place, _id: place.id, _rev: '1-abc', _conflicts: ['1-fff'] };
    expect(readChannelIntent(change(doc), ann)).toEqual({ ok: { intent: place, rev: '1-abc', conflicts: ['1-fff'] } });
    expect(readChannelIntent(change(doc), 'bo' as BuyerId)).toHaveProperty('problems');
    expect(readChannelIntent(change({ ...seller('order.ship', { orderId: place.id as never, carrier: 'SF', tracking: '1' }), _id: 'x' }, 'x'), ann)).toHaveProperty('problems');
  });

  it('keep the evidence of what was set aside, cut to 8 KB', () => {
    const row = setAsideRow('userdb-616e6e', change({ _id: 'big', text: 'x'.repeat(20_000) }), ['type: missing'], T0);
    expect(row).toMatchObject({ key: 'userdb-616e6e big 1-a', docId: 'big', rev: '1-a', problems: ['type: missing'], at: T0 });
    expect(row.json.length).toBe(8_192);
  });
});

describe('the sync loop', () => {
  /** Runs the loop over scripted cycles; returns the states it reported. */
  async function runLoop(outcomes: (Error | undefined)[], online = true): Promise<SyncStatus[]> {
    return (await runLoopWaits(outcomes, 1, online)).states;
  }

  /** The same, with the loop's tick, and the waits it asked for. */
  async function runLoopWaits(outcomes: (Error | undefined)[], tickMs: number, online = true): Promise<{ states: SyncStatus[]; waits: number[] }> {
    const seen: SyncStatus[] = [];
    const stop = new AbortController();
    let i = 0;
    const loop = new SyncLoop({
      cycle: async () => {
        const outcome = outcomes[i++];
        if (i >= outcomes.length) stop.abort();
        if (outcome) throw outcome;
      },
      watch: () => Promise.resolve(),
      isOnline: () => online,
      now: () => 1_000,
      random: () => 0,
      onStatus: (s) => {
        seen.push(s);
        if (!online && seen.length > 2) stop.abort();
      },
      tickMs,
    });
    const waits: number[] = [];
    const realSetTimeout = globalThis.setTimeout;
    // Backoff waits pass at once here: the loop's order of states is what is tested.
    globalThis.setTimeout = ((fn: () => void, ms?: number) => (waits.push(ms ?? 0), realSetTimeout(fn, 0))) as typeof setTimeout;
    try {
      await loop.run(stop.signal);
    } finally {
      globalThis.setTimeout = realSetTimeout;
    }
    return { states: seen, waits };
  }

  it('retries after failures with growing waits, and is synced once a cycle passes', async () => {
    const states = await runLoop([new CouchError(500, 'x', 'down'), new CouchError(0, 'network', 'timeout'), undefined]);
    expect(states.map((s) => s.state)).toEqual(['syncing', 'retrying', 'syncing', 'retrying', 'syncing', 'synced']);
    expect(states[1]).toMatchObject({ retryAt: 1_500 });
    expect(states[3]).toMatchObject({ retryAt: 2_000 });
    expect(states.at(-1)).toMatchObject({ lastSyncedAt: 1_000 });
  });

  it('waits, without counting failures, for a channel not opened yet, a session ended, or another seller device', async () => {
    const states = await runLoop([new NotReadyError('userdb-616e6e'), new CouchError(401, 'unauthorized', 'Sign in again'), new StandbyError("Sam's phone"), undefined]);
    expect(states.filter((s) => s.state !== 'syncing').map((s) => s.state)).toEqual(['waiting', 'signed-out', 'standby', 'synced']);
    expect(states.find((s) => s.state === 'standby')?.message).toBe("Sam's phone");
  });

  it('looks again soon, then less often, while a channel is not ready (a buyer who just signed up), not after a fixed minute', async () => {
    const notReady = () => new NotReadyError('userdb-616e6e');
    const { states, waits } = await runLoopWaits([notReady(), notReady(), notReady(), notReady(), undefined], 60_000);
    expect(states.filter((s) => s.state === 'waiting').map((s) => s.retryAt! - 1_000)).toEqual([500, 1_000, 2_000, 4_000]);
    expect(waits.slice(0, 4)).toEqual([500, 1_000, 2_000, 4_000]);
    expect(states.at(-1)?.state).toBe('synced');
  });

  it('says offline and does not try while the browser is offline', async () => {
    const states = await runLoop([undefined], false);
    expect(new Set(states.map((s) => s.state))).toEqual(new Set(['offline']));
  });
});

describe('requests in flight', () => {
  it("the lease's request goes ahead of those waiting for a slot, not behind a run's reads", async () => {
    const sent: string[] = [];
    const answers: (() => void)[] = [];
    const fetch = ((url: string) => {
      sent.push(new URL(url).pathname);
      return new Promise<Response>((resolve) => answers.push(() => resolve(new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } }))));
    }) as unknown as typeof globalThis.fetch;
    const client = new CouchClient({ url: 'http://couch.test/', maxInFlight: 1, fetch });
    const reads = ['a', 'b', 'c'].map((db) => client.request('GET', db));
    const lease = client.get('journal', 'lease', '', { first: true });
    const settle = () => new Promise((r) => setTimeout(r, 0));
    for (let i = 0; i < 4; i++) {
      await settle();
      answers.shift()?.();
    }
    await Promise.all([...reads, lease]);
    expect(sent).toEqual(['/a', '/journal/lease', '/b', '/c']);
  });
});
