// Photos attached to messages, reviews and claims through a real server (CouchDB 3.5 where
// ../shared/couchdb is there, else PouchDB Server): the channel's rules take a photo document that
// holds a WebP or JPEG picture within the bound and refuse anything else (a document that says it
// is HTML, too big, with other attachments or fields, a bad id); a buyer's device uploads the photo
// before the message that names it, the seller's device stores the message in its next run and
// loads the photo from the buyer's channel by URL; a message whose photo the rules refuse is
// refused with the reason, and the text message beside it still goes. A published review's photo
// is copied from its writer's channel into the public catalog.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENTS_VERSION, MESSAGE_VERSION, type BuyerId, type Decision, type EventId, type MessageEvent, type ProductId } from '../../src/domain/index.ts';
import { readConversation, sendMessage, ShopDb } from '../../src/storage/index.ts';
import { putPhoto } from '../../src/storage/photo-writes.ts';
import { RemoteAuthority } from '../../src/sync/authority/authority-runner.ts';
import { uploadPhotos } from '../../src/sync/authority/photos.ts';
import { buyerCycle, type BuyerSyncTarget } from '../../src/sync/buyer-sync.ts';
import { CouchClient } from '../../src/sync/couch-client.ts';
import { catalogDb, channelDb, channelPhotoUrl, photoUrl } from '../../src/sync/names.ts';
import { adoptChannel, setUpShop } from '../../src/sync/setup-shop.ts';
import { basic, createUser, startTestServer, TEST_SERVER, type TestCouch } from './couch-server.ts';

const SHOP_ID = 'snaps';
const RULES = { allowDemoTopUps: false };
let couch: TestCouch;
let k = 0;

beforeAll(async () => {
  couch = await startTestServer();
  await setUpShop(couch.admin, SHOP_ID, RULES);
  await createUser(couch.admin, 'dee', 'password1');
  await createUser(couch.admin, 'eve', 'password1');
  await createUser(couch.admin, 'sam', 'password1', ['seller']);
  await adoptChannel(couch.admin, 'dee', RULES);
  await adoptChannel(couch.admin, 'eve', RULES);
}, 90_000);
afterAll(async () => couch?.stop());

const client = (name: string) => new CouchClient({ url: couch.url, authorization: basic(name, 'password1') });

function ref(): string {
  k += 1;
  return `photo-0190a3b4-${String(Date.now() % 10_000).padStart(4, '0')}-7000-8000-${String(k).padStart(12, '0')}.webp`;
}
/** A small WebP file's first bytes, then filler: what the rules see is its declared type and size. */
function picture(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size).fill(7);
  bytes.set([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50].slice(0, size));
  return bytes;
}
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

function photoDoc(id: string, attachments: Record<string, { content_type: string; data: string }>, extra: Record<string, unknown> = {}) {
  return { _id: id, type: 'photo', _attachments: attachments, ...extra };
}

async function write(who: CouchClient, db: string, doc: object): Promise<string> {
  try {
    const [r] = await who.bulkDocs(db, [doc]);
    return r?.ok ? '' : `${r?.error}: ${r?.reason}`;
  } catch (error) {
    return String((error as Error).message);
  }
}

