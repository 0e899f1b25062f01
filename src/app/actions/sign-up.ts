import type { Remote } from '../../storage/index.ts';
import { CouchError } from '../../sync/couch-client.ts';
import { USER_NAME_PATTERN } from '../../sync/names.ts';
import { InvalidInputError } from '../errors.ts';
import { AccountError } from '../sync/account-error.ts';
import { asAccountError, shopClient } from '../sync/shop-client.ts';
import { signIn } from './sign-in.ts';

export const MIN_PASSWORD = 8;

/**
 * Creates a buyer's account in the server's `_users` (the server hashes the password), then
 * signs in. The name is the buyer's id in every order, so it follows the ids' rules.
 */
export async function signUp(remote: Remote, rawName: string, password: string): Promise<void> {
  const name = rawName.trim().toLowerCase();
  const problems: string[] = [];
  if (!USER_NAME_PATTERN.test(name)) problems.push("A name is 2 to 32 lower-case letters, digits, '.', '_' or '-'.");
  if (password.length < MIN_PASSWORD) problems.push(`A password has at least ${MIN_PASSWORD} characters.`);
  if (problems.length > 0) throw new InvalidInputError(problems);
  try {
    await shopClient(remote).signUp(name, password);
  } catch (error) {
    if (error instanceof CouchError && error.status === 409) throw new AccountError('name-taken');
    if (error instanceof CouchError && (error.status === 401 || error.status === 403)) throw new AccountError('sign-up-closed', error.reason);
    throw asAccountError(error);
  }
  await signIn(remote, name, password);
}
