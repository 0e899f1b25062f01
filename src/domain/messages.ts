import type { Millis } from './catalog.ts';
import type { BuyerId, EventId, OrderId, ProductId } from './ids.ts';
import { MAX_ATTACHED_PHOTOS, photoListProblems, photosField } from './attached-photos.ts';
import { ATTACHMENTS_VERSION, EVENT_VERSION } from './event-base.ts';
import { fail, ok, type Result } from './result.ts';

/**
 * Messages between a buyer and the shop (issue 14). One conversation per buyer, named by the
 * buyer's id, travelling in that buyer's private channel. A message is an immutable event like
 * an intent, but no authority decides it: it is shown as soon as it is stored, on whichever
 * device has it, and it never waits for a decision (nor a decision for it).
 *
 * A read receipt is a message event too: one side says it has read the other side's messages
 * up to a time (`upTo`: the `at` of the newest one it saw, as its author stamped it), so one
 * small event covers any number of messages, and a repeat or an older receipt changes nothing.
 */
export const MESSAGE_MAX_CHARS = 2_000;

export type MessageSide = 'buyer' | 'seller';

/** What a message may be about, shown as a card beside its text. */
/** What a message is about, shown as a card: a product, an order, or a coupon of the shop's to use. */
export type MessageAbout = { product: ProductId } | { order: OrderId } | { coupon: string };

/**
 * Messages carry nothing about options: version 1, or 3 where they carry attachments (photos, a
 * coupon card: event-base.ts ATTACHMENTS_VERSION; messageVersion in event-version.ts).
 */
export type MessageVersion = 1 | 3;
export const MESSAGE_VERSION = 1 as const;

/**
 * Messages and read receipts carry nothing about options: version 1, read by every app; a
 * message with photos or a coupon card is version 3, which an older app refuses saying to update.
 */
export function messageVersion(m: { photos?: readonly unknown[]; about?: MessageAbout } = {}): MessageVersion {
  return m.photos !== undefined && m.photos.length > 0 || (m.about !== undefined && 'coupon' in m.about) ? ATTACHMENTS_VERSION : EVENT_VERSION;
}

interface MessageBase {
  id: EventId;
  v: MessageVersion;
  /** When it was written, by the author's device clock: the conversation's order on screen. */
  at: Millis;
  type: 'message';
  from: MessageSide;
  /** The conversation: the buyer it is with. */
  buyer: BuyerId;
  /** Stamped from the server's clock just before a push (provisional until then), as intents are. */
  sentAt: Millis;
}

export interface SendMessage extends MessageBase {
  kind: 'message.send';
  /** Empty only when the message carries photos. */
  text: string;
  about?: MessageAbout;
  /** 1 to 3 photo ids (attached-photos.ts), absent for none. */
  photos?: string[];
}

export interface ReadReceipt extends MessageBase {
  kind: 'message.read';
  /** Every message of the other side with `at` at or before this has been read. */
  upTo: Millis;
}

export type MessageEvent = SendMessage | ReadReceipt;

/** Who is writing, as the device knows it: the signed-in buyer, or the shop's seller. */
export type Writer = { side: 'buyer'; buyer: BuyerId } | { side: 'seller' };

/** Why a message is refused, as a code the app translates. */
export type MessageProblem = 'empty' | 'too-long' | 'wrong-author' | 'too-fast' | 'too-many-photos';

/**
 * How many messages one side may send into one conversation: a person typing (a question, a
 * few follow-ups, a seller answering in bursts) stays far below; a stuck key, a script or a
 * pasted flood does not, and is told when it may go on. Each window counts the writer's own
 * messages in the conversation (receipts are not counted). The server cannot count (its rules
 * see one document at a time), so the app is where this is kept; what a modified app pushes
 * anyway is stored and shown like any message, and never holds up the channel's orders.
 */
export const MESSAGE_LIMITS: readonly { count: number; perMs: number }[] = [
  { count: 10, perMs: 60_000 },
  { count: 100, perMs: 60 * 60_000 },
];

/** The longest window of MESSAGE_LIMITS: how far back a device must look to apply them. */
export const MESSAGE_LIMIT_WINDOW_MS = Math.max(...MESSAGE_LIMITS.map((l) => l.perMs));

/**
 * Whether one more message may be sent at `now`, given when the writer's recent messages in the
 * conversation were written (any order; older ones are ignored). If not, when it may be sent.
 */
