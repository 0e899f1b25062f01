/**
 * The seller puts a card into the message: a product (found by name), one of the buyer's orders,
 * or a running coupon. Products and orders go as the message's card (`about`, which the buyer's
 * app shows as a link). A message has no coupon card (the channel's format names only a product
 * or an order), so a coupon goes in as a line of text with its code, which the buyer types (or
 * pastes) at checkout.
 */
import { useState } from 'preact/hooks';
import type { BuyerId } from '../../../domain/index.ts';
import { cardChoices } from '../../../app/queries/message-cards.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useLive } from '../../hooks/use-live.ts';
import { useI18n } from '../../i18n/index.ts';
import { insertReply } from '../../../domain/index.ts';
import { orderNumber, stageLabel } from '../../kit/labels.ts';
import type { Composer } from './Conversation.tsx';

export function SendCard({ buyer, composer }: { buyer: BuyerId; composer: Composer }) {
  const app = useApp();
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const choices = useLive(() => (open ? cardChoices(app.store, buyer, search, app.now()) : Promise.resolve(undefined)), [app, buyer, search, open]);
  const close = () => setOpen(false);

  return (
    <details class="msg-cards" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('msgs.cards')}</summary>
      {choices && (
        <div class="msg-cards-body">
          <fieldset>
            <legend>{t('msgs.cardProduct')}</legend>
            <label class="sr-only" for="msg-card-q">{t('msgs.cardProductSearch')}</label>
            <input id="msg-card-q" type="search" placeholder={t('msgs.cardProductSearch')} value={search} maxLength={200} onInput={(e) => setSearch(e.currentTarget.value)} />
            {choices.products.length === 0 ? (
              <p class="msg-tools-note">{t('msgs.cardProductNone')}</p>
            ) : (
              <ul>
                {choices.products.map((p) => (
                  <li key={p.id}>
                    <button type="button" class="msg-chip" onClick={() => { composer.attach({ product: p.id }); close(); }}>
                      {t('msgs.cardAttach', { name: p.name })}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {choices.productsTotal > choices.products.length && (
              <p class="msg-tools-note">{t('msgs.cardProductMore', { count: choices.productsTotal - choices.products.length })}</p>
            )}
          </fieldset>
          <fieldset>
            <legend>{t('msgs.cardOrder')}</legend>
            {choices.orders.length === 0 ? (
              <p class="msg-tools-note">{t('msgs.ordersNone')}</p>
            ) : (
              <ul>
                {choices.orders.map((o) => (
                  <li key={o.id}>
                    <button type="button" class="msg-chip" onClick={() => { composer.attach({ order: o.id }); close(); }}>
                      {t('msgs.cardOrderAttach', { number: orderNumber(o.id) })}
                      <span class="msg-chip-sub"> · {stageLabel(t, o.status)}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </fieldset>
          <fieldset>
            <legend>{t('msgs.cardCoupon')}</legend>
            {choices.coupons.length === 0 ? (
              <p class="msg-tools-note">{t('msgs.cardCouponNone')}</p>
            ) : (
              <ul>
                {choices.coupons.map((c) => (
                  <li key={c.id}>
                    <button
                      type="button"
                      class="msg-chip"
                      onClick={() => { composer.setText(insertReply(composer.text, t('msgs.couponLine', { code: c.code, label: c.label }))); close(); }}
                    >
                      {t('msgs.cardCouponInsert', { code: c.code })}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <p class="msg-tools-note">{t('msgs.cardCouponNote')}</p>
          </fieldset>
        </div>
      )}
    </details>
  );
}