async function getBytes(url: string, authorization?: string): Promise<{ status: number; type: string | null; bytes: Uint8Array }> {
  const res = await fetch(url, { headers: authorization ? { Authorization: authorization } : {} });
  return { status: res.status, type: res.headers.get('Content-Type'), bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe(`photos in a buyer's channel on ${TEST_SERVER.kind === 'couchdb' ? 'CouchDB 3.5' : 'PouchDB Server'}`, () => {
  it('take a picture within the bound from either side, and refuse what is not a picture, too big, or more than a photo', async () => {
    const dee = client('dee');
    const sam = client('sam');
    const db = channelDb('dee');
    const image = { content_type: 'image/webp', data: b64(picture(20_000)) };
    expect(await write(dee, db, photoDoc(ref(), { image, thumb: { content_type: 'image/webp', data: b64(picture(3_000)) } }))).toBe('');
    expect(await write(dee, db, photoDoc(ref().replace('.webp', '.jpg'), { image: { content_type: 'image/jpeg', data: b64(picture(5_000)) } }))).toBe('');
    expect(await write(sam, db, photoDoc(ref(), { image }))).toBe('');
    // Not a picture, by what it says it is.
    expect(await write(dee, db, photoDoc(ref(), { image: { content_type: 'text/html', data: b64(new TextEncoder().encode('<script>alert(1)</script>')) } })))
      .toBe('forbidden: Only pictures (WebP or JPEG) can be sent as photos, not text/html.');
    expect(await write(dee, db, photoDoc(ref(), { image: { content_type: 'image/svg+xml', data: b64(picture(100)) } }))).toMatch(/^forbidden: Only pictures/);
    // Too big: over 300 KB.
    expect(await write(dee, db, photoDoc(ref(), { image: { content_type: 'image/webp', data: b64(picture(300_001)) } }))).toBe('forbidden: A photo can be at most 300 KB.');
    // More than a photo, or none, or a bad id.
    expect(await write(dee, db, photoDoc(ref(), { image, 'notes.html': { content_type: 'image/webp', data: image.data } }))).toMatch(/^forbidden: A photo holds only its picture and thumbnail/);
    expect(await write(dee, db, photoDoc(ref(), { image }, { text: 'hi' }))).toBe('forbidden: A photo holds only its picture, not text.');
    expect(await write(dee, db, { _id: ref(), type: 'photo' })).toBe('forbidden: A photo needs its picture.');
    expect(await write(dee, db, photoDoc('photo-1.webp', { image }))).toBe("forbidden: A photo's id must be photo-<id>.webp or .jpg.");
    // Never replaced once there.
    const id = ref();
    expect(await write(dee, db, photoDoc(id, { image }))).toBe('');
    const rev = (await dee.revsOf(db, [id])).get(id)!;
    expect(await write(dee, db, { ...photoDoc(id, { image: { content_type: 'image/webp', data: b64(picture(10)) } }), _rev: rev })).toBe('forbidden: Nothing sent to the shop can be changed once it is there.');
    // A message of photos alone is taken; more than 3 is not.
    const now = Date.now();
    const msg = (photos: string[], text = '') => ({ _id: `pm-${now}-${photos.length}`, id: `pm-${now}-${photos.length}`, v: photos.length > 0 ? ATTACHMENTS_VERSION : MESSAGE_VERSION, at: now, type: 'message', kind: 'message.send', from: 'buyer', buyer: 'dee', sentAt: now, text, photos });
    expect(await write(dee, db, msg([id]))).toBe('');
    expect(await write(dee, db, msg([ref(), ref(), ref(), ref()], 'four'))).toBe('forbidden: A message can carry at most 3 photos.');
    expect(await write(dee, db, { ...msg(['https://evil.example/x.png'], 'link'), _id: `pm-${now}-x`, id: `pm-${now}-x` }))
      .toBe('forbidden: A message names something that is not a photo: https://evil.example/x.png.');
    expect(await write(dee, db, { ...msg([], ''), _id: `pm-${now}-e`, id: `pm-${now}-e` })).toBe("forbidden: A message's photos must be a list of 1 to 3.");
    // A review or claim (any request) names at most 3 photos, each a photo.
    const request = (kind: string, body: object) => ({ _id: `rq-${kind}-${now}`, id: `rq-${kind}-${now}`, v: 'photos' in body ? ATTACHMENTS_VERSION : 1, at: now, type: 'intent', by: 'buyer', buyer: 'dee', kind, sentAt: now, orderId: 'o-1', ...body });
    expect(await write(dee, db, request('review.write', { rating: 5, text: 'Fine', photos: [ref(), ref()] }))).toBe('');
    expect(await write(dee, db, request('claim.file', { reason: 'Fake', photos: [ref(), ref(), ref(), ref()] }))).toBe('forbidden: A request can carry at most 3 photos.');
  }, 60_000);

  it("a buyer's message photo reaches the seller: uploaded before the message, loaded by URL from the channel; a bad one is refused and holds nothing up", async () => {
    const buyerDb = new ShopDb(`ph-buyer-${Math.random()}`);
    const sellerDb = new ShopDb(`ph-seller-${Math.random()}`);
    const buyer: BuyerSyncTarget = { local: buyerDb, client: client('eve'), shop: SHOP_ID, buyer: 'eve' as BuyerId, now: () => Date.now(), checked: new Map() };
    const admin = new CouchClient({ url: couch.url, authorization: couch.adminAuth });
    const seller = new RemoteAuthority(sellerDb, admin, SHOP_ID, { id: 'phone', label: "Seller's phone" }, () => Date.now(), RULES);
    const good = ref();
    const bytes = picture(60_000);
    await putPhoto(buyerDb, {
      id: good, blob: new Blob([bytes], { type: 'image/webp' }), type: 'image/webp', width: 800, height: 600, bytes: bytes.length, storedAt: Date.now(),
      thumb: new Blob([bytes.slice(0, 4_000)], { type: 'image/webp' }),
    });
    // What a modified app (or a broken encoder) might store: not a picture. The app's own path refuses it first (attach-photo.ts).
    const bad = ref();
    await putPhoto(buyerDb, { id: bad, blob: new Blob(['<b>hi</b>'], { type: 'text/html' }), type: 'text/html' as 'image/webp', width: 1, height: 1, bytes: 9, storedAt: Date.now() });
    const at = Date.now();
    const send = (id: string, text: string, photos?: string[]): MessageEvent =>
      ({ id: id as EventId, v: photos ? ATTACHMENTS_VERSION : MESSAGE_VERSION, at, type: 'message', kind: 'message.send', from: 'buyer', buyer: 'eve' as BuyerId, sentAt: at, text, ...(photos ? { photos } : {}) });
    await sendMessage(buyerDb, send(`e1-${at}`, 'Is this scratch normal?', [good]), at);
    await sendMessage(buyerDb, send(`e2-${at}`, '', [bad]), at + 1);
    await sendMessage(buyerDb, send(`e3-${at}`, 'And when does it ship?'), at + 2);

    const cycle = await buyerCycle(buyer);
    expect(cycle.sent).toBe(2);
    const states = (await readConversation(buyerDb, 'eve' as BuyerId, 'buyer')).messages.map((m) => [m.message.text, m.state, m.error ?? '']);
    expect(states).toEqual([
      ['Is this scratch normal?', 'sent', ''],
      ['', 'refused', 'A photo was refused: Only pictures (WebP or JPEG) can be sent as photos, not text/html.'],
      ['And when does it ship?', 'sent', ''],
    ]);
    // The refused photo and its message are not on the server.
    expect([...(await admin.revsOf(channelDb('eve'), [good, bad, `e2-${at}`])).keys()]).toEqual([good]);

    const run = await seller.runOnce();
    expect(run.messages).toBeGreaterThanOrEqual(2);
    const seen = (await readConversation(sellerDb, 'eve' as BuyerId, 'seller')).messages.map((m) => m.message);
    expect(seen.map((m) => (m.kind === 'message.send' ? [m.text, m.photos ?? []] : []))).toEqual([['Is this scratch normal?', [good]], ['And when does it ship?', []]]);
    // Nothing in the channel (photo documents included) was set aside.
    expect(await sellerDb.setAside.count()).toBe(0);
    // The seller's screen loads it from the channel, whole; the thumbnail too. Another buyer cannot.
    const full = await getBytes(channelPhotoUrl(couch.url, 'eve', good), basic('sam', 'password1'));
    expect([full.status, full.type, full.bytes.length]).toEqual([200, 'image/webp', 60_000]);
    expect(full.bytes).toEqual(bytes);
    expect((await getBytes(channelPhotoUrl(couch.url, 'eve', good, 'thumb'), basic('sam', 'password1'))).bytes.length).toBe(4_000);
    expect((await getBytes(channelPhotoUrl(couch.url, 'eve', good), basic('dee', 'password1'))).status).toBeGreaterThanOrEqual(401);
    expect((await getBytes(channelPhotoUrl(couch.url, 'eve', good))).status).toBeGreaterThanOrEqual(401);
    // The buyer's own device pulled nothing to set aside either (its channel holds photo documents).
    await buyerCycle(buyer);
    expect(await buyerDb.setAside.count()).toBe(0);
  }, 90_000);

  it("a published review's photo is copied from its writer's channel into the public catalog", async () => {
    const eve = client('eve');
    const photo = ref();
    const bytes = picture(30_000);
    expect(await write(eve, channelDb('eve'), photoDoc(photo, { image: { content_type: 'image/webp', data: b64(bytes) } }))).toBe('');
    const admin = new CouchClient({ url: couch.url, authorization: couch.adminAuth });
    // The seller's device never had the photo (the buyer took it on their phone).
    const sellerDb = new ShopDb(`ph-review-${Math.random()}`);
    const now = Date.now();
    const published = {
      id: `d-${now}`, kind: 'review.published', buyer: 'eve',
      set: { reviews: [{ id: `r-${now}`, buyer: 'eve', productIds: ['tea' as ProductId], rating: 5, text: 'Genuine', photos: [photo], at: now }] },
    } as unknown as Decision;
    expect(await uploadPhotos(sellerDb, admin, SHOP_ID, [published])).toBe(1);
    expect(await uploadPhotos(sellerDb, admin, SHOP_ID, [published])).toBe(0);
    // Anyone may read the catalog: the review's photo loads with no sign-in.
    const got = await getBytes(photoUrl(couch.url, SHOP_ID, photo));
    expect([got.status, got.type]).toEqual([200, 'image/webp']);
    expect(got.bytes).toEqual(bytes);
    expect((await admin.revsOf(catalogDb(SHOP_ID), [photo])).has(photo)).toBe(true);
  }, 60_000);
});
