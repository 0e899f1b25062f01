/**
 * One conversation between a buyer and the shop, for either side: the messages oldest first
 * (one's own on the right, with their state: queued on this device, sent, read), the card of
 * what a message is about, and the composer. Text is rendered as text, never as HTML. Seeing the
 * other side's messages sends a read receipt (only when it says something new).
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { MAX_ATTACHED_PHOTOS, MESSAGE_MAX_CHARS, cleanText, type BuyerId, type MessageAbout, type OrderId, type ProductId } from '../../../domain/index.ts';
import { markConversationRead } from '../../../app/actions/mark-conversation-read.ts';
import { MessageRefusedError, sendMessage } from '../../../app/actions/send-message.ts';
import { getOrder, getProduct, readConversation, type ShownMessage } from '../../../app/queries/messages.ts';
import { formatDateTime } from '../../format.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useLive } from '../../hooks/use-live.ts';
import { useOnline } from '../../hooks/use-online.ts';
import { usePendingPhotos } from '../../hooks/use-pending-photos.ts';
import { useI18n, type I18n } from '../../i18n/index.ts';
import { errorText, orderNumber } from '../../kit/labels.ts';
import { href } from '../../router.ts';
import { AttachedPhotos } from '../photos/AttachedPhotos.tsx';
import { PhotoPicker } from '../photos/PhotoPicker.tsx';
import { CouponCard } from './CouponCard.tsx';
import './messages.css';

export interface ConversationProps {
  side: 'buyer' | 'seller';
  buyer: BuyerId;
  /** A card to attach to the next message (the product or order the conversation was opened from). */
  about?: MessageAbout | undefined;
  /** More ways to write, under the composer (the seller's quick replies and cards), given the composer to change. */
  tools?: ((composer: Composer) => ComponentChildren) | undefined;
}

/** The composer as tools see it: what is written, and how to put something in. */
export interface Composer {
  text: string;
  setText(text: string): void;
  attach(about: MessageAbout): void;
}

/** Messages shown at first, and added by each "Show earlier messages": a page read by the index, never the whole history. */
const PAGE = 200;

