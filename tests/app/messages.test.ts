/**
 * Messages in the demo (one device, the personas and the seller): a buyer's question waits on
 * the device while offline, reaches the seller when online (without any decision), the seller's
 * answer and read receipts go both ways; bad input is refused with its reason and nothing stored.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { BuyerId, ProductId } from '../../src/domain/index.ts';
import { ShopDb } from '../../src/storage/index.ts';
import type { AppContext } from '../../src/app/context.ts';
import { LocalAuthority } from '../../src/app/demo/local-authority.ts';
import { MessageRefusedError, sendMessage } from '../../src/app/actions/send-message.ts';
import { markConversationRead } from '../../src/app/actions/mark-conversation-read.ts';
import { listConversations, readConversation, unreadCount } from '../../src/app/queries/messages.ts';

const ann = 'ann' as BuyerId;

function demo() {
  const db = new ShopDb(`messages-${Math.random()}`);
  let online = false;
  let clock = Date.UTC(2026, 10, 11);
  const authority = new LocalAuthority(db, () => online, () => clock);
  const ctx: AppContext = { store: db, buyer: () => ann, nudge: () => undefined, now: () => (clock += 1000) };
  return { db, ctx, authority, setOnline: (v: boolean) => { online = v; } };
}

describe('messages in the demo', () => {
  it('a question waits offline, is delivered online, answered and read both ways', async () => {
    const d = demo();
    await sendMessage(d.ctx, 'buyer', { text: 'Is the tea from this spring?', about: { product: 'tea' as ProductId } });
    await d.authority.run();
    expect((await readConversation(d.db, ann, 'buyer')).messages.map((m) => m.state)).toEqual(['queued']);
    d.setOnline(true);
    await d.authority.run();
    expect((await readConversation(d.db, ann, 'buyer')).messages.map((m) => m.state)).toEqual(['sent']);
    expect((await listConversations(d.db)).map((c) => [c.buyer, c.unread])).toEqual([['ann', 1]]);

    const seen = await readConversation(d.db, ann, 'seller');
    expect(await markConversationRead(d.ctx, 'seller', ann, seen.newestOther!)).toBe(true);
    expect(await markConversationRead(d.ctx, 'seller', ann, seen.newestOther!)).toBe(false);
    await sendMessage(d.ctx, 'seller', { buyer: ann, text: 'Yes, picked in April.' });
    await d.authority.run();
    expect(await unreadCount(d.db, 'seller')).toBe(0);
    expect(await unreadCount(d.db, 'buyer', ann)).toBe(1);
    const buyerView = await readConversation(d.db, ann, 'buyer');
    expect(buyerView.messages.map((m) => [m.message.text, m.mine, m.state])).toEqual([
      ['Is the tea from this spring?', true, 'read'], ['Yes, picked in April.', false, 'sent'],
    ]);
    await markConversationRead(d.ctx, 'buyer', ann, buyerView.newestOther!);
    await d.authority.run();
    expect(await unreadCount(d.db, 'buyer', ann)).toBe(0);
    expect((await readConversation(d.db, ann, 'seller')).messages.map((m) => m.state)).toEqual(['sent', 'read']);
    // No decision was made for any of it.
    expect(await d.db.events.count()).toBe(0);
  });

  it('refuses an empty or too long message with its reason, storing nothing', async () => {
    const d = demo();
    const refused = async (text: string) => sendMessage(d.ctx, 'buyer', { text }).then(() => 'sent', (e: unknown) => (e as MessageRefusedError).problem);
    expect(await refused('  ')).toBe('empty');
    expect(await refused('a'.repeat(100_000))).toBe('too-long');
    expect(await d.db.messages.count()).toBe(0);
    expect(await d.db.messageOutbox.count()).toBe(0);
  });

  it('a flood is told when it may go on: ten a minute per side and conversation, the others unhindered', async () => {
    const d = demo();
    const send = (side: 'buyer' | 'seller', text: string) =>
      sendMessage(d.ctx, side, { buyer: ann, text }).then(() => 'sent', (e: unknown) => (e as MessageRefusedError).problem);
    for (let i = 0; i < 10; i++) expect(await send('buyer', `question ${i}`)).toBe('sent');
    const refusal = await sendMessage(d.ctx, 'buyer', { text: 'one more' }).catch((e: unknown) => e as MessageRefusedError);
    expect(refusal).toBeInstanceOf(MessageRefusedError);
    expect((refusal as MessageRefusedError).problem).toBe('too-fast');
    // Free again a minute after the first of the ten (the clock here moves a second a call).
    const first = (await readConversation(d.db, ann, 'buyer')).messages[0]!.message.at;
    expect((refusal as MessageRefusedError).retryAt).toBe(first + 60_000);
    // The seller answers meanwhile: their own count.
    expect(await send('seller', 'Slow down, I am here.')).toBe('sent');
    expect((await readConversation(d.db, ann, 'buyer')).messages).toHaveLength(11);
    d.ctx.now = () => first + 60_000;
    expect(await send('buyer', 'one more')).toBe('sent');
  });
});

