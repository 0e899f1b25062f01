/**
 * The seller's quick replies, kept in the person settings of this device (so in its backups):
 * read, saved, removed. On a real shop they are the signed-in seller's; in the demo, where one
 * visitor plays every persona and the seller, the seller is a person of their own, so switching
 * persona does not change the seller's replies.
 */
import { addQuickReply, removeQuickReply, type QuickReplyProblem } from '../domain/index.ts';
import { getPersonSetting, updatePersonSetting } from '../storage/person-settings.ts';
import type { Person } from './person-settings.ts';

/** Who the seller is among the device's people. */
export interface SellerPerson extends Person {
  readonly remote: unknown;
}

export const DEMO_SELLER = 'demo seller';

const sellerOf = (app: SellerPerson) => (app.remote === null ? DEMO_SELLER : app.person());

/** Why a reply was not saved, as the domain's code (the UI says it in the seller's language). */
export class QuickReplyRefusedError extends Error {
  constructor(readonly problem: QuickReplyProblem) {
    super(`Quick reply not saved: ${problem}`);
    this.name = 'QuickReplyRefusedError';
  }
}

export async function quickReplies(app: SellerPerson): Promise<string[]> {
  await app.ready;
  return getPersonSetting(sellerOf(app), 'quickReplies');
}

/** Saves `text` first in the list (refused with the reason: empty, too long, the list full); returns the list. */
export async function saveQuickReply(app: SellerPerson, text: string): Promise<string[]> {
  await app.ready;
  let refused: QuickReplyProblem | undefined;
  const list = await updatePersonSetting(sellerOf(app), 'quickReplies', (old) => {
    const made = addQuickReply(old, text);
    refused = made.ok ? undefined : made.problem;
    return made.ok ? made.value : old;
  });
  if (refused) throw new QuickReplyRefusedError(refused);
  return list;
}

export async function removeQuickReplyOf(app: SellerPerson, text: string): Promise<string[]> {
  await app.ready;
  return updatePersonSetting(sellerOf(app), 'quickReplies', (old) => removeQuickReply(old, text));
}
