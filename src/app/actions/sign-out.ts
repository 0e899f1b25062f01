import type { Remote } from '../../storage/index.ts';
import { setSetting } from '../../storage/settings.ts';
import { shopClient } from '../sync/shop-client.ts';

/** Ends the session. What is still queued stays queued, and goes when this person signs in again. */
export async function signOut(remote: Remote): Promise<void> {
  // Offline, the cookie cannot be cleared now; forgetting the account here still signs out this app.
  await shopClient(remote).signOut().catch(() => undefined);
  await setSetting('account', null);
}
