// Updates (src/domain/updates.ts): a buyer's news from the shop's real decisions (accepted,
// refused with the reason, shipped with the tracking number) and the seller's messages, newest
// first; another buyer's news and the shop's housekeeping are not theirs.
import { describe, expect, it } from 'vitest';
import { MESSAGE_VERSION, NEWS_GROUPS, NOTIFY_AT_ONCE, newsGroupOf, savedUpdate, toldOf, toNotify, unseen, updatesOf, type ProductId, type UpdateKind, type Update, type Decision, type EventId, type OrderId, type SendMessage } from '../../src/domain/index.ts';
import { buyer, fund, line, m, openShop, order, product, run, seller, SHIP, T0 } from './fixtures/shop.ts';

const ann = buyer('ann');
const bo = buyer('bo');

describe('updatesOf', () => {
  it("turns the shop's decisions about a buyer and the seller's messages into news, newest first", () => {
    let state = fund(openShop([{ product: product('tea', { price: m(1500) }), stock: 5 }]), { ann: 10_000, bo: 500 });
    const decisions: Decision[] = [];
    const step = (intents: Parameters<typeof run>[1], now: number) => {
      const r = run(state, intents, now);
      state = r.state;
      decisions.push(...r.decisions);
      return r.decisions;
    };
    const annOrder = order(ann, T0 + 10, [line('tea')], 1500 + 800, { delivery: SHIP });
    const boOrder = order(bo, T0 + 11, [line('tea')], 1500 + 800, { delivery: SHIP });
    step([annOrder, boOrder], T0 + 20);
    step([seller('order.ship', { orderId: annOrder.id as string as OrderId, carrier: 'SF Express', tracking: 'SF123' }, T0 + 30)], T0 + 30);
    const answer: SendMessage = {
      id: 'm-1' as EventId, v: MESSAGE_VERSION, at: T0 + 40, type: 'message', kind: 'message.send', from: 'seller', buyer: ann, sentAt: T0 + 40, text: 'On its way!',
    };
    const question: SendMessage = { ...answer, id: 'm-0' as EventId, at: T0 + 5, from: 'buyer', text: 'When?' };

    const news = updatesOf(ann, decisions, [question, answer]);
    expect(news.map((u) => [u.kind, u.orderId ?? '', u.carrier ?? '', u.tracking ?? '', u.text ?? ''])).toEqual([
      ['message', '', '', '', 'On its way!'],
      ['order-shipped', annOrder.id, 'SF Express', 'SF123', ''],
      ['order-accepted', annOrder.id, '', '', ''],
    ]);
    const boNews = updatesOf(bo, decisions, [answer]);
    expect(boNews.map((u) => [u.kind, u.reason])).toEqual([['order-refused', 'insufficient-balance']]);
    expect(unseen(news, T0 + 30)).toBe(1);
    expect(unseen(news, 0)).toBe(3);
  });
});

describe('toNotify', () => {
  const u = (at: number): Update => ({ id: `u-${at}` as EventId, kind: 'order-accepted', at, orderId: `o-${at}` as OrderId });
  it('tells what came after the last notification, the newest few and how many more, and moves the mark to the newest', () => {
    const updates = [u(T0 + 50), u(T0 + 40), u(T0 + 30), u(T0 + 20), u(T0 + 10)];
    expect(toNotify(updates, T0 + 60)).toEqual({ shown: [], more: 0, upTo: T0 + 60 });
    expect(toNotify(updates, T0 + 35)).toEqual({ shown: [u(T0 + 50), u(T0 + 40)], more: 0, upTo: T0 + 50 });
    const all = toNotify(updates, 0);
    expect(all.shown).toHaveLength(NOTIFY_AT_ONCE);
    expect(all.shown.map((x) => x.at)).toEqual([T0 + 50, T0 + 40, T0 + 30]);
    expect(all.more).toBe(2);
    // Told once: from the new mark, nothing again.
    expect(toNotify(updates, all.upTo).shown).toEqual([]);
  });

  it('leaves the kinds a person turned off out of what is new and notified, and never notifies their past later', () => {
    const at = (kind: UpdateKind, t: number): Update => ({ id: `${kind}-${t}` as EventId, kind, at: t });
    const updates = [at('message', T0 + 50), at('order-shipped', T0 + 40), at('price-dropped', T0 + 30), at('order-accepted', T0 + 20)];
    expect(unseen(updates, T0)).toBe(4);
    expect(unseen(updates, T0, ['messages', 'saved'])).toBe(2);
    expect(toldOf(updates, ['orders']).map((x) => x.kind)).toEqual(['message', 'price-dropped']);
    const told = toNotify(updates, T0, ['messages']);
    expect(told.shown.map((x) => x.kind)).toEqual(['order-shipped', 'price-dropped', 'order-accepted']);
    // The mark passes the message too: turned back on, its past is not notified.
    expect(told.upTo).toBe(T0 + 50);
    expect(toNotify(updates, told.upTo, []).shown).toEqual([]);
    // Every kind belongs to a group a person can choose.
    const kinds: UpdateKind[] = ['order-accepted', 'order-refused', 'order-shipped', 'order-ready', 'team-complete', 'team-failed', 'refund-approved',
      'refund-declined', 'claim-compensated', 'claim-declined', 'withdrawal-paid', 'message', 'price-dropped', 'back-in-stock'];
    for (const k of kinds) expect(NEWS_GROUPS).toContain(newsGroupOf(k));
  });

  it("makes a saved product's drop or restock one update per change of the catalog, the restock first", () => {
    const tea = { id: 'tea' as ProductId, name: 'Green Tea' };
    expect(savedUpdate(tea, { priceDropped: false, backInStock: false }, 7, T0)).toBeUndefined();
    expect(savedUpdate(tea, { priceDropped: true, backInStock: false }, 7, T0)).toEqual({ id: 'saved.tea.7', kind: 'price-dropped', at: T0, productId: 'tea', text: 'Green Tea' });
    expect(savedUpdate(tea, { priceDropped: true, backInStock: true }, 9, T0)).toMatchObject({ id: 'saved.tea.9', kind: 'back-in-stock' });
  });
});
