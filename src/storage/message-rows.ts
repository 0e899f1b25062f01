/**
 * The rows of the messages tables (schema version 8, 'messages'). A message row is the domain's
 * event unchanged (pushed, pulled and backed up as it is); the conversation row is derived from
 * the messages by the same transaction that stores them; the outbox row is this device's own.
 */
import type { BuyerId, EventId, MessageEvent, MessageSide, Millis } from '../domain/index.ts';

export type MessageRow = MessageEvent;

export interface ConversationRow {
  buyer: BuyerId;
  /** The newest message's `at` (0 while only receipts are known). */
  lastAt: Millis;
  lastId?: EventId;
  lastFrom?: MessageSide;
  /** The newest message's first characters, for the list. */
  lastText?: string;
  /** How far each side has read the other's messages (the highest receipt's `upTo`). */
  buyerReadUpTo?: Millis;
  sellerReadUpTo?: Millis;
  /**
   * How many of the other side's messages each side has not read (after its `…ReadUpTo`): kept
   * by every write, so a badge or an opened conversation reads one row, not every unread
   * message. Absent in a row from before they were kept (or restored from a backup): counted
   * once by the next write there, and by walking the messages until then (message-queries.ts).
   */
  buyerUnread?: number;
  sellerUnread?: number;
}

export const readUpToOf = (row: ConversationRow | undefined, side: MessageSide): Millis | undefined =>
  side === 'buyer' ? row?.buyerReadUpTo : row?.sellerReadUpTo;

export const unreadKey = (side: MessageSide): 'buyerUnread' | 'sellerUnread' => (side === 'buyer' ? 'buyerUnread' : 'sellerUnread');

/** A message or receipt of this device still to send: 'refused' when the server said no for good. */
export interface MessageOutboxRow {
  id: EventId;
  buyer: BuyerId;
  from: MessageSide;
  queuedAt: Millis;
  status: 'queued' | 'refused';
  error?: string;
}

/** How much of the last message a conversation row keeps. */
export const PREVIEW_CHARS = 140;
