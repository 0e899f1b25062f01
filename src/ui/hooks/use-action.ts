import { useState } from 'preact/hooks';
import type { EventId } from '../../domain/index.ts';
import { actionProgress } from '../../app/queries/account.ts';
import { useApp } from './use-app.ts';
import { useLive } from './use-live.ts';
import { useI18n } from '../i18n/index.ts';
import { progressMessage, type Followed, type Message } from './action-words.ts';
import { errorText } from '../kit/labels.ts';

export type Outcome = 'done' | 'queued' | 'refused' | 'failed';

export type { Message };

export interface Action {
  busy: boolean;
  message: Message | undefined;
  setMessage(message: Message | undefined): void;
  /**
   * Queues what a person did (one intent or several), waits until the shop has had a chance
   * to look at it (the demo's shop on this device, or a sync with a real shop's server), and
   * says what came of it: done, refused and why, or still on its way. A notice that it is on
   * its way follows it (sent, then decided) and gives way to the outcome.
   */
  run(act: () => Promise<EventId | EventId[]>, done: string, queued?: string): Promise<Outcome>;
  /** Says, and keeps saying as they move on, where these intents are; `done` once all are decided. */
  follow(ids: EventId[], done: string): void;
}

export function useAction(): Action {
  const app = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | undefined>(undefined);
  const [followed, setFollowed] = useState<Followed | undefined>(undefined);
  // Read live: the notice moves on with the intents (sent, decided), in this tab or another.
  const live = useLive(async () => (followed ? { followed, progress: await actionProgress(app.store, followed.ids) } : undefined), [app, followed]);

  const say = (m: Message | undefined) => {
    setFollowed(undefined);
    setMessage(m);
  };

  async function run(act: () => Promise<EventId | EventId[]>, done: string, queued?: string): Promise<Outcome> {
    setBusy(true);
    say(undefined);
    try {
      const result = await act();
      const ids = Array.isArray(result) ? result : [result];
      await app.settle();
      const now = await actionProgress(app.store, ids);
      const f: Followed = { ids, done, queued };
      if (now.state === 'decided' || now.state === 'server-refused') {
        say(progressMessage(i18n, now, f, app.remote === null));
        return now.state === 'decided' && !now.refusal ? 'done' : 'refused';
      }
      // Still on its way: the notice follows it until the shop decides.
      setFollowed({ ...f, first: now });
      return 'queued';
    } catch (error) {
      say({ tone: 'error', text: errorText(t, error) });
      return 'failed';
    } finally {
      setBusy(false);
    }
  }

  const follow = (ids: EventId[], done: string) => {
    setMessage(undefined);
    setFollowed({ ids, done, queued: undefined });
  };

  const progress = live !== undefined && live.followed === followed ? live.progress : followed?.first;
  const shown = followed ? (progress ? progressMessage(i18n, progress, followed, app.remote === null) : undefined) : message;
  return { busy, message: shown, setMessage: say, run, follow };
}
