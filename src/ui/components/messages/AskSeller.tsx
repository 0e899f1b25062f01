/**
 * "Ask the seller": a button on the product page, the order page and the orders list that opens
 * the buyer's conversation with the shop in a dialog, with the product or order attached as a
 * card. The conversation's code loads only when it is opened (its own chunk).
 */
import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { MessageAbout } from '../../../domain/index.ts';
import { unreadCount } from '../../../app/queries/messages.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useLive } from '../../hooks/use-live.ts';
import { useI18n } from '../../i18n/index.ts';
import type { ConversationProps } from './Conversation.tsx';
import { useMessageStrings } from '../../hooks/use-message-strings.ts';

let loadConversation: Promise<ComponentType<ConversationProps>> | undefined;

export function AskSeller({ about, shopName }: { about?: MessageAbout; shopName?: string | undefined }) {
  const app = useApp();
  const { t } = useI18n();
  const ready = useMessageStrings();
  const buyer = app.buyer();
  const unread = useLive(() => unreadCount(app.store, 'buyer', buyer), [app, buyer]) ?? 0;
  const [View, setView] = useState<ComponentType<ConversationProps> | undefined>(undefined);
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (open && View && !dialog.current?.open) dialog.current?.showModal();
  }, [open, View]);
  if (!ready || buyer === '') return null;

  const show = () => {
    loadConversation ??= import('./Conversation.tsx').then((m) => m.Conversation);
    void loadConversation.then((c) => {
      setView(() => c);
      setOpen(true);
    });
  };
  const title = t('msg.withShop', { shop: shopName || t('msg.seller') });
  return (
    <>
      <button type="button" class="acct-btn msg-ask" onClick={show}>
        {unread > 0 ? t('msg.askUnread', { count: unread }) : t('msg.ask')}
      </button>
      {open && View && (
        <dialog ref={dialog} class="acct msg-dialog" aria-labelledby="msg-dialog-title" onClose={() => setOpen(false)}>
          <header class="msg-dialog-head">
            <h2 id="msg-dialog-title">{title}</h2>
            <button type="button" class="acct-btn" onClick={() => dialog.current?.close()}>{t('msg.close')}</button>
          </header>
          <View side="buyer" buyer={buyer} about={about} />
        </dialog>
      )}
    </>
  );
}
