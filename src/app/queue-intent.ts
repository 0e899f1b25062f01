import { intentVersion } from '../domain/event-version.ts';
import {
  type BuyerId, type BuyerIntent, type EventId, type Intent, type SellerCommand,
} from '../domain/index.ts';
import { validateIntent } from '../domain/validate/index.ts';
import { queueIntent, queueIntents, queueIntentsIfEmpty } from '../storage/write-intent.ts';
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
 * `clearCart`: a checkout from the buyer's cart, emptied in the same transaction.
 */
export async function queueBuyerIntent(ctx: AppContext, body: BuyerIntentBody, options: { clearCart?: boolean } = {}): Promise<EventId> {
  // A real shop's device with nobody signed in has no buyer to send it as.
  if (ctx.buyer() === '') throw new InvalidInputError(['Sign in first (Settings → The shop’s server): orders are sent in your name.']);
  const at = ctx.now();
  const buyer: BuyerId = ctx.buyer();
  // Stamped with the lowest version that holds it (2 with options), so an older shop app keeps reading the rest.
  const intent = checked({ ...body, id: newEventId(at), v: intentVersion(body), at, type: 'intent', by: 'buyer', buyer, sentAt: at });
  await queueIntent(ctx.store, intent, at, options.clearCart ? { clearCartOf: buyer } : {});
  ctx.nudge();
  return intent.id;
}

export async function queueSellerCommand(ctx: AppContext, body: SellerCommandBody): Promise<EventId> {
  const [id] = await queueSellerCommands(ctx, [body]);
  return id!;
}

/**
 * The seller's commands, all queued in ONE transaction (a catalog import): every one is checked
 * first, so one the shop's validator refuses throws an `InvalidInputError` and nothing at all
 * is queued; so does a full disk.
 */
export async function queueSellerCommands(ctx: AppContext, bodies: readonly SellerCommandBody[]): Promise<EventId[]> {
  const intents = bodies.map((body) => sellerCommand(ctx, body));
  if (intents.length === 1) await queueIntent(ctx.store, intents[0]!, intents[0]!.at);
  else if (intents.length > 0) await queueIntents(ctx.store, intents, ctx.now());
  ctx.nudge();
  return intents.map((i) => i.id);
}

/**
 * The seller's commands, queued only on a device that holds no event at all yet (the demo's
 * first start), in one transaction with that check; false if the device had some. `make` is
 * called only when the device is empty.
 */
export async function queueFirstSellerCommands(ctx: AppContext, make: () => readonly SellerCommandBody[]): Promise<boolean> {
  const queued = await queueIntentsIfEmpty(ctx.store, () => make().map((body) => sellerCommand(ctx, body)), ctx.now());
  if (queued) ctx.nudge();
  return queued;
}

function sellerCommand(ctx: AppContext, body: SellerCommandBody): Intent {
  const at = ctx.now();
  return checked({ ...body, id: newEventId(at), v: intentVersion(body), at, type: 'intent', by: 'seller' });
}

function checked(doc: object): Intent {
  const result = validateIntent(doc);
  if (!result.ok) throw new InvalidInputError(result.errors);
  return result.value;
}
