/** On the seller's home: the buyers' messages not yet read, a link to the conversations. */
import { unreadCount } from '../../../app/queries/messages.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useLive } from '../../hooks/use-live.ts';
import { useI18n } from '../../i18n/index.ts';
import { href } from '../../router.ts';
import { useMessageStrings } from '../../hooks/use-message-strings.ts';
import './messages.css';

export function MessagesWaiting() {
  const app = useApp();
  const { t } = useI18n();
  const ready = useMessageStrings();
  const unread = useLive(() => unreadCount(app.store, 'seller'), [app]);
  if (!ready || unread === undefined) return null;
  return (
    <a class={unread > 0 ? 'acct-card msgs-home msgs-home-on' : 'acct-card msgs-home'} href={href({ name: 'seller', tab: 'messages' })}>
      <span class="msgs-home-title">{t('msgs.home')}</span>
      <span class="msgs-home-count">{unread > 0 ? t('msgs.homeUnread', { count: unread }) : t('msgs.homeNone')}</span>
    </a>
  );
}
