/**
 * Attaching photos, as the app does it (one device, the demo): a file that is not a picture, one
 * too many or one too big is refused with the domain's code and nothing is stored; a message of
 * photos alone is stored and delivered with them; more than 3 are refused. (Compressing a real
 * picture needs a browser's canvas: the e2e spec does that, tests/e2e/attached-photos.spec.ts.)
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { SOURCE_PHOTO_MAX_BYTES, type BuyerId } from '../../src/domain/index.ts';
import { ShopDb } from '../../src/storage/index.ts';
import { putPhoto } from '../../src/storage/photo-writes.ts';
import type { AppContext } from '../../src/app/context.ts';
import { LocalAuthority } from '../../src/app/demo/local-authority.ts';
import { attachPhoto, PhotoRefusedError } from '../../src/app/actions/attach-photo.ts';
import { MessageRefusedError, sendMessage } from '../../src/app/actions/send-message.ts';
import { readConversation } from '../../src/app/queries/messages.ts';

const ann = 'ann' as BuyerId;
const ref = (n: number) => `photo-0190a3b4-0000-7000-8000-${String(n).padStart(12, '0')}.webp`;

function demo() {
  const db = new ShopDb(`att-${Math.random()}`);
  let clock = Date.UTC(2026, 10, 11);
  const authority = new LocalAuthority(db, () => true, () => clock);
  const ctx: AppContext = { store: db, buyer: () => ann, nudge: () => undefined, now: () => (clock += 1000) };
  return { db, ctx, authority };
}

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'stored';
  } catch (error) {
    return error instanceof PhotoRefusedError || error instanceof MessageRefusedError ? error.problem : String(error);
  }
}

describe('attaching photos', () => {
  it('refuses a file that is not a picture, a fourth, one too big, and one that does not decode, storing nothing', async () => {
    const d = demo();
    expect(await refusal(attachPhoto(d.ctx, new Blob(['hello'], { type: 'text/plain' }), 0))).toBe('not-an-image');
    expect(await refusal(attachPhoto(d.ctx, new Blob(['<svg/>'], { type: 'image/svg+xml' }), 3))).toBe('too-many');
    expect(await refusal(attachPhoto(d.ctx, { type: 'image/jpeg', size: SOURCE_PHOTO_MAX_BYTES + 1 } as Blob, 0))).toBe('too-big');
    // Says it is a PNG, but is not one: decoding decides.
    expect(await refusal(attachPhoto(d.ctx, new Blob(['<html></html>'], { type: 'image/png' }), 0))).toBe('not-an-image');
    expect(await d.db.photos.count()).toBe(0);
  });

  it('sends a message of photos alone, delivered with them; refuses four', async () => {
    const d = demo();
    for (const n of [1, 2, 3, 4]) {
      await putPhoto(d.db, { id: ref(n), blob: new Blob([new Uint8Array(100)], { type: 'image/webp' }), type: 'image/webp', width: 10, height: 10, bytes: 100, storedAt: 1 });
    }
    await sendMessage(d.ctx, 'buyer', { text: '', photos: [ref(1), ref(2)] });
    expect(await refusal(sendMessage(d.ctx, 'buyer', { text: 'four', photos: [ref(1), ref(2), ref(3), ref(4)] }))).toBe('too-many-photos');
    expect(await refusal(sendMessage(d.ctx, 'buyer', { text: '  ' }))).toBe('empty');
    await d.authority.run();
    const seen = (await readConversation(d.db, ann, 'seller')).messages.map((m) => m.message);
    expect(seen.map((m) => (m.kind === 'message.send' ? [m.text, m.photos] : []))).toEqual([['', [ref(1), ref(2)]]]);
  });
});
