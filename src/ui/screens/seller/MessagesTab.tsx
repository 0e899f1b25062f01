/**
 * The seller's messages: one conversation per buyer, newest first, each with what is unread,
 * a search by buyer or text; `#/seller/messages/<buyer>` opens one conversation, with the buyer's
 * latest orders beside it (above it on a phone), and under the composer the seller's quick replies
 * and the product, order and coupon cards to send.
 */
import { useState } from 'preact/hooks';
import type { BuyerId } from '../../../domain/index.ts';
import { listConversations } from '../../../app/queries/messages.ts';
import { BuyerOrders } from '../../components/messages/BuyerOrders.tsx';
import { Conversation } from '../../components/messages/Conversation.tsx';
import { QuickReplies } from '../../components/messages/QuickReplies.tsx';
import { SendCard } from '../../components/messages/SendCard.tsx';
import { formatDateTime } from '../../format.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useLive } from '../../hooks/use-live.ts';
import { useI18n } from '../../i18n/index.ts';
import { href } from '../../router.ts';
import '../account.css';
import '../../components/messages/messages.css';

export function MessagesTab({ section }: { section?: string | undefined }) {
  if (section) return <OneConversation buyer={section as BuyerId} />;
  return <ConversationList />;
}

function OneConversation({ buyer }: { buyer: BuyerId }) {
  const { t } = useI18n();
  return (
    <div class="acct">
      <a class="msgs-back" href={href({ name: 'seller', tab: 'messages' })}>{t('msgs.back')}</a>
      <h3 id="msgs-with">{t('msg.withBuyer', { buyer })}</h3>
      <div class="msgs-one">
        <BuyerOrders buyer={buyer} />
        <Conversation
          side="seller"
          buyer={buyer}
          tools={(composer) => (
            <>
              <QuickReplies composer={composer} />
              <SendCard buyer={buyer} composer={composer} />
            </>
          )}
        />
      </div>
    </div>
  );
}

function ConversationList() {
  const app = useApp();
  const { t, intl } = useI18n();
  const [query, setQuery] = useState('');
  const list = useLive(() => listConversations(app.store, query), [app, query]);
  return (
    <div class="acct">
      <h3 id="msgs-title">{t('msgs.title')}</h3>
      <div class="msgs-search">
        <label class="sr-only" for="msgs-q">{t('msgs.search')}</label>
        <input id="msgs-q" type="search" placeholder={t('msgs.search')} value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      </div>
      {list === undefined ? (
        <p role="status">{t('loading')}</p>
      ) : list.length === 0 ? (
        <p class="acct-muted">{query ? t('msgs.searchNone') : t('msg.noneSeller')}</p>
      ) : (
        <ul class="msgs-list stack" aria-labelledby="msgs-title">
          {list.map((c) => (
            <li key={c.buyer}>
              <a class="acct-card msgs-item" href={href({ name: 'seller', tab: 'messages', section: c.buyer })}>
                <span class="msgs-buyer">{c.buyer}</span>
                <time class="msgs-when" dateTime={new Date(c.lastAt).toISOString()}>{formatDateTime(c.lastAt, intl)}</time>
                <span class="msgs-last">{c.lastFrom === 'seller' ? `${t('msg.you')}: ` : ''}{c.lastId !== undefined && !c.lastText ? t('msg.photo') : c.lastText}</span>
                {c.unread > 0 && <span class="acct-badge acct-badge-warn msgs-unread">{t('msg.unread', { count: c.unread })}</span>}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
