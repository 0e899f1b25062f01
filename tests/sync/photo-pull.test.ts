// Photos lazily (issue 15): a buyer's first sync pulls the catalog's documents but no photo
// bodies (the changes feed carries attachment stubs; readCatalogCopy skips photo documents);
// a photo comes by its URL when a screen shows it (names.ts photoUrl, cached by the service
// worker). Counted on the real servers, by the bytes the buyer's client actually received.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuyerId } from '../../src/domain/index.ts';
import { ShopDb } from '../../src/storage/index.ts';
import { buyerCycle, type BuyerSyncTarget } from '../../src/sync/buyer-sync.ts';
import { CouchClient } from '../../src/sync/couch-client.ts';
import { catalogDb, PHOTO_ATTACHMENT, photoUrl } from '../../src/sync/names.ts';
import { adoptChannel, setUpShop } from '../../src/sync/setup-shop.ts';
import { basic, CONTRACT_SERVERS, createUser, type TestCouch } from './couch-server.ts';

const SHOP_ID = 'photos';
const PHOTO_BYTES = 300_000;
const PHOTOS = 4;

for (const server of CONTRACT_SERVERS) describe.skipIf(!server.given)(`on ${server.name}`, () => {
  let couch: TestCouch;
  beforeAll(async () => {
    couch = await server.start();
    await setUpShop(couch.admin, SHOP_ID, { allowDemoTopUps: false });
    // The seller's photos, as publish's uploadPhotos writes them: one document each, the body an attachment.
    const body = Buffer.alloc(PHOTO_BYTES, 7).toString('base64');
    await couch.admin.bulkDocs(catalogDb(SHOP_ID), Array.from({ length: PHOTOS }, (_, i) => ({
      _id: `photo-0000000${i}-aaaa-4bbb-8ccc-dddddddddddd.webp`, type: 'photo',
      _attachments: { [PHOTO_ATTACHMENT]: { content_type: 'image/webp', data: body } },
    })));
  }, 60_000);
  afterAll(async () => couch?.stop());

  it("a buyer's first sync fetches no photo bodies; a photo's URL then serves it whole", async () => {
    await createUser(couch.admin, 'pat', 'password1');
    await adoptChannel(couch.admin, 'pat', { allowDemoTopUps: false });
    let received = 0;
    const counting: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      const bytes = await res.arrayBuffer();
      received += bytes.byteLength;
      return new Response(bytes, { status: res.status, statusText: res.statusText, headers: res.headers });
    };
    const client = new CouchClient({ url: couch.url, authorization: basic('pat', 'password1'), fetch: counting });
    const local = new ShopDb('photo-pull-pat');
    const target: BuyerSyncTarget = { local, client, shop: SHOP_ID, buyer: 'pat' as BuyerId, now: () => Date.now() };
    const report = await buyerCycle(target);
    expect(report.setAside).toBe(0);
    // Four photos of 300 KB are 1.2 MB; the whole first sync is a few KB of stubs and checkpoints.
    expect(received).toBeLessThan(PHOTO_BYTES / 10);
    expect(received).toBeGreaterThan(0);

    // The photo, when a screen shows it: by its URL (anyone may read the catalog).
    const url = photoUrl(couch.url, SHOP_ID, 'photo-00000000-aaaa-4bbb-8ccc-dddddddddddd.webp');
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
    expect((await res.arrayBuffer()).byteLength).toBe(PHOTO_BYTES);
  });
});
