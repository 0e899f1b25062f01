import type { Millis } from '../catalog.ts';
import type { Decision, DecisionKind, Intent, RejectReason, Snapshots } from '../events.ts';
import { foldInto, type Draft, type UndoLog } from '../fold.ts';
import type { BuyerId, EventId } from '../ids.ts';
import type { Posting } from '../ledger.ts';
import type { Order } from '../orders.ts';
import { snapshotsVersion } from '../event-version.ts';
import type { TimerQueue } from './timers.ts';

/** What one run of the authority works on: a draft of the state, its output, its clock queue. */
export interface Ctx {
  draft: Draft;
  out: Decision[];
  timers: TimerQueue;
  /** How to take back what the item being decided has changed so far (see `decideInto`). */
  undo: UndoLog;
}

export interface DecisionDraft {
  kind: DecisionKind;
  /**
   * Makes the decision's id. Ids are derived, never random, so that deciding the same thing
   * again (after a crash, on another device) makes the same document: a repeat is a no-op.
   */
  id: string;
  at: Millis;
  intentId?: EventId;
  buyer?: BuyerId;
  reason?: RejectReason;
  message?: string;
  postings?: Posting[];
  set?: Snapshots;
}

/** Numbers a decision, folds it into the draft at once (the next intent sees its effect) and records it. */
export function emit(ctx: Ctx, d: DecisionDraft): Decision {
  const set = d.set ?? {};
  const decision: Decision = {
    type: 'decision',
    // The lowest version that holds it: an app that reads version 1 only still reads this unless it is about options.
    v: snapshotsVersion(set),
    id: d.id as EventId,
    kind: d.kind,
    n: ctx.draft.n + 1,
    at: d.at,
    postings: d.postings ?? [],
    set,
  };
  if (d.intentId !== undefined) decision.intentId = d.intentId;
  if (d.buyer !== undefined) decision.buyer = d.buyer;
  if (d.reason !== undefined) decision.reason = d.reason;
  if (d.message !== undefined) decision.message = d.message;
  foldInto(ctx.draft, decision, ctx.undo);
  ctx.out.push(decision);
  return decision;
}

export const decisionIdFor = (intentId: EventId): string => `d.${intentId}`;

export function buyerOf(intent: Intent): BuyerId | undefined {
  return intent.by === 'buyer' ? intent.buyer : undefined;
}

/** Refuses an intent with a reason the person is shown; it changes nothing else. */
export function refuse(ctx: Ctx, intent: Intent, at: Millis, reason: RejectReason, message: string, order?: Order): Decision {
  const buyer = buyerOf(intent) ?? order?.buyer;
  return emit(ctx, {
    kind: order ? 'order.rejected' : 'intent.rejected',
    id: decisionIdFor(intent.id),
    at,
    intentId: intent.id,
    ...(buyer !== undefined && { buyer }),
    reason,
    message,
    ...(order && { set: { orders: [order] } }),
  });
}

export function currentOrder(ctx: Ctx, id: string): Order | undefined {
  return ctx.draft.orders.get(id as Order['id'])?.value;
}
