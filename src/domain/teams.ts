import type { Millis } from './catalog.ts';
import type { OfferCombination } from './catalog.ts';
import type { BuyerId, CombinationId, OrderId, ProductId, TeamId } from './ids.ts';
import type { Money } from './money.ts';

export interface TeamMember {
  orderId: OrderId;
  buyer: BuyerId;
}

/**
 * A team buy in progress: it succeeds when the `size`-th member is accepted before
 * `deadline`, and fails (everyone refunded) when the deadline passes first.
 */
export interface Team {
  id: TeamId;
  productId: ProductId;
  /** The combination everyone in the team buys, where the team is for one (see `TeamOffer.anyCombination`). */
  combination?: CombinationId;
  /**
   * The team takes any combination the offer covered when it started, each member their own;
   * `prices` is that list, with its prices, locked then (absent: every combination, at `price`).
   */
  anyCombination?: boolean;
  prices?: OfferCombination[];
  /** The price locked when the team started (of the starter's combination, for a team of any). */
  price: Money;
  size: number;
  /** Who started it: in the shop's own copy only (the public copy names no buyer; see public-copy.ts). */
  leader?: BuyerId;
  /** The shop's own copy: each member's order. Empty in the public copy, which counts them in `joined`. */
  members: TeamMember[];
  /** The public copy: how many have joined (the shop's copy counts `members`). */
  joined?: number;
  /** The public copy: each member's initials, the leader's first (never a full name). */
  initials?: string[];
  openedAt: Millis;
  deadline: Millis;
  status: 'forming' | 'succeeded' | 'failed';
  closedAt?: Millis;
}

/** Why a buyer cannot join a team, as the shop's reasons for refusing: closed, full, or already in it. */
export type JoinProblem = 'team-closed' | 'team-full' | 'team-member';

/** A team still takes members at `at`: forming and before its deadline (the shop's own rule, which screens show). */
/**
 * The combination a buyer joining `team` buys: the team's own, for a team of one combination;
 * for a team of any, the one the buyer chose (the starter's until they choose). The pricing
 * (`teamPrice`) refuses any other, so a join names this one.
 */
export function joinCombination(team: Pick<Team, 'combination' | 'anyCombination'>, chosen: CombinationId | undefined): CombinationId | undefined {
  return team.anyCombination === true ? (chosen ?? team.combination) : team.combination;
}

export function isTeamOpen(team: Pick<Team, 'status' | 'deadline'>, at: Millis): boolean {
  return team.status === 'forming' && at < team.deadline;
}

/**
 * Why `buyer` cannot join `team` at `at`, or undefined if they can. The authority refuses a
 * join for these reasons, in this order (and a team it does not know as closed); the checkout
 * says the same before the order is placed.
 */
export function joinProblem(team: Team, buyer: BuyerId, at: Millis): JoinProblem | undefined {
  if (!isTeamOpen(team, at)) return 'team-closed';
  if (team.members.length >= team.size) return 'team-full';
  if (team.members.some((m) => m.buyer === buyer)) return 'team-member';
  return undefined;
}

/* ------------------------------------------------------------------ people, as the public catalog shows them
 * (here rather than in public-copy.ts: the screens need these, and this module is already in
 * the chunk they load, so no new file is named on the first screen's list of lazy chunks) */

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
    // Upper-cased only where that stays one letter: "ß" would become "SS", "ῢ" three code points.
    const upper = letter.toLocaleUpperCase('en').normalize('NFC');
    out += [...upper].length === 1 ? upper : letter;
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

/** The initials to show under a review, in either copy. */
export function reviewerInitials(review: { buyer?: BuyerId; initials?: string }): string {
  return review.initials ?? (review.buyer === undefined ? '?' : initialsOf(review.buyer));
}
