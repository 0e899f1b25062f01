/**
 * Updates: a bell with what is new for the person (orders accepted or refused with the reason,
 * shipped with the tracking number, ready, teams, refunds, claims, withdrawals, the seller's
 * messages), from what the device already has. Opening the list marks it seen; the app's icon
 * badge (`navigator.setAppBadge`, where the browser has it) shows what is unread.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { newsGroupOf, unseen, type NewsGroup, type Update } from '../../../domain/index.ts';
import { markUpdatesSeen, myUpdates } from '../../../app/queries/updates.ts';
import { formatDateTime } from '../../format.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useLive } from '../../hooks/use-live.ts';
import { useI18n } from '../../i18n/index.ts';
import { href } from '../../router.ts';
import { NewsSettings } from './NewsSettings.tsx';
import { NotifyToggle } from './NotifyToggle.tsx';
import { updateText } from './update-text.ts';
import './messages.css';

export function UpdatesBell() {
  const app = useApp();
  const i18n = useI18n();
  const { t, intl } = i18n;
  const buyer = app.buyer();
  const person = app.person();
  const mine = useLive(() => myUpdates(person, app.store, buyer), [app, buyer, person]);
  // The seen time lives in the settings database, which live queries do not watch: kept here once changed.
  const [seenAt, setSeenAt] = useState<number | undefined>(undefined);
  // What the open list marks "new": what came after the look before this one.
  const [newSince, setNewSince] = useState(0);
  const dialog = useRef<HTMLDialogElement>(null);
  // The person's choice of kinds, kept here once changed for the same reason.
  const [mutedNow, setMuted] = useState<NewsGroup[] | undefined>(undefined);
  const seen = seenAt ?? mine?.seenAt ?? 0;
  const muted = mutedNow ?? mine?.muted ?? [];
  const unread = mine ? unseen(mine.updates, seen, muted) : 0;
  const isNew = (u: Update) => u.at > newSince && !muted.includes(newsGroupOf(u.kind));
  useEffect(() => {
    const nav = navigator as Navigator & { setAppBadge?: (n?: number) => Promise<void>; clearAppBadge?: () => Promise<void> };
    if (!mine || !nav.setAppBadge) return;
    void (unread > 0 ? nav.setAppBadge(unread) : nav.clearAppBadge?.())?.catch(() => undefined);
  }, [mine, unread]);
  if (!mine || buyer === '') return null;

  const open = () => {
    setNewSince(seen);
    dialog.current?.showModal();
    const now = app.now();
    void markUpdatesSeen(person, now).then(() => setSeenAt(now));
  };
  return (
    <>
      <button type="button" class="acct-btn upd-bell" onClick={open}>
        {/* A drawn bell: an emoji one depends on the phone's fonts (a box on some). */}
        <svg class="upd-icon" aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 ? t('upd.buttonUnread', { count: unread }) : t('upd.button')}
      </button>
      <dialog ref={dialog} class="acct msg-dialog" aria-labelledby="upd-title">
        <header class="msg-dialog-head">
          <h2 id="upd-title">{t('upd.title')}</h2>
          <button type="button" class="acct-btn" onClick={() => dialog.current?.close()}>{t('msg.close')}</button>
        </header>
        <NotifyToggle />
        <NewsSettings person={person} muted={muted} onChange={setMuted} />
        {mine.updates.length === 0 ? (
          <p class="acct-muted">{t('upd.none')}</p>
        ) : (
          <ul class="msgs-list upd-list stack">
            {mine.updates.map((u) => (
              <li key={u.id} class={isNew(u) ? 'acct-card upd-item upd-new' : 'acct-card upd-item'}>
                {isNew(u) && <span class="acct-badge acct-badge-warn">{t('upd.new')}</span>}
                {u.orderId ? <a href={href({ name: 'order', id: u.orderId })}>{updateText(i18n, u)}</a>
                  : u.productId ? <a href={href({ name: 'product', id: u.productId })}>{updateText(i18n, u)}</a>
                  : <span>{updateText(i18n, u)}</span>}
                <time class="msgs-when" dateTime={new Date(u.at).toISOString()}>{formatDateTime(u.at, intl)}</time>
              </li>
            ))}
          </ul>
        )}
      </dialog>
    </>
  );
}
