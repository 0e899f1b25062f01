// The pure parts of the seller's runner at scale: reading sequences, bounded concurrency (in
// the runner's pool and in the client), and the rules' revision a guarded channel is kept under.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rulesRevision } from '../../src/sync/authority/channel-job.ts';
import { seqNumber, wentBack } from '../../src/sync/authority/sweep.ts';
import { pool } from '../../src/sync/authority/pool.ts';
import { CouchClient } from '../../src/sync/couch-client.ts';

describe('sequences', () => {
  it("read CouchDB's opaque strings by their leading number and PouchDB Server's numbers as they are", () => {
    expect(seqNumber('12-g1AAAACbeJzLYWBgYMpgTmEQTM4vTc5ISXIwNDLXMwBCwxyQVCJD')).toBe(12);
    expect(seqNumber(7)).toBe(7);
    expect(seqNumber('now')).toBeUndefined();
    expect(seqNumber(null)).toBeUndefined();
    expect(seqNumber({ a: 1 })).toBeUndefined();
  });

  it('went backwards only when both are readable and the new one is lower (a database made again or restored)', () => {
    expect(wentBack('3-abc', '9-def')).toBe(true);
    expect(wentBack(3, 9)).toBe(true);
    expect(wentBack('9-abc', '9-def')).toBe(false);
    expect(wentBack('10-abc', 9)).toBe(false);
    expect(wentBack(undefined, 9)).toBe(false);
    expect(wentBack('x', '9-a')).toBe(false);
  });
});

describe('pool', () => {
  it('keeps the order of the results and never runs more than the limit at once', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.nat(5), { maxLength: 40 }), fc.integer({ min: 1, max: 8 }), async (delays, limit) => {
      let running = 0;
      let most = 0;
      const out = await pool(delays, limit, async (d, i) => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, d));
        running -= 1;
        return i;
      });
      expect(out).toEqual(delays.map((_, i) => i));
      expect(most).toBeLessThanOrEqual(limit);
    }), { numRuns: 30 });
  });

  it('stops starting new work after a failure, and throws it once the running ones end', async () => {
    const started: number[] = [];
    await expect(pool([1, 2, 3, 4, 5, 6], 2, async (x) => {
      started.push(x);
      await new Promise((r) => setTimeout(r, 5));
      if (x === 2) throw new Error('two');
      return x;
    })).rejects.toThrow('two');
    expect(started.length).toBeLessThan(6);
  });
});

describe('the client with maxInFlight', () => {
  it('sends at most that many requests at once; the rest wait their turn, and every one is answered', async () => {
    let open = 0;
    let most = 0;
    const slow: typeof fetch = async () => {
      open += 1;
      most = Math.max(most, open);
      await new Promise((r) => setTimeout(r, 10));
      open -= 1;
      return new Response('{"ok":true}', { headers: { 'Content-Type': 'application/json' } });
    };
    const client = new CouchClient({ url: 'http://127.0.0.1:1/', fetch: slow, maxInFlight: 3 });
    const answers = await Promise.all(Array.from({ length: 20 }, () => client.request<{ ok: boolean }>('GET', 'x')));
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(most).toBe(3);
  });

  it('gives a slot back when a request fails', async () => {
    const failing: typeof fetch = () => Promise.reject(new TypeError('down'));
    const client = new CouchClient({ url: 'http://127.0.0.1:1/', fetch: failing, maxInFlight: 1 });
    for (let i = 0; i < 3; i++) await expect(client.request('GET', 'x')).rejects.toMatchObject({ status: 0 });
  });
});

describe("the rules' revision a guarded channel is kept under", () => {
  it('differs with the options, so a shop that changes them adopts its channels again', () => {
    expect(rulesRevision({ allowDemoTopUps: false })).not.toBe(rulesRevision({ allowDemoTopUps: true }));
    expect(rulesRevision({ allowDemoTopUps: false })).toMatch(/^v\d+$/);
  });
});
