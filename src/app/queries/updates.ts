/** A person's Updates (the domain's updatesOf over what the device has) and when they last looked. */
import { unseen, type BuyerId, type NewsGroup, type Update } from '../../domain/index.ts';
import { getPersonSetting, setPersonSetting, updatesFor } from '../../storage/index.ts';

export interface MyUpdates {
  updates: Update[];
  unread: number;
  seenAt: number;
  /** The kinds the person turned off: listed, not counted. */
  muted: NewsGroup[];
}

export async function myUpdates(person: string, store: Parameters<typeof updatesFor>[0], buyer: BuyerId): Promise<MyUpdates> {
  const [updates, seenAt, muted] = await Promise.all([
    updatesFor(store, buyer, person), getPersonSetting(person, 'updatesSeenAt'), getPersonSetting(person, 'newsMuted'),
  ]);
  return { updates, unread: unseen(updates, seenAt, muted), seenAt, muted };
}

/** The person has seen their Updates up to now. */
export function markUpdatesSeen(person: string, at: number): Promise<void> {
  return setPersonSetting(person, 'updatesSeenAt', at);
}
