import { markMessagesSent, queuedMessages, type Store } from '../../storage/index.ts';

/**
 * The demo's network for messages: the personas and the seller share this device, so a message
 * reaches the other side as soon as it is "sent", which happens while the device is online, as a
 * real push would. It runs before the authority's run and needs none of it (messages are never decided).
 */
export async function deliverDemoMessages(store: Store, online: boolean, now: number): Promise<number> {
  if (!online) return 0;
  const waiting = await queuedMessages(store);
  await markMessagesSent(store, waiting.map((m) => m.id), now);
  return waiting.length;
}
