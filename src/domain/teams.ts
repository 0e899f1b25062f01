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

/**
 * Why `buyer` cannot join `team` at `at`, or undefined if they can. The authority refuses a
 * join for these reasons, in this order (and a team it does not know as closed); the checkout
 * says the same before the order is placed.
 */
export function joinProblem(team: Team, buyer: BuyerId, at: Millis): JoinProblem | undefined {
  if (team.status !== 'forming' || at >= team.deadline) return 'team-closed';
  if (team.members.length >= team.size) return 'team-full';
  if (team.members.some((m) => m.buyer === buyer)) return 'team-member';
  return undefined;
}
