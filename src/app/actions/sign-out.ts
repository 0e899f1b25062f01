import type { Remote } from '../../storage/index.ts';
import { setSetting } from '../../storage/settings.ts';
import { shopClient } from '../sync/shop-client.ts';
import { forgetPrivatePhotos } from '../device/forget-private-photos.ts';

/**
 * Ends the session. What is still queued stays queued, and goes when this person signs in again.
 * The private photos this phone cached (messages, claims) go: the next person must not see them.
 */
export async function signOut(remote: Remote): Promise<void> {
  // Offline, the cookie cannot be cleared now; forgetting the account here still signs out this app.
  await shopClient(remote).signOut().catch(() => undefined);
  await setSetting('account', null);
  await forgetPrivatePhotos().catch((error: unknown) => console.warn('Cached private photos could not be forgotten', error));
}
