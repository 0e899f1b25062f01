/**
 * The seller's quick replies (issue 14): short answers saved once and put into a message with a
 * tap ("Thanks, it ships today"). Kept on the seller's device, newest first; nothing here
 * travels, so these are only the rules of the list: what may be saved and how it changes.
 */
import { cleanText } from './messages.ts';

/** Short by nature; a longer text is a message, not a reply kept for reuse. */
export const QUICK_REPLY_MAX_CHARS = 300;
/** Enough for a small shop's usual answers, few enough to tap through on a phone. */
export const QUICK_REPLIES_MAX = 20;

/** Why a reply is not saved, as a code the app translates. */
export type QuickReplyProblem = 'empty' | 'too-long' | 'too-many';

export type QuickReplyResult = { ok: true; value: string[] } | { ok: false; problem: QuickReplyProblem };

/** Whether `x` is a list this app keeps (a backup from outside may hold anything). */
export function isQuickReplies(x: unknown): x is string[] {
  if (!Array.isArray(x) || x.length > QUICK_REPLIES_MAX) return false;
  const texts = x.filter((t): t is string => typeof t === 'string' && t === cleanText(t) && t !== '' && t.length <= QUICK_REPLY_MAX_CHARS);
  return texts.length === x.length && new Set(texts).size === texts.length;
}

/**
 * `text` saved in front of the list (cleaned as a message is); saved again, an old reply moves
 * to the front rather than being kept twice, so a full list still takes it.
 */
export function addQuickReply(list: readonly string[], text: string): QuickReplyResult {
  const reply = cleanText(text);
  if (reply === '') return { ok: false, problem: 'empty' };
  if (reply.length > QUICK_REPLY_MAX_CHARS) return { ok: false, problem: 'too-long' };
  const rest = list.filter((r) => r !== reply);
  if (rest.length >= QUICK_REPLIES_MAX) return { ok: false, problem: 'too-many' };
  return { ok: true, value: [reply, ...rest] };
}

/** The list without `text` (unchanged if it was not there). */
export function removeQuickReply(list: readonly string[], text: string): string[] {
  return list.filter((r) => r !== text);
}

/**
 * The composer's text with a reply put in: the reply alone if nothing is written yet, else after
 * what is written (on its own line), so nothing typed is lost.
 */
export function insertReply(written: string, reply: string): string {
  return written.trim() === '' ? reply : `${written.replace(/\s+$/, '')}\n${reply}`;
}
