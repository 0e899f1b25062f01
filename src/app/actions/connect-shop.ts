import { setSetting } from '../../storage/settings.ts';
import { catalogDb, IDENTITY_DOC_ID, SHOP_PATTERN } from '../../sync/names.ts';
import { InvalidInputError } from '../errors.ts';
import { AccountError } from '../sync/account-error.ts';
import { asAccountError, shopClient } from '../sync/shop-client.ts';

/**
 * Points this device at a shop on a CouchDB server, after checking the shop is there. The app
 * then restarts on that shop's own database (the demo's stays as it was).
 */
export async function connectShop(url: string, shop: string): Promise<void> {
  const problems: string[] = [];
  const address = url.trim();
  if (!/^(https?:\/\/[^\s]+|\/[^\s]*)$/.test(address)) problems.push('The address must start with https:// (or http://, or / for this site).');
  if (!SHOP_PATTERN.test(shop)) problems.push("The shop's id is lower-case letters, digits, '-' and '_', starting with a letter.");
  if (problems.length > 0) throw new InvalidInputError(problems);
  const remote = { url: address, shop };
  let identity: unknown;
  try {
    identity = await shopClient(remote).get(catalogDb(shop), IDENTITY_DOC_ID);
  } catch (error) {
    throw asAccountError(error);
  }
  if (identity === undefined) throw new AccountError('no-shop', `${address} ${shop}`);
  await setSetting('remote', remote);
  await setSetting('account', null);
}
