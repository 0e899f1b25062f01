/**
 * The seller's side of messages, in storage: a buyer's latest orders beside the conversation
 * (newest first, only theirs, at most as many as asked), and the seller's quick replies, kept in
 * the device's person settings (so in its backups); and the header's count of what waits to
 * sync, messages included.
 */
import 'fake-indexeddb/auto';
import { createStore, get } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { MESSAGE_VERSION, type EventId, type SendMessage } from '../../src/domain/index.ts';
import {
  getPersonSetting, markMessagesSent, queueIntent, refuseMessage, sendMessage, setPersonSetting, storeDecisions, updatePersonSetting, waitingToSync,
} from '../../src/storage/index.ts';
import { cleanPeople, PEOPLE, peopleProblems } from '../../src/storage/person-settings.ts';
import { ordersOfBuyer } from '../../src/storage/seller-queries.ts';
import { intent, line, m, order, seller, SHOP, T0 } from '../domain/fixtures/shop.ts';
import { ann, bo, freshDb, History, PRODUCTS } from './helpers.ts';

describe('a buyer’s latest orders', () => {
  it('are that buyer’s own, newest first, at most `limit`', async () => {
    const h = new History();
    h.step([
      seller('shop.save', { shop: SHOP }),
      ...PRODUCTS.map((p) => seller('product.save', { product: p, stock: 100 })),
      seller('wallet.credit', { buyer: ann, amount: m(1_000_000), method: 'cash', note: '' }),
      seller('wallet.credit', { buyer: bo, amount: m(1_000_000), method: 'cash', note: '' }),
    ], T0);
    for (let i = 0; i < 5; i++) {
      const o = order(ann, T0 + 10 + i, [line(PRODUCTS[0]!.id, 1)], PRODUCTS[0]!.price);
      h.step([o, order(bo, T0 + 10 + i, [line(PRODUCTS[0]!.id, 1)], PRODUCTS[0]!.price)], T0 + 10 + i);
    }
    const db = freshDb();
    await storeDecisions(db, h.decisions);
    const three = await ordersOfBuyer(db, ann, 3);
    expect(three.map((o) => o.buyer)).toEqual([ann, ann, ann]);
    expect(three.map((o) => o.placedAt)).toEqual([T0 + 14, T0 + 13, T0 + 12]);
    expect((await ordersOfBuyer(db, ann, 10)).length).toBe(5);
    expect(await ordersOfBuyer(db, 'nobody' as typeof ann, 3)).toEqual([]);
  });
});

describe('the seller’s quick replies in person settings', () => {
  let n = 0;
  const freshStore = () => createStore(`quick-test-${++n}-${Math.random()}`, 'settings');

  it('are each person’s own, empty until saved, and unset again once all are removed', async () => {
    const store = freshStore();
    expect(await getPersonSetting('demo seller', 'quickReplies', store)).toEqual([]);
    await updatePersonSetting('demo seller', 'quickReplies', (old) => [...old, 'Thanks, it ships today.'], store);
    const list = await updatePersonSetting('demo seller', 'quickReplies', (old) => ['发货了', ...old], store);
    expect(list).toEqual(['发货了', 'Thanks, it ships today.']);
    expect(await getPersonSetting('demo seller', 'quickReplies', store)).toEqual(list);
    expect(await getPersonSetting('demo ann', 'quickReplies', store)).toEqual([]);
    await updatePersonSetting('demo seller', 'quickReplies', () => [], store);
    expect(await get(PEOPLE, store)).toEqual({});
  });

  it('two quick saves each keep their reply (read and written in one transaction)', async () => {
    const store = freshStore();
    await Promise.all(['a', 'b', 'c'].map((r) => updatePersonSetting('s', 'quickReplies', (old) => [...old, r], store)));
    expect((await getPersonSetting('s', 'quickReplies', store)).sort()).toEqual(['a', 'b', 'c']);
  });

  it('refuse a list the app cannot use, storing nothing', async () => {
    const store = freshStore();
    await expect(updatePersonSetting('s', 'quickReplies', () => ['a', 'a'], store)).rejects.toThrow(TypeError);
    expect(await get(PEOPLE, store)).toBeUndefined();
  });

  it('travel in a backup, and a bad list in a backup is named and costs only itself', async () => {
    const store = freshStore();
    await setPersonSetting('demo seller', 'coupon', 'WELCOME10', store);
    await setPersonSetting('demo seller', 'quickReplies', ['Thanks!'], store);
    expect(cleanPeople(await get(PEOPLE, store))).toEqual({ 'demo seller': { coupon: 'WELCOME10', quickReplies: ['Thanks!'] } });
    expect(peopleProblems({ 'demo seller': { quickReplies: ['Thanks!'] } })).toEqual([]);
    expect(peopleProblems({ 'demo seller': { quickReplies: [42] } })).toEqual(["The setting 'quickReplies' of 'demo seller' has a value this app cannot use."]);
    expect(cleanPeople({ 'demo seller': { coupon: 'X', quickReplies: [42] } })).toEqual({ 'demo seller': { coupon: 'X' } });
  });
});

describe('what waits to sync', () => {
  it('counts intents not yet decided and messages not yet sent, not refused ones', async () => {
    const db = freshDb();
    const at = T0;
    const message = (id: string): SendMessage => ({ id: id as EventId, v: MESSAGE_VERSION, at, type: 'message', kind: 'message.send', from: 'seller', buyer: ann, sentAt: at, text: 'Ships today.' });
    expect(await waitingToSync(db)).toBe(0);
    await queueIntent(db, intent('wallet.demo-top-up', ann, at, { amount: m(1000) }), at);
    await sendMessage(db, message('m-1'), at);
    await sendMessage(db, message('m-2'), at);
    expect(await waitingToSync(db)).toBe(3);
    await markMessagesSent(db, ['m-1' as EventId], at + 1);
    expect(await waitingToSync(db)).toBe(2);
    await refuseMessage(db, 'm-2' as EventId, 'too old');
    expect(await waitingToSync(db)).toBe(1);
  });
});
