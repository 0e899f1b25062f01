/**
 * The seller puts a card into the message: a product (found by name), one of the buyer's orders,
 * or a running coupon, each as the message's card (`about`). The buyer's app shows a product or
 * an order as a link, and a coupon with "Put it in my cart" (CouponCard.tsx; a message with a
 * coupon card is of event version 3).
 */
import { useState } from 'preact/hooks';
import type { BuyerId } from '../../../domain/index.ts';
import { cardChoices } from '../../../app/queries/message-cards.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useLive } from '../../hooks/use-live.ts';
import { useI18n } from '../../i18n/index.ts';
import { normalizeCouponCode } from '../../../domain/index.ts';
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
                      onClick={() => { composer.attach({ coupon: normalizeCouponCode(c.code) }); close(); }}
                    >
                      {t('msgs.cardCouponAttach', { code: c.code })}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </fieldset>
        </div>
      )}
    </details>
  );
}
