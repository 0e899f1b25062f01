// Photos attached to messages (and reviews, claims) in storage: the photo kept in the photos
// table beside the message that names it, the message queued with its photos, the conversation's
// preview of a message of photos alone, and a backup that carries both, bytes and all.
import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { ATTACHMENTS_VERSION, type BuyerId, type EventId, type SendMessage } from '../../src/domain/index.ts';
import { exportBackup, importBackup, listConversations, queuedMessages, readConversation, sendMessage } from '../../src/storage/index.ts';
import { deletePhotos, putPhoto } from '../../src/storage/photo-writes.ts';
import { getPhoto } from '../../src/storage/photos.ts';
import { T0 } from '../domain/fixtures/shop.ts';
import { freshDb } from './helpers.ts';

const ann = 'ann' as BuyerId;
const ref = 'photo-0190a3b4-0000-7000-8000-000000000001.webp';
const bytes = Uint8Array.from({ length: 40_000 }, (_, i) => (i * 13) % 256);

function withPhoto(text: string): SendMessage {
  return { id: 'm-0001' as EventId, v: ATTACHMENTS_VERSION, at: T0, type: 'message', kind: 'message.send', from: 'buyer', buyer: ann, sentAt: T0, text, photos: [ref] };
}

describe('attached photos in storage', () => {
  it('keeps the photo and queues the message that names it; a message of photos alone previews as such', async () => {
    const db = freshDb();
    await putPhoto(db, {
      id: ref, blob: new Blob([bytes], { type: 'image/webp' }), type: 'image/webp', width: 800, height: 600, bytes: bytes.length, storedAt: T0,
      thumb: new Blob([bytes.slice(0, 3000)], { type: 'image/webp' }),
    });
    expect(await sendMessage(db, withPhoto(''), T0)).toBe('queued');
    expect((await queuedMessages(db, { from: 'buyer' })).map((m) => (m.kind === 'message.send' ? m.photos : undefined))).toEqual([[ref]]);
    const shown = (await readConversation(db, ann, 'seller')).messages[0]!.message;
    expect(shown.kind === 'message.send' && shown.photos).toEqual([ref]);
    const [row] = await listConversations(db);
    // The list's preview is empty text with a newest message: the screen says "Photo".
    expect(row).toMatchObject({ buyer: ann, lastText: '', lastId: 'm-0001' });
    const photo = await getPhoto(db, ref);
    expect(photo?.bytes).toBe(40_000);
    expect(new Uint8Array(await photo!.thumb!.arrayBuffer())).toEqual(bytes.slice(0, 3000));
  });

  it('travels in a backup with its picture, and a forgotten photo is gone', async () => {
    const db = freshDb();
    const store = createStore(`att-backup-${Math.random()}`, 'settings');
    await putPhoto(db, { id: ref, blob: new Blob([bytes], { type: 'image/webp' }), type: 'image/webp', width: 8, height: 6, bytes: bytes.length, storedAt: T0 });
    await sendMessage(db, withPhoto('Is this scratch normal?'), T0);
    const backup = JSON.parse(JSON.stringify(await exportBackup(db, T0, store))) as { tables: Record<string, unknown[]> };
    const other = freshDb();
    await importBackup(other, backup, store);
    const message = (await readConversation(other, ann, 'buyer')).messages[0]!.message;
    expect(message.kind === 'message.send' && [message.text, message.photos]).toEqual(['Is this scratch normal?', [ref]]);
    expect(new Uint8Array(await (await getPhoto(other, ref))!.blob.arrayBuffer())).toEqual(bytes);
    await deletePhotos(other, [ref]);
    expect(await getPhoto(other, ref)).toBeUndefined();
  });
});
