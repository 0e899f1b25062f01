/**
 * What a person is told after doing something, as it moves on: queued on the device, sent,
 * decided (or refused). In the demo's words or a real shop's, in English and Chinese, and a
 * notice that it is on its way gives way once it is decided.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { decide, type EventId, type OrderId } from '../../src/domain/index.ts';
import { actionProgress, type ActionProgress } from '../../src/app/queries/account.ts';
import { markSent, queueIntent, refuseQueued, storeDecisions } from '../../src/storage/index.ts';
import { progressMessage, type Followed } from '../../src/ui/hooks/action-words.ts';
import { strings as enAccount } from '../../src/ui/i18n/en/account.ts';
import { strings as zhAccount } from '../../src/ui/i18n/zh/account.ts';
import { fill } from '../../src/ui/i18n/define.ts';
import type { I18n, StringKey } from '../../src/ui/i18n/index.ts';
import { fund, intent, line, m, openShop, order, product, seller, T0 } from '../domain/fixtures/shop.ts';
import { ann, freshDb } from '../storage/helpers.ts';

const i18n = (locale: 'en' | 'zh', table: Record<string, string>): I18n => ({
  locale, intl: locale, t: (key: StringKey, params) => fill(table[key] ?? `!${key}`, params),
});
const en = i18n('en', enAccount);
const zh = i18n('zh', zhAccount);
const followed: Followed = { ids: [], done: 'Receipt confirmed. Thank you!', queued: undefined };

describe('where an action is (actionProgress)', () => {
  it('follows a buyer’s intent from queued to sent to decided', async () => {
    const db = freshDb();
    const state = fund(openShop([{ product: product('tea'), stock: 5 }]), { ann: 10_000 });
    const placed = order(ann, T0 + 1, [line('tea')], 1000);
    await queueIntent(db, placed, T0 + 1);
    expect(await actionProgress(db, [placed.id])).toEqual({ state: 'queued', seller: false });
    await markSent(db, [placed.id], T0 + 2);
    expect(await actionProgress(db, [placed.id])).toEqual({ state: 'sent' });
    await storeDecisions(db, decide(state, [placed], T0 + 3).decisions);
    expect(await actionProgress(db, [placed.id])).toEqual({ state: 'decided' });
  });

  it('says why the shop refused, or why the server would not take it', async () => {
    const db = freshDb();
    const state = fund(openShop([{ product: product('tea'), stock: 5 }]), { ann: 10_000 });
    const cancel = intent('order.cancel', ann, T0 + 1, { orderId: 'nope' as OrderId, reason: 'changed my mind' });
    await queueIntent(db, cancel, T0 + 1);
    await storeDecisions(db, decide(state, [cancel], T0 + 2).decisions);
    expect(await actionProgress(db, [cancel.id])).toEqual({ state: 'decided', refusal: { reason: 'unknown-order', message: expect.any(String) } });
    const other = intent('wallet.demo-top-up', ann, T0 + 5, { amount: m(100) });
    await queueIntent(db, other, T0 + 5);
    await refuseQueued(db, other.id, 'Forbidden: not your channel');
    expect(await actionProgress(db, [other.id])).toEqual({ state: 'server-refused', error: 'Forbidden: not your channel' });
  });

  it('knows a seller’s own command (decided on the seller’s device, never sent), and waits for every one of several', async () => {
    const db = freshDb();
    const a = seller('wallet.credit', { buyer: ann, amount: m(100), method: 'cash', note: '' });
    const b = seller('wallet.credit', { buyer: ann, amount: m(200), method: 'cash', note: '' });
    await queueIntent(db, a, T0);
    await queueIntent(db, b, T0);
    expect(await actionProgress(db, [a.id, b.id])).toEqual({ state: 'queued', seller: true });
    await storeDecisions(db, decide(openShop(), [a], T0 + 1).decisions);
    expect(await actionProgress(db, [a.id, b.id])).toEqual({ state: 'queued', seller: true });
    await storeDecisions(db, decide(openShop(), [b], T0 + 1).decisions);
    expect(await actionProgress(db, [a.id, b.id] as EventId[])).toEqual({ state: 'decided' });
  });
});

describe('the words for it (progressMessage)', () => {
  const queued: ActionProgress = { state: 'queued', seller: false };
  it('in the demo: queued until online, as before', () => {
    expect(progressMessage(en, queued, followed, true)).toEqual({ tone: 'info', text: 'Queued on this device: it goes to the shop when you are online.' });
    expect(progressMessage(en, queued, { ...followed, queued: 'Top-up queued.' }, true).text).toBe('Top-up queued.');
  });

  it('on a real shop: never the demo’s words; sent is said as sent; the outcome replaces them', () => {
    const demoWords = /when you are online|demo/i;
    for (const p of [queued, { state: 'queued', seller: true }, { state: 'sent' }] as ActionProgress[]) {
      expect(progressMessage(en, p, followed, false).text).not.toMatch(demoWords);
      expect(progressMessage(en, p, followed, false).tone).toBe('info');
    }
    expect(progressMessage(en, queued, { ...followed, queued: 'Top-up queued: it arrives when you are online.' }, false).text)
      .toBe("Queued on this device: it goes to the shop as soon as this phone reaches the shop's server.");
    expect(progressMessage(en, { state: 'sent' }, followed, false).text).toBe('Sent to the shop: waiting for its answer.');
    expect(progressMessage(en, { state: 'decided' }, followed, false)).toEqual({ tone: 'ok', text: 'Receipt confirmed. Thank you!' });
    expect(progressMessage(en, { state: 'decided', refusal: { reason: 'invalid-state', message: undefined } }, followed, false)).toEqual({
      tone: 'error', text: 'The shop said no: The order had already moved on, so this could not be done.',
    });
    expect(progressMessage(en, { state: 'server-refused', error: 'Forbidden' }, followed, false)).toEqual({ tone: 'error', text: 'The server would not take it: Forbidden' });
  });

  it('in Chinese too, every state with its own words', () => {
    const states: ActionProgress[] = [queued, { state: 'queued', seller: true }, { state: 'sent' }, { state: 'server-refused', error: 'x' }];
    for (const demo of [true, false]) {
      for (const p of states) {
        const text = progressMessage(zh, p, followed, demo).text;
        expect(text, JSON.stringify(p)).not.toMatch(/^!|[a-z]{4,}/);
      }
    }
    expect(progressMessage(zh, { state: 'sent' }, followed, false).text).toBe('已发送给商店，等待商店答复。');
  });
});
