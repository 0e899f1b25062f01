import { setSetting } from '../../storage/settings.ts';

/** Back to the built-in demo shop. The shop's data stays on the device for when it connects again. */
export async function disconnectShop(): Promise<void> {
  await setSetting('remote', null);
  await setSetting('account', null);
}
