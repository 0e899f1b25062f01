/**
 * What the public catalog may say about people: anyone can read it (anonymous, by design), so
 * a team there carries how many have joined and the members' initials, and a review its
 * writer's initials; never a buyer's name (their account name) or an order id. The seller's
 * device publishes these shapes (sync/authority/publish.ts), the catalog's rules refuse
 * anything else (sync/rules.ts), and a buyer's device reshapes an older document it pulls
 * (sync/incoming.ts), so no screen ever shows a name it should not.
 */
import type { Decision } from './decisions.ts';
import type { Review } from './events.ts';
import { reviewerInitials, teamInitials, teamJoined, type Team } from './teams.ts';

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
 * A decision as it is copied into its buyer's private channel: news about that buyer, and
 * about no one else. The journal keeps the whole decision; the copy keeps the buyer's own
 * orders, withdrawals and reviews whole, and shows every team (a joiner's acceptance carries
 * the team it joined) and anyone else's review in the public shape. Without this, joining a
 * team put the other members' account names and order ids on the server under the joiner's
 * own login. Which teams are a buyer's own their orders say (`Order.team`), not the team.
 */
export function channelCopy(d: Decision): Decision {
  const buyer = d.buyer;
  const set: Decision['set'] = { ...d.set };
  if (set.teams) set.teams = set.teams.map(publicTeam);
  if (set.reviews) set.reviews = set.reviews.map((r) => (r.buyer === buyer ? r : publicReview(r)));
  if (set.orders) set.orders = set.orders.filter((o) => o.buyer === buyer);
  if (set.withdrawals) set.withdrawals = set.withdrawals.filter((w) => w.buyer === buyer);
  // Postings stay whole: they must balance, and the authority gives each member's money its
  // own decision (settleFullTeam, expireTeam), so a decision moves no one else's.
  return { ...d, set };
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