export function floodProblem(recent: readonly Millis[], now: Millis): { problem: 'too-fast'; retryAt: Millis } | undefined {
  let retryAt: number | undefined;
  for (const { count, perMs } of MESSAGE_LIMITS) {
    const inWindow = recent.filter((at) => at > now - perMs && at <= now).sort((a, b) => b - a);
    if (inWindow.length < count) continue;
    // The window frees a place when the count-th newest message leaves it.
    const frees = inWindow[count - 1]! + perMs;
    retryAt = Math.max(retryAt ?? 0, frees);
  }
  return retryAt === undefined ? undefined : { problem: 'too-fast', retryAt };
}

/** Text as it will be sent: ends trimmed, Windows line ends made plain. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

/**
 * Whether `writer` may write `message`: a buyer writes only as a buyer and only into their own
 * conversation; the seller only as the seller. The server's rules say the same (rules.ts).
 */
export function authorProblem(message: Pick<MessageEvent, 'from' | 'buyer'>, writer: Writer): MessageProblem | undefined {
  if (writer.side === 'seller') return message.from === 'seller' ? undefined : 'wrong-author';
  return message.from === 'buyer' && message.buyer === writer.buyer ? undefined : 'wrong-author';
}

export interface NewMessage {
  id: EventId;
  now: Millis;
  writer: Writer;
  /** The conversation (for a buyer, their own id). */
  buyer: BuyerId;
  text: string;
  about?: MessageAbout;
  /** Photos already stored on this device, by id. */
  photos?: readonly string[];
}

/** A message to send, or why not: no text and no photo, longer than 2,000 characters, more than 3 photos, or written as someone else. */
export function makeMessage(m: NewMessage): Result<SendMessage> | { ok: false; problem: MessageProblem; errors: string[] } {
  const text = cleanText(m.text);
  const from = m.writer.side;
  const refuse = (problem: MessageProblem, why: string) => ({ ...fail(why), problem });
  const photos = m.photos ?? [];
  if (text === '' && photos.length === 0) return refuse('empty', 'text: write something or add a photo first');
  if (photos.length > MAX_ATTACHED_PHOTOS) return refuse('too-many-photos', `photos: at most ${MAX_ATTACHED_PHOTOS}, got ${photos.length}`);
  const badPhotos = photoListProblems(photos);
  if (badPhotos.length > 0) return refuse('too-many-photos', `photos: ${badPhotos.join('; ')}`);
  if (text.length > MESSAGE_MAX_CHARS) return refuse('too-long', `text: must be at most ${MESSAGE_MAX_CHARS} characters, got ${text.length}`);
  const wrong = authorProblem({ from, buyer: m.buyer }, m.writer);
  if (wrong) return refuse(wrong, 'from: a buyer writes only as themselves, into their own conversation');
  const message: SendMessage = {
    id: m.id, v: messageVersion({ photos, ...(m.about ? { about: m.about } : {}) }), at: m.now, type: 'message', kind: 'message.send', from, buyer: m.buyer, sentAt: m.now, text,
    ...(m.about ? { about: m.about } : {}),
    ...photosField(photos),
  };
  return ok(message);
}

/** A receipt saying `writer` has read the other side's messages up to `upTo`. */
export function makeReceipt(r: { id: EventId; v: MessageVersion; now: Millis; writer: Writer; buyer: BuyerId; upTo: Millis }): Result<ReadReceipt> {
  const from = r.writer.side;
  if (authorProblem({ from, buyer: r.buyer }, r.writer)) return fail('from: a buyer marks only their own conversation as read');
  return ok({ id: r.id, v: r.v, at: r.now, type: 'message', kind: 'message.read', from, buyer: r.buyer, sentAt: r.now, upTo: r.upTo });
}

/** The other side of a conversation. */
export const otherSide = (side: MessageSide): MessageSide => (side === 'buyer' ? 'seller' : 'buyer');

/**
 * Where a sent message stands for its author: still on this device, sent, or read by the other
 * side (their receipt reaches at least its `at`).
 */
export type MessageState = 'queued' | 'sent' | 'read';

export function messageStateOf(message: Pick<SendMessage, 'at'>, queued: boolean, otherReadUpTo: Millis | undefined): MessageState {
  if (queued) return 'queued';
  return otherReadUpTo !== undefined && otherReadUpTo >= message.at ? 'read' : 'sent';
}
