/** A person's Updates (the domain's updatesOf over what the device has) and when they last looked. */
import { unseen, type BuyerId, type Update } from '../../domain/index.ts';
import { getPersonSetting, setPersonSetting, updatesFor } from '../../storage/index.ts';

export interface MyUpdates {
  updates: Update[];
  unread: number;
  seenAt: number;
}

export async function myUpdates(person: string, store: Parameters<typeof updatesFor>[0], buyer: BuyerId): Promise<MyUpdates> {
  const [updates, seenAt] = await Promise.all([updatesFor(store, buyer), getPersonSetting(person, 'updatesSeenAt')]);
  return { updates, unread: unseen(updates, seenAt), seenAt };
}

/** The person has seen their Updates up to now. */
export function markUpdatesSeen(person: string, at: number): Promise<void> {
  return setPersonSetting(person, 'updatesSeenAt', at);
}
