// Messages in storage (schema version 8): a message and its outbox entry in one transaction,
// conversations newest first with unread counts, read receipts, repeats stored once, search,
// and a backup that carries them.
import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MESSAGE_VERSION, type BuyerId, type EventId, type MessageEvent, type OrderId, type SendMessage } from '../../src/domain/index.ts';
import {
  exportBackup, importBackup, listConversations, markMessagesSent, queuedMessages, readConversation, sendMessage, storeMessages, unreadCount,
} from '../../src/storage/index.ts';
import { countUnread } from '../../src/storage/message-queries.ts';
import { T0 } from '../domain/fixtures/shop.ts';
import { freshDb } from './helpers.ts';

const ann = 'ann' as BuyerId;
const bo = 'bo' as BuyerId;
let k = 0;
function msg(from: 'buyer' | 'seller', buyer: BuyerId, at: number, text: string, extra: Partial<SendMessage> = {}): SendMessage {
  k += 1;
  return { id: `m-${String(k).padStart(4, '0')}` as EventId, v: MESSAGE_VERSION, at, type: 'message', kind: 'message.send', from, buyer, sentAt: at, text, ...extra };
}
function receipt(from: 'buyer' | 'seller', buyer: BuyerId, at: number, upTo: number): MessageEvent {
  k += 1;
  return { id: `r-${k}` as EventId, v: MESSAGE_VERSION, at, type: 'message', kind: 'message.read', from, buyer, sentAt: at, upTo };
}

