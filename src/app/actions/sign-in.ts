import type { Remote } from '../../storage/index.ts';
import { setSetting } from '../../storage/settings.ts';
import { CouchError } from '../../sync/couch-client.ts';
import { AccountError } from '../sync/account-error.ts';
import { asAccountError, shopClient } from '../sync/shop-client.ts';

/**
 * Signs in with CouchDB's `_session`: the server answers with a session cookie, and only the
 * name and roles are kept on the device, never the password.
 */
export async function signIn(remote: Remote, name: string, password: string): Promise<void> {
  let session;
  try {
    session = await shopClient(remote).signIn(name.trim().toLowerCase(), password);
  } catch (error) {
    if (error instanceof CouchError && error.status === 401) throw new AccountError('wrong-password');
    throw asAccountError(error);
  }
  await setSetting('account', { name: session.name ?? name, roles: session.roles ?? [] });
}
