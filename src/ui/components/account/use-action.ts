import { useState } from 'preact/hooks';
import type { EventId } from '../../../domain/index.ts';
import { decisionOn } from '../../../app/queries.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useI18n } from '../../i18n/index.ts';
import { errorText, reasonText } from './labels.ts';

export type Outcome = 'done' | 'queued' | 'refused' | 'failed';

export interface Message {
  tone: 'ok' | 'info' | 'error';
  text: string;
}

export interface Action {
  busy: boolean;
  message: Message | undefined;
  setMessage(message: Message | undefined): void;
  /**
   * Queues what a person did (one intent or several), waits until the shop on this device has
   * looked at it, and says what came of it: done, queued (offline), or refused and why.
   */
  run(act: () => Promise<EventId | EventId[]>, done: string, queued?: string): Promise<Outcome>;
}

export function useAction(): Action {
  const app = useApp();
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | undefined>(undefined);

  async function run(act: () => Promise<EventId | EventId[]>, done: string, queued?: string): Promise<Outcome> {
    setBusy(true);
    setMessage(undefined);
    try {
      const result = await act();
      const ids = Array.isArray(result) ? result : [result];
      await app.settle();
      const decisions = await Promise.all(ids.map((id) => decisionOn(app.db, id)));
      for (const d of decisions) {
        if (d?.type === 'decision' && (d.kind === 'intent.rejected' || d.kind === 'order.rejected')) {
          setMessage({ tone: 'error', text: t('acct.refused', { reason: reasonText(t, d.reason, d.message) }) });
          return 'refused';
        }
      }
      if (decisions.some((d) => d === undefined)) {
        setMessage({ tone: 'info', text: queued ?? t('acct.queued') });
        return 'queued';
      }
      setMessage({ tone: 'ok', text: done });
      return 'done';
    } catch (error) {
      setMessage({ tone: 'error', text: errorText(t, error) });
      return 'failed';
    } finally {
      setBusy(false);
    }
  }

  return { busy, message, setMessage, run };
}
