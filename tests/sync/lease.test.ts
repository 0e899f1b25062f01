// The seller devices' lease, as a pure decision: who may take it, by the server's clock.
import { describe, expect, it } from 'vitest';
import { leaseDecision } from '../../src/sync/authority/lease.ts';
import { LEASE_DOC_ID } from '../../src/sync/names.ts';

const NOW = 1_800_000_000_000;
const lease = (holder: string, until: number, extra: Record<string, unknown> = {}) =>
  ({ _id: LEASE_DOC_ID, _rev: '1-a', type: 'lease', holder, label: `${holder}'s phone`, until, ...extra });

describe('leaseDecision', () => {
  it('takes a lease no one holds', () => {
    expect(leaseDecision(undefined, 'a', NOW)).toEqual({ take: true, renew: false });
  });

  it("renews this device's own lease, expired or not, as a renewal (no one held it since)", () => {
    expect(leaseDecision(lease('a', NOW + 5_000), 'a', NOW)).toEqual({ take: true, renew: true });
    expect(leaseDecision(lease('a', NOW - 5_000), 'a', NOW)).toEqual({ take: true, renew: true });
    expect(leaseDecision(lease('a', 0), 'a', NOW)).toEqual({ take: true, renew: true }); // released by itself
  });

  it("refuses another device's lease until it runs out, naming the holder", () => {
    expect(leaseDecision(lease('b', NOW + 1), 'a', NOW)).toEqual({ take: false, holder: 'b', label: "b's phone", until: NOW + 1 });
  });

  it("takes another device's lease once it has run out (by the server's clock), not as a renewal", () => {
    expect(leaseDecision(lease('b', NOW), 'a', NOW)).toEqual({ take: true, renew: false });
    expect(leaseDecision(lease('b', 0), 'a', NOW)).toEqual({ take: true, renew: false }); // released
  });

  it('treats a document that is not a lease as free', () => {
    expect(leaseDecision(lease('b', NOW + 1, { type: 'other' }), 'a', NOW)).toEqual({ take: true, renew: false });
    expect(leaseDecision(lease('b', Number.NaN), 'a', NOW)).toEqual({ take: true, renew: false });
    expect(leaseDecision({ ...lease('b', NOW + 1), holder: 7 }, 'a', NOW)).toEqual({ take: true, renew: false });
    expect(leaseDecision(null, 'a', NOW)).toEqual({ take: true, renew: false });
  });
});
