import { makeReceipt, messageVersion, type BuyerId, type Millis, type Writer } from '../../domain/index.ts';
import { readUpToOf, sendMessage } from '../../storage/index.ts';
import type { AppContext } from '../context.ts';
import { newEventId } from '../ids.ts';

/**
 * The conversation was seen up to the other side's message of time `upTo`: a read receipt goes
 * to the other side (their "read"), unless this side had already read that far (no receipt for
 * nothing new, so opening a conversation again sends nothing).
 */
export async function markConversationRead(ctx: AppContext, side: 'buyer' | 'seller', buyer: BuyerId, upTo: Millis): Promise<boolean> {
  if ((await readUpToOf(ctx.store, buyer, side) ?? -Infinity) >= upTo) return false;
  const writer: Writer = side === 'seller' ? { side } : { side, buyer: ctx.buyer() };
  const at = ctx.now();
  const receipt = makeReceipt({ id: newEventId(at), v: messageVersion(), now: at, writer, buyer, upTo });
  if (!receipt.ok) return false;
  await sendMessage(ctx.store, receipt.value, at);
  ctx.nudge();
  return true;
}
