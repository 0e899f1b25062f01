import {
  floodProblem, makeMessage, MESSAGE_LIMIT_WINDOW_MS, type BuyerId, type EventId, type MessageAbout, type MessageProblem,
  type Millis, type Writer,
} from '../../domain/index.ts';
import { validateMessage } from '../../domain/validate/messages.ts';
import { sendMessage as storeAndQueue, sentTimesSince } from '../../storage/index.ts';
import type { AppContext } from '../context.ts';
import { newEventId } from '../ids.ts';

/** Why a message was not sent, as the domain's code (the UI says it in the person's language). */
export class MessageRefusedError extends Error {
  constructor(readonly problem: MessageProblem, why: string, readonly retryAt?: Millis) {
    super(why);
    this.name = 'MessageRefusedError';
  }
}

/**
 * Someone writes in a conversation: the buyer in their own (`side` 'buyer'), the seller in a
 * buyer's. The message is stored and queued in one transaction and shown at once as "queued on
 * this device"; it needs no decision, so it goes with the next sync (in the demo, at once while
 * online). Nothing is lost on a refusal: the text stays in the form.
 */
export async function sendMessage(
  ctx: AppContext, side: 'buyer' | 'seller', message: { buyer?: BuyerId; text: string; about?: MessageAbout; photos?: readonly string[] },
): Promise<EventId> {
  const writer: Writer = side === 'seller' ? { side } : { side, buyer: ctx.buyer() };
  const buyer = side === 'buyer' ? ctx.buyer() : message.buyer;
  if (buyer === undefined || buyer === '') throw new MessageRefusedError('wrong-author', 'No conversation to write in: sign in first.');
  const at = ctx.now();
  const made = makeMessage({ id: newEventId(at), now: at, writer, buyer, text: message.text, ...(message.about ? { about: message.about } : {}), ...(message.photos ? { photos: message.photos } : {}) });
  if (!made.ok) throw new MessageRefusedError('problem' in made ? made.problem : 'empty', made.errors.join(' '));
  // Ten a minute, a hundred an hour, per side and conversation (the domain's rule): a flood is told when it may go on.
  const flood = floodProblem(await sentTimesSince(ctx.store, buyer, side, at - MESSAGE_LIMIT_WINDOW_MS), at);
  if (flood) throw new MessageRefusedError(flood.problem, `Too many messages at once: wait until ${new Date(flood.retryAt).toISOString()}.`, flood.retryAt);
  // The validator the other side reads it with: what would be set aside there is never sent.
  const checked = validateMessage(made.value);
  if (!checked.ok) throw new MessageRefusedError('empty', checked.errors.join(' '));
  await storeAndQueue(ctx.store, checked.value, at);
  ctx.nudge();
  return checked.value.id;
}
