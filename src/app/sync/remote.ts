/**
 * Which shop this device talks to. None (the default): the built-in demo shop, all in this
 * browser. A shop's own deployment may preset one at build time (`VITE_SHOP_URL` and
 * `VITE_SHOP_ID`); otherwise it is chosen in Settings.
 */
import type { Account, Remote } from '../../storage/settings.ts';

export function presetRemote(): Remote | null {
  const url = import.meta.env.VITE_SHOP_URL as string | undefined;
  const shop = import.meta.env.VITE_SHOP_ID as string | undefined;
  return url && shop ? { url, shop } : null;
}

/**
 * Each shop, and each person signed in to it, gets their own device database: connecting to a
 * real shop never mixes its data with the demo's (or another shop's), two people sharing a
 * phone never see each other's orders, and going back to the demo finds it as it was.
 */
export function deviceDbName(remote: Remote | null, user: string | undefined): string | undefined {
  return remote ? `offline-shop ${remote.shop} ${remote.url}${user ? ` ${user}` : ''}` : undefined;
}

/** The seller signs in as the server's admin or with the shop's `seller` role. */
export function isSeller(account: Account | null): boolean {
  return account !== null && (account.roles.includes('seller') || account.roles.includes('_admin'));
}
