// The public catalog's shapes (src/domain/public-copy.ts): a team's count and initials, a
// review's initials; never a name or an order id, whatever the names look like.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  initialsOf, leaderInitials, privateInPublic, publicReview, publicTeam, reviewerInitials, teamInitials, teamJoined,
} from '../../src/domain/index.ts';
import { validateDecision } from '../../src/domain/validate/index.ts';
import { decisions, review, team } from './fixtures/events-fixture.ts';

describe('initialsOf', () => {
  it('takes the first letter of the first two words, upper-cased', () => {
    expect(initialsOf('alice')).toBe('A');
    expect(initialsOf('Li Wei')).toBe('LW');
    expect(initialsOf('anna-maria.k')).toBe('AM');
    expect(initialsOf('jean_paul sartre')).toBe('JP');
    expect(initialsOf('王小明')).toBe('王');
    expect(initialsOf('buyer42@example.com')).toBe('BE');
    expect(initialsOf('42 _ ann')).toBe('A');
    expect(initialsOf('123')).toBe('?');
    expect(initialsOf('')).toBe('?');
    expect(initialsOf('𝒜lice 𝒷ob')).toBe('𝒜𝒷');
    // A letter whose upper case is longer than one letter stays as written (found by fast-check: "ῢ").
    expect(initialsOf('ῢ')).toBe('ῢ');
    expect(initialsOf('ßa ßb')).toBe('ßß');
  });

  it('is never more than two letters, and never the whole of a longer name', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (name) => {
      const i = initialsOf(name);
      expect([...i].length).toBeLessThanOrEqual(2);
      expect(i.length).toBeLessThanOrEqual(4);
      if ([...name.replace(/\s/gu, '')].length > 2) expect(i).not.toBe(name);
    }));
  });
});

describe('publicTeam', () => {
  it('keeps the count, the deadline and the price, and the initials, leader first', () => {
    const full = team();
    const pub = publicTeam(full);
    expect(pub).toEqual({
      id: full.id, productId: full.productId, price: full.price, size: full.size, openedAt: full.openedAt, deadline: full.deadline,
      status: full.status, closedAt: full.closedAt, members: [], joined: 3, initials: ['B', 'A', 'C'],
    });
    // Members' names and their orders are gone. (The team's own id is still its starter's
    // order id, as the authority names teams: see the report of issue 15.)
    expect(JSON.stringify(pub)).not.toMatch(/alice|bob|carol/);
    for (const m of full.members.slice(1)) expect(JSON.stringify(pub)).not.toContain(m.orderId);
    expect(teamJoined(pub)).toBe(3);
    expect(teamJoined(full)).toBe(3);
    expect(teamInitials(pub)).toEqual(teamInitials(full));
    expect(leaderInitials(pub)).toBe('B');
    expect(leaderInitials(full)).toBe('B');
  });

  it('is the same when done twice (an old copy reshaped again on a buyer\'s device)', () => {
    const once = publicTeam(team());
    expect(publicTeam(once)).toEqual(once);
  });

  it('passes the decision validator and leaves nothing privateInPublic finds', () => {
    const d = decisions()['team.succeeded'];
    const pub = { ...d, set: { teams: d.set.teams!.map(publicTeam) } };
    expect(validateDecision(pub)).toMatchObject({ ok: true });
    expect(privateInPublic(pub.set)).toEqual([]);
    expect(privateInPublic(d.set)).toEqual([`teams: team ${d.set.teams![0]!.id} names its members or their orders`]);
  });

  it('an empty team shows no initials and "?" as its leader', () => {
    const pub = publicTeam({ ...team(), members: [] });
    expect(pub.joined).toBe(0);
    expect(pub.initials).toEqual([]);
    expect(leaderInitials(pub)).toBe('?');
  });
});

describe('publicReview', () => {
  it('keeps the stars, text and products, and the writer\'s initials only', () => {
    const r = review();
    const pub = publicReview(r);
    expect(pub).toEqual({ id: r.id, productIds: r.productIds, rating: r.rating, text: r.text, at: r.at, initials: 'A' });
    expect(reviewerInitials(pub)).toBe('A');
    expect(reviewerInitials(r)).toBe('A');
    expect(publicReview(pub)).toEqual(pub);
    expect(privateInPublic({ reviews: [pub] })).toEqual([]);
    expect(privateInPublic({ reviews: [r] })).toEqual([`reviews: review ${r.id} names its writer or order`]);
  });

  it('passes the decision validator; initials longer than two letters do not', () => {
    const d = decisions()['review.published'];
    const pub = { ...d, set: { reviews: d.set.reviews!.map(publicReview) } };
    expect(validateDecision(pub)).toMatchObject({ ok: true });
    const long = { ...d, set: { reviews: [{ ...pub.set.reviews[0]!, initials: 'Alice' }] } };
    expect(validateDecision(long)).toMatchObject({ ok: false });
  });
});