export function Conversation({ side, buyer, about: initialAbout, tools }: ConversationProps) {
  const app = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const online = useOnline();
  const [limit, setLimit] = useState(PAGE);
  // One formatter for every bubble: making an Intl.DateTimeFormat per message cost most of a
  // 600-message render (bench/browser/conversation.bench.ts).
  const when = useMemo(() => new Intl.DateTimeFormat(i18n.intl, { dateStyle: 'medium', timeStyle: 'short' }), [i18n.intl]);
  const conversation = useLive(() => readConversation(app.store, buyer, side, limit), [app, buyer, side, limit]);
  const [text, setText] = useState('');
  const [about, setAbout] = useState<MessageAbout | undefined>(initialAbout);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const { photos, setPhotos, sent } = usePendingPhotos();
  const end = useRef<HTMLLIElement>(null);
  // Where the reader was when they asked for earlier messages: kept there, not taken to the end.
  const keep = useRef<string | undefined>(undefined);
  const newestOther = conversation?.newestOther;
  const count = conversation?.messages.length ?? 0;

  // What is on screen is read: a receipt goes to the other side (none if nothing new).
  useEffect(() => {
    if (newestOther !== undefined) void markConversationRead(app, side, buyer, newestOther).catch(() => undefined);
  }, [app, side, buyer, newestOther]);
  useEffect(() => {
    const id = keep.current;
    keep.current = undefined;
    if (id !== undefined) document.getElementById(`msg-${id}`)?.scrollIntoView({ block: 'start' });
    else end.current?.scrollIntoView({ block: 'end' });
  }, [count]);
  const earlier = () => {
    keep.current = conversation?.messages[0]?.message.id;
    setLimit((n) => n + PAGE);
  };

  const left = MESSAGE_MAX_CHARS - cleanText(text).length;
  async function send(e: Event) {
    e.preventDefault();
    setError(undefined);
    setBusy(true);
    // Handed over before the message is stored: closing the conversation meanwhile must not forget them.
    const taken = photos;
    sent();
    try {
      await sendMessage(app, side, { buyer, text, ...(about ? { about } : {}), ...(taken.length > 0 ? { photos: taken } : {}) });
      setText('');
      setAbout(undefined);
    } catch (err) {
      // The text and photos stay in the box: nothing is lost.
      setPhotos(taken);
      setError(refusalText(i18n, err, text));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="msg">
      {conversation === undefined ? (
        <p role="status">{t('loading')}</p>
      ) : conversation.messages.length === 0 ? (
        <p class="msg-empty">{side === 'buyer' ? t('msg.none') : t('msg.noneSeller')}</p>
      ) : (
        <ol class="msg-list stack" aria-label={t('msgs.title')}>
          {conversation.more && (
            <li class="msg-older">
              <button type="button" class="acct-btn" onClick={earlier}>{t('msg.earlier')}</button>
            </li>
          )}
          {conversation.messages.map((m) => <Bubble key={m.message.id} shown={m} side={side} buyer={buyer} when={when} />)}
          <li ref={end} class="msg-end" aria-hidden="true" />
        </ol>
      )}
      <form class="msg-form" onSubmit={send} noValidate>
        {about && (
          <div class="msg-attach">
            <span class="msg-attach-label">{t('msg.about')}</span>
            <AboutCard about={about} side={side} />
            <button type="button" class="msg-attach-remove" aria-label={t('msg.aboutRemove')} onClick={() => setAbout(undefined)}>×</button>
          </div>
        )}
        <PhotoPicker photos={photos} onChange={(next) => (setPhotos(next), setError(undefined))} disabled={busy} />
        <div class="msg-compose">
          <label class="sr-only" for="msg-text">{t('msg.text')}</label>
          <textarea
            id="msg-text"
            rows={2}
            placeholder={t('msg.placeholder')}
            value={text}
            aria-invalid={error !== undefined}
            aria-describedby="msg-help"
            onInput={(e) => {
              setText(e.currentTarget.value);
              setError(undefined);
            }}
          />
          <button type="submit" class="acct-btn acct-primary" disabled={busy}>{busy ? t('msg.sending') : t('msg.send')}</button>
        </div>
        <p id="msg-help" class={error ? 'msg-help msg-error' : 'msg-help'} aria-live="polite">
          {error ?? (left < 200 ? t('msg.left', { count: Math.max(0, left) }) : !online ? t('msg.offlineNote') : '')}
        </p>
        {tools?.({
          text,
          setText: (next) => {
            setText(next);
            setError(undefined);
            document.getElementById('msg-text')?.focus();
          },
          attach: setAbout,
        })}
      </form>
    </div>
  );
}

function refusalText({ t, intl }: I18n, err: unknown, text: string): string {
  if (!(err instanceof MessageRefusedError)) return errorText(t, err);
  if (err.problem === 'empty') return t('msg.empty');
  if (err.problem === 'too-long') return t('msg.tooLong', { max: MESSAGE_MAX_CHARS, count: cleanText(text).length });
  if (err.problem === 'too-many-photos') return t('photos.tooMany', { max: MAX_ATTACHED_PHOTOS });
  if (err.problem === 'too-fast') return t('msg.tooFast', { time: formatDateTime(err.retryAt ?? Date.now(), intl) });
  return t('msg.wrongAuthor');
}

function Bubble({ shown, side, buyer, when }: { shown: ShownMessage; side: 'buyer' | 'seller'; buyer: BuyerId; when: Intl.DateTimeFormat }) {
  const { t } = useI18n();
  const { message, mine, state } = shown;
  const who = mine ? t('msg.you') : side === 'buyer' ? t('msg.seller') : message.buyer;
  const stateText = state === 'refused' ? t('msg.refused', { reason: shown.error ?? '' }) : t(`msg.${state}`);
  return (
    <li id={`msg-${message.id}`} class={mine ? 'msg-bubble msg-mine' : 'msg-bubble msg-theirs'}>
      <span class="sr-only">{who}: </span>
      {message.about && <AboutCard about={message.about} side={side} />}
      {message.kind === 'message.send' && <AttachedPhotos refs={message.photos} origin={{ channel: buyer }} />}
      {message.text !== '' && <p class="msg-text">{message.text}</p>}
      <p class="msg-meta">
        <time dateTime={new Date(message.at).toISOString()}>{when.format(message.at)}</time>
        {mine && <span class={`msg-state msg-state-${state}`} data-state={state}> · {stateText}</span>}
      </p>
    </li>
  );
}

/** The product or order a message is about, as a small card linking to it (the buyer's own order page; the seller's list, searched for it). */
function AboutCard({ about, side }: { about: MessageAbout; side: 'buyer' | 'seller' }) {
  if ('coupon' in about) return <CouponCard code={about.coupon} side={side} />;
  return <ThingCard about={about} side={side} />;
}

function ThingCard({ about, side }: { about: Exclude<MessageAbout, { coupon: string }>; side: 'buyer' | 'seller' }) {
  const app = useApp();
  const { t } = useI18n();
  const name = useLive(async () => {
    if ('product' in about) return (await getProduct(app.store, about.product as ProductId))?.product.name ?? about.product;
    const order = await getOrder(app.store, about.order as OrderId);
    return order?.lines.map((l) => l.name).slice(0, 2).join(', ') ?? '';
  }, [app, 'product' in about ? about.product : about.order]);
  if ('product' in about) {
    return (
      <a class="msg-card" href={href({ name: 'product', id: about.product })}>{t('msg.aboutProduct', { name: name ?? '' })}</a>
    );
  }
  const to = side === 'buyer' ? href({ name: 'order', id: about.order }) : href({ name: 'seller', tab: 'orders', section: 'all', q: orderNumber(about.order) });
  return (
    <a class="msg-card" href={to}>
      {t('msg.aboutOrder', { number: orderNumber(about.order) })}
      {name ? <span class="msg-card-sub">{name}</span> : null}
    </a>
  );
}
