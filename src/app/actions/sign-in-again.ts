import type { Account, Remote } from '../../storage/index.ts';
import { signIn } from './sign-in.ts';

/**
 * The server ended this device's session (CouchDB's `[chttpd_auth] timeout` after days
 * offline): the same person signs in again where they are, and what waits on the device is
 * sent at once. No reload: the device's data and its sync runner stay as they are.
 */
export async function signInAgain(app: { remote: Remote | null; account: Account | null; nudge(): void }, password: string): Promise<void> {
  if (!app.remote || !app.account) throw new Error('Nobody was signed in to a shop on this device.');
  await signIn(app.remote, app.account.name, password);
  app.nudge();
}
