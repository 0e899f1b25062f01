import type { Millis } from '../catalog.ts';
import type { Decision, Intent } from '../events.ts';
import { draftOf, undo, type Draft } from '../fold.ts';
import type { ShopState } from '../state.ts';
import { approveRefund, compensateClaim, declineClaim, declineRefund, fileClaim, requestRefund, writeReview } from './after-sale.ts';
import { saveProduct, savePromotion, saveShop } from './catalog-commands.ts';
import { refuse, type Ctx } from './context.ts';
import { refuseUndecidable } from './undecidable.ts';
import { autoConfirm, cancelOrder, confirmReceipt, finishOrder, handOver, markReady, shipOrder } from './order-flow.ts';
import { placeOrder } from './place-order.ts';
import { expireTeam } from './teams.ts';
import { timersOf, type Timer } from './timers.ts';
import { creditWallet, demoTopUp, requestWithdrawal, settleWithdrawal } from './wallet.ts';

export interface Decided {
  decisions: Decision[];
  state: ShopState;
}

/**
 * The shop's authority: decides every intent not decided yet, in the order the server
 * attests they were sent (ties by id), and lets the clock decide what it must (team
 * deadlines, auto-confirmation, refund windows) at the moment it falls due between them.
 * Pure: the same state, intents and `now` always give the same decisions, and an intent
 * already decided (in this batch or any before) is skipped, so it has its effect once.
 */
export function decide(state: ShopState, intents: Iterable<Intent>, now: Millis): Decided {
  const draft = draftOf(state);
  return { decisions: decideInto(draft, intents, now), state: draft };
}

/**
 * `decide` on a working copy the caller owns and keeps (see `draftOf`): the copy is changed
 * in place, so a runner that decides small batches all day does not copy the whole shop for
 * each one. Same decisions as `decide`. If the caller cannot keep the decisions (its write
 * failed), it must throw the copy away and make a new one from what it did keep.
 *
 * One bad item never stalls the shop: an intent whose deciding throws (a malformed document,
 * a balance that cannot be added to, a bug) is taken back whole and refused with the reason,
 * and a clock's decision that throws waits for the next run; every other item is decided as
 * if it were not there. Every intent gets exactly one decision, so none waits for ever.
 */
export function decideInto(draft: Draft, intents: Iterable<Intent>, now: Millis): Decision[] {
  const ctx: Ctx = { draft, out: [], timers: timersOf(draft), undo: [] };
  // An intent with no id cannot be answered (the id is what its decision is known by).
  const queue = [...intents].filter((i) => typeof i?.id === 'string' && !draft.decided.has(i.id));
  queue.sort((a, b) => timeOf(a, now) - timeOf(b, now) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const intent of queue) {
    if (draft.decided.has(intent.id)) continue; // the same intent twice in one batch
    const t = timeOf(intent, now);
    runClock(ctx, t);
    attempt(ctx, () => {
      decideOne(ctx, intent, t);
      // A kind this shop does not know: refused rather than left waiting.
      if (!draft.decided.has(intent.id)) refuse(ctx, intent, t, 'malformed', `The shop does not know what "${String(intent.kind)}" asks for.`);
    }, (error) => refuseUndecidable(ctx, intent, t, error));
  }
  runClock(ctx, now);
  return ctx.out;
}

/**
 * Runs one item's deciding; if it throws, takes back all it did (the draft, the decisions
 * made) and runs `instead`, itself taken back if it throws too.
 */
function attempt(ctx: Ctx, act: () => void, instead?: (error: unknown) => void): void {
  const mark = ctx.out.length;
  ctx.undo.length = 0;
  try {
    act();
  } catch (error) {
    undo(ctx.undo);
    ctx.out.length = mark;
    if (instead) attempt(ctx, () => instead(error));
  }
  ctx.undo.length = 0;
}

/**
 * Refuses intents whose document was tampered with on the server (someone added a sibling
 * revision, so which body is the buyer's cannot be known): none is acted on, and the buyer is
 * told. An intent already decided is left alone, as in `decideInto`.
 */
export function refuseTampered(draft: Draft, intents: Iterable<Intent>, now: Millis): Decision[] {
  const ctx: Ctx = { draft, out: [], timers: timersOf(draft), undo: [] };
  for (const intent of intents) {
    if (draft.decided.has(intent.id)) continue;
    attempt(ctx, () => void refuse(ctx, intent, timeOf(intent, now), 'tampered', 'The request was changed on its way, so the shop cannot tell which version is yours.'));
  }
  return ctx.out;
}

/**
 * Server-attested send time for buyers; the seller's own device clock for seller commands.
 * Never later than now; an intent with no readable time counts as sent now (a time that is
 * not a number would let the clock fire every timer at once).
 */
function timeOf(intent: Intent, now: Millis): Millis {
  const sent = intent.by === 'buyer' ? intent.sentAt : intent.at;
  return Number.isFinite(sent) ? Math.min(sent, now) : now;
}

/** Fires the timers due by `upTo`. One that throws is taken back and tried again in the next run. */
function runClock(ctx: Ctx, upTo: Millis): void {
  for (let timer = ctx.timers.popDue(upTo); timer; timer = ctx.timers.popDue(upTo)) {
    const due = timer;
    attempt(ctx, () => fire(ctx, due));
  }
}

function fire(ctx: Ctx, timer: Timer): void {
  if (timer.kind === 'team-deadline') {
    const team = ctx.draft.teams.get(timer.teamId)?.value;
    if (team?.status === 'forming' && team.deadline === timer.due) expireTeam(ctx, team, timer.due);
  } else if (timer.kind === 'auto-confirm') {
    autoConfirm(ctx, timer.orderId, timer.due);
  } else {
    finishOrder(ctx, timer.orderId, timer.due);
  }
}

function decideOne(ctx: Ctx, intent: Intent, t: Millis): void {
  switch (intent.kind) {
    case 'order.place': return placeOrder(ctx, intent, t);
    case 'order.cancel': return cancelOrder(ctx, intent, t);
    case 'order.confirm-receipt': return confirmReceipt(ctx, intent, t);
    case 'refund.request': return requestRefund(ctx, intent, t);
    case 'claim.file': return fileClaim(ctx, intent, t);
    case 'review.write': return writeReview(ctx, intent, t);
    case 'withdrawal.request': return requestWithdrawal(ctx, intent, t);
    case 'wallet.demo-top-up': return demoTopUp(ctx, intent, t);
    case 'shop.save': return saveShop(ctx, intent, t);
    case 'product.save': return saveProduct(ctx, intent, t);
    case 'promotion.save': return savePromotion(ctx, intent, t);
    case 'order.ship': return shipOrder(ctx, intent, t);
    case 'order.ready': return markReady(ctx, intent, t);
    case 'order.hand-over': return handOver(ctx, intent, t);
    case 'order.seller-cancel': return cancelOrder(ctx, intent, t);
    case 'refund.approve': return approveRefund(ctx, intent, t);
    case 'refund.decline': return declineRefund(ctx, intent, t);
    case 'claim.compensate': return compensateClaim(ctx, intent, t);
    case 'claim.decline': return declineClaim(ctx, intent, t);
    case 'wallet.credit': return creditWallet(ctx, intent, t);
    case 'withdrawal.pay':
    case 'withdrawal.decline':
      return settleWithdrawal(ctx, intent, t);
  }
}
