import {
  EVENT_VERSION, type BuyerIntent, type EventId, type Intent, type SellerCommand,
} from '../domain/index.ts';
import { validateIntent } from '../domain/validate/index.ts';
import { queueIntent } from '../storage/index.ts';
import type { AppContext } from './context.ts';
import { InvalidInputError } from './errors.ts';
import { newEventId } from './ids.ts';

// What a use case says; the envelope (id, version, times, author) is added here. Distributes over the unions.
type Body<T, Envelope extends string> = T extends unknown ? Omit<T, Envelope> : never;
export type BuyerIntentBody = Body<BuyerIntent, 'id' | 'v' | 'at' | 'type' | 'by' | 'buyer' | 'sentAt'>;
export type SellerCommandBody = Body<SellerCommand, 'id' | 'v' | 'at' | 'type' | 'by'>;

/**
 * Makes an intent from what a person did, checks it with the same validator the shop uses
 * (so a bad form never reaches the outbox), and queues it with its outbox entry in one
 * transaction. `sentAt` is provisional: it is stamped again when the intent is sent.
 */
export async function queueBuyerIntent(ctx: AppContext, body: BuyerIntentBody): Promise<EventId> {
  // A real shop's device with nobody signed in has no buyer to send it as.
  if (ctx.buyer() === '') throw new InvalidInputError(['Sign in first (Settings → The shop’s server): orders are sent in your name.']);
  const at = ctx.now();
  return queueChecked(ctx, { ...body, id: newEventId(at), v: EVENT_VERSION, at, type: 'intent', by: 'buyer', buyer: ctx.buyer(), sentAt: at }, at);
}

export async function queueSellerCommand(ctx: AppContext, body: SellerCommandBody): Promise<EventId> {
  const at = ctx.now();
  return queueChecked(ctx, { ...body, id: newEventId(at), v: EVENT_VERSION, at, type: 'intent', by: 'seller' }, at);
}

async function queueChecked(ctx: AppContext, doc: object, at: number): Promise<EventId> {
  const checked = validateIntent(doc);
  if (!checked.ok) throw new InvalidInputError(checked.errors);
  const intent: Intent = checked.value;
  await queueIntent(ctx.db, intent, at);
  ctx.nudge();
  return intent.id;
}
