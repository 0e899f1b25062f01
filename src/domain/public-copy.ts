/**
 * What the public catalog may say about people: anyone can read it (anonymous, by design), so
 * a team there carries how many have joined and the members' initials, and a review its
 * writer's initials; never a buyer's name (their account name) or an order id. The seller's
 * device publishes these shapes (sync/authority/publish.ts), the catalog's rules refuse
 * anything else (sync/rules.ts), and a buyer's device reshapes an older document it pulls
 * (sync/incoming.ts), so no screen ever shows a name it should not.
 */
import type { Review } from './events.ts';
import type { Team } from './teams.ts';

/** At most this many letters per name: "Li Wei" → "LW", "王小明" → "王", "anna-maria.k" → "AM". */
const MAX_LETTERS = 2;

/**
 * A name's initials: the first letter of each of its first two words (words split on spaces,
 * dots, dashes and underscores; digits and symbols skipped), upper-cased where the script has
 * case. "?" when the name has no letter at all.
 */
export function initialsOf(name: string): string {
  const words = name.normalize('NFC').split(/[\s._\-@+]+/u);
  let out = '';
  for (const word of words) {
    const letter = [...word].find((ch) => /\p{L}/u.test(ch));
    if (letter === undefined) continue;
    out += letter.toLocaleUpperCase('en');
    if ([...out].length >= MAX_LETTERS) break;
  }
  return out === '' ? '?' : out;
}

/** How many have joined a team, in either copy. */
export function teamJoined(team: Pick<Team, 'members' | 'joined'>): number {
  return team.joined ?? team.members.length;
}

/** The members' initials, the leader's first, in either copy. */
export function teamInitials(team: Pick<Team, 'members' | 'initials'>): string[] {
  return team.initials ?? team.members.map((m) => initialsOf(m.buyer));
}

/** The initials to show for who started a team ("?" if no one is known). */
export function leaderInitials(team: Pick<Team, 'members' | 'initials' | 'leader'>): string {
  if (team.leader !== undefined) return initialsOf(team.leader);
  return teamInitials(team)[0] ?? '?';
}

/** A team as the public catalog carries it: the count and initials, no names and no order ids. */
export function publicTeam(team: Team): Team {
  const copy: Team = { ...team, members: [], joined: teamJoined(team), initials: teamInitials(team) };
  delete copy.leader;
  return copy;
}

/** A review as the public catalog carries it: the writer's initials, not their name or order. */
export function publicReview(review: Review): Review {
  const copy: Review = { ...review, initials: reviewerInitials(review) };
  delete copy.buyer;
  delete copy.orderId;
  return copy;
}

/**
 * What in a catalog document's `set` names a person or an order, as the catalog's rules word
 * it (empty if nothing). The server runs the same checks in its own words (rules.ts).
 */
export function privateInPublic(set: { teams?: readonly Team[]; reviews?: readonly Review[] }): string[] {
  const problems: string[] = [];
  for (const t of set.teams ?? []) {
    if (t.leader !== undefined || t.members.length > 0) problems.push(`teams: team ${t.id} names its members or their orders`);
  }
  for (const r of set.reviews ?? []) {
    if (r.buyer !== undefined || r.orderId !== undefined) problems.push(`reviews: review ${r.id} names its writer or order`);
  }
  return problems;
}

/** The initials to show under a review, in either copy. */
export function reviewerInitials(review: Pick<Review, 'buyer' | 'initials'>): string {
  return review.initials ?? (review.buyer === undefined ? '?' : initialsOf(review.buyer));
}
