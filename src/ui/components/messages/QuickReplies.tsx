/**
 * The seller's quick replies under the composer: each one a button that puts it into the message
 * (after what is written: nothing typed is lost), one to remove it, and one to save what is in
 * the box as a new one. Kept on this device, in the seller's person settings (and its backups).
 */
import { useEffect, useState } from 'preact/hooks';
import { cleanText, QUICK_REPLIES_MAX, QUICK_REPLY_MAX_CHARS, insertReply } from '../../../domain/index.ts';
import { QuickReplyRefusedError, quickReplies, removeQuickReplyOf, saveQuickReply } from '../../../app/quick-replies.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useI18n, type I18n } from '../../i18n/index.ts';
import { errorText } from '../../kit/labels.ts';
import type { Composer } from './Conversation.tsx';

export function QuickReplies({ composer }: { composer: Composer }) {
  const app = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const [list, setList] = useState<string[] | undefined>(undefined);
  const [note, setNote] = useState<{ text: string; error: boolean } | undefined>(undefined);

  useEffect(() => {
    let live = true;
    void quickReplies(app).then((l) => live && setList(l), () => live && setList([]));
    return () => {
      live = false;
    };
  }, [app]);

  async function save() {
    try {
      setList(await saveQuickReply(app, composer.text));
      setNote({ text: t('msgs.quickSaved'), error: false });
    } catch (err) {
      setNote({ text: refusal(i18n, err, composer.text), error: true });
    }
  }
  async function remove(reply: string) {
    try {
      setList(await removeQuickReplyOf(app, reply));
      setNote({ text: t('msgs.quickRemoved', { text: reply }), error: false });
    } catch (err) {
      setNote({ text: errorText(t, err), error: true });
    }
  }

  return (
    <section class="msg-quick" aria-labelledby="msg-quick-title">
      <div class="msg-tools-head">
        <h4 id="msg-quick-title">{t('msgs.quick')}</h4>
        <button type="button" class="acct-btn msg-quick-save" onClick={() => void save()}>{t('msgs.quickSave')}</button>
      </div>
      {list !== undefined && list.length === 0 && <p class="msg-tools-note">{t('msgs.quickNone')}</p>}
      {list !== undefined && list.length > 0 && (
        <ul class="msg-quick-list">
          {list.map((reply) => (
            <li key={reply}>
              <button type="button" class="msg-chip" aria-label={t('msgs.quickUse', { text: reply })} onClick={() => composer.setText(insertReply(composer.text, reply))}>
                {reply}
              </button>
              <button type="button" class="msg-chip-x" aria-label={t('msgs.quickRemove', { text: reply })} onClick={() => void remove(reply)}>×</button>
            </li>
          ))}
        </ul>
      )}
      <p class={note?.error ? 'msg-tools-note msg-error' : 'msg-tools-note'} role="status">{note?.text ?? ''}</p>
    </section>
  );
}

function refusal({ t }: I18n, err: unknown, text: string): string {
  if (!(err instanceof QuickReplyRefusedError)) return errorText(t, err);
  if (err.problem === 'empty') return t('msgs.quickEmpty');
  if (err.problem === 'too-long') return t('msgs.quickTooLong', { max: QUICK_REPLY_MAX_CHARS, count: cleanText(text).length });
  return t('msgs.quickTooMany', { max: QUICK_REPLIES_MAX });
}