describe('messages in storage', () => {
  it('queues a message with its outbox entry; sent takes it out of the outbox; its state follows', async () => {
    const db = freshDb();
    const q = msg('buyer', ann, T0, 'Is the tea fresh?', { about: { order: 'o-1' as OrderId } });
    expect(await sendMessage(db, q, T0)).toBe('queued');
    expect(await sendMessage(db, q, T0)).toBe('duplicate');
    expect((await queuedMessages(db, { from: 'buyer' })).map((m) => m.id)).toEqual([q.id]);
    expect((await readConversation(db, ann, 'buyer')).messages.map((s) => [s.message.text, s.mine, s.state])).toEqual([['Is the tea fresh?', true, 'queued']]);
    await markMessagesSent(db, [q.id], T0 + 10);
    expect(await queuedMessages(db)).toEqual([]);
    expect((await db.messages.get(q.id))?.sentAt).toBe(T0 + 10);
    expect((await readConversation(db, ann, 'buyer')).messages[0]!.state).toBe('sent');
    // The seller sees it unread; a receipt from the seller makes it read for the buyer.
    expect(await unreadCount(db, 'seller')).toBe(1);
    expect(await unreadCount(db, 'buyer', ann)).toBe(0);
    await storeMessages(db, [receipt('seller', ann, T0 + 20, T0)]);
    expect(await unreadCount(db, 'seller')).toBe(0);
    expect((await readConversation(db, ann, 'buyer')).messages[0]!.state).toBe('read');
  });

  it('lists conversations newest first with unread counts, whatever order the messages arrive in, each once', async () => {
    const db = freshDb();
    const a1 = msg('buyer', ann, T0 + 1, 'hello');
    const a2 = msg('buyer', ann, T0 + 5, 'still there?');
    const b1 = msg('buyer', bo, T0 + 3, 'Do you ship to Hangzhou?');
    const s1 = msg('seller', ann, T0 + 6, 'Yes, fresh today');
    await storeMessages(db, [a2, b1]);
    await storeMessages(db, [s1, a1, a2, b1]);
    const list = await listConversations(db);
    expect(list.map((c) => [c.buyer, c.lastText, c.lastFrom, c.unread])).toEqual([['ann', 'Yes, fresh today', 'seller', 2], ['bo', 'Do you ship to Hangzhou?', 'buyer', 1]]);
    expect(await unreadCount(db, 'seller')).toBe(3);
    expect(await unreadCount(db, 'buyer', ann)).toBe(1);
    // An older receipt after a newer one changes nothing.
    await storeMessages(db, [receipt('seller', ann, T0 + 7, T0 + 5), receipt('seller', ann, T0 + 8, T0 + 1)]);
    expect((await listConversations(db)).map((c) => c.unread)).toEqual([0, 1]);
    expect((await listConversations(db, 'hangzhou')).map((c) => c.buyer)).toEqual(['bo']);
    expect((await listConversations(db, 'still')).map((c) => c.buyer)).toEqual(['ann']);
    expect((await listConversations(db, 'BO')).map((c) => c.buyer)).toEqual(['bo']);
    expect(await listConversations(db, 'nothing like it')).toEqual([]);
  });

  it('keeps each side\'s unread count in the conversation row, equal to counting the messages, whatever arrives in whatever batches and order', async () => {
    const event = fc.record({
      kind: fc.constantFrom('message', 'receipt'),
      from: fc.constantFrom('buyer' as const, 'seller' as const),
      buyer: fc.constantFrom(ann, bo),
      at: fc.integer({ min: 0, max: 50 }),
    });
    await fc.assert(fc.asyncProperty(fc.array(event, { maxLength: 40 }), fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 10 }), fc.boolean(),
      async (events, cuts, repeat) => {
        const db = freshDb();
        const all = events.map((e) => (e.kind === 'message' ? msg(e.from, e.buyer, T0 + e.at, 'hi') : receipt(e.from, e.buyer, T0 + e.at, T0 + e.at)));
        // Some arrive twice (a pull repeated): stored once, counted once.
        const stream = repeat ? [...all, ...all.slice(0, 5)] : all;
        for (let i = 0, c = 0; i < stream.length; c += 1) {
          const size = cuts[c % cuts.length]!;
          await storeMessages(db, stream.slice(i, i + size));
          i += size;
        }
        for (const buyer of [ann, bo]) {
          const row = await db.conversations.get(buyer);
          for (const side of ['buyer', 'seller'] as const) {
            const walked = await countUnread(db, row, buyer, side);
            expect(await unreadCount(db, side, buyer)).toBe(walked);
            if (row) expect(row[side === 'buyer' ? 'buyerUnread' : 'sellerUnread']).toBe(walked);
          }
        }
        db.close();
      }), { numRuns: 60 });
  });

  it('counts a row from before the counts were kept once, at its next write, and reads it by walking until then', async () => {
    const db = freshDb();
    await storeMessages(db, [msg('buyer', ann, T0, 'one'), msg('buyer', ann, T0 + 1, 'two')]);
    const row = (await db.conversations.get(ann))!;
    delete row.sellerUnread;
    delete row.buyerUnread;
    await db.conversations.put(row);
    expect(await unreadCount(db, 'seller', ann)).toBe(2);
    await storeMessages(db, [msg('buyer', ann, T0 + 2, 'three')]);
    expect((await db.conversations.get(ann))!.sellerUnread).toBe(3);
    await storeMessages(db, [receipt('seller', ann, T0 + 3, T0 + 1)]);
    expect((await db.conversations.get(ann))!.sellerUnread).toBe(1);
    expect((await readConversation(db, ann, 'seller')).unread).toBe(1);
  });

  it('shows the newest messages of a long conversation, oldest first, and says there are more', async () => {
    const db = freshDb();
    await storeMessages(db, Array.from({ length: 250 }, (_, i) => msg(i % 2 ? 'seller' : 'buyer', ann, T0 + i, `n${i}`)));
    const c = await readConversation(db, ann, 'seller', 100);
    expect(c.more).toBe(true);
    expect(c.messages.map((s) => s.message.text)).toEqual(Array.from({ length: 100 }, (_, i) => `n${150 + i}`));
    expect(c.newestOther).toBe(T0 + 248);
  });

  it('shows exactly the newest messages when read receipts crowd the newest rows, and says when there are no more', async () => {
    const db = freshDb();
    // 40 messages, then 30 receipts newer than all but the last 5: a page a quarter larger than wanted is not enough.
    const sends = Array.from({ length: 40 }, (_, i) => msg('buyer', ann, T0 + i * 10, `n${i}`));
    const receipts = Array.from({ length: 30 }, (_, i) => receipt('seller', ann, T0 + 351 + i, T0 + 350));
    await storeMessages(db, [...sends, ...receipts]);
    const c = await readConversation(db, ann, 'seller', 8);
    expect(c.messages.map((s) => s.message.text)).toEqual(Array.from({ length: 8 }, (_, i) => `n${32 + i}`));
    expect(c.more).toBe(true);
    const all = await readConversation(db, ann, 'seller', 40);
    expect(all.messages).toHaveLength(40);
    expect(all.more).toBe(false);
    expect((await readConversation(db, ann, 'seller', 100)).messages).toHaveLength(40);
  });

  it('travels in a backup, and a damaged outbox entry is named', async () => {
    const db = freshDb();
    const store = createStore(`msg-backup-${Math.random()}`, 'settings');
    await sendMessage(db, msg('buyer', ann, T0, 'queued one'), T0);
    await storeMessages(db, [msg('seller', ann, T0 + 1, 'answer'), receipt('buyer', ann, T0 + 2, T0 + 1)]);
    const backup = JSON.parse(JSON.stringify(await exportBackup(db, T0, store))) as { tables: Record<string, unknown[]> };
    expect(backup.tables.messages).toHaveLength(3);
    const other = freshDb();
    await importBackup(other, backup, store);
    expect((await readConversation(other, ann, 'buyer')).messages.map((s) => s.state)).toEqual(['queued', 'sent']);
    const broken = JSON.parse(JSON.stringify(backup)) as typeof backup;
    broken.tables.messages = broken.tables.messages!.filter((m) => (m as { text?: string }).text !== 'queued one');
    await expect(importBackup(other, broken, store)).rejects.toThrow(/messageOutbox.*names no stored message/);
  });
});
