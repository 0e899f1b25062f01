import type { EventId } from '../../domain/index.ts';
import type { ActionProgress } from '../../app/queries/account.ts';
import type { I18n } from '../i18n/index.ts';
import { reasonText } from '../kit/labels.ts';

export interface Message {
  tone: 'ok' | 'info' | 'error';
  text: string;
}

/** An action whose intents a notice follows until they are decided (use-action.ts). */
export interface Followed {
  ids: EventId[];
  /** What to say once all are decided and none refused. */
  done: string;
  /** The demo's own words for while it waits on this device (a real shop's are the same for all). */
  queued: string | undefined;
  /** Where they were when the notice began, shown until the live reading arrives. */
  first?: ActionProgress;
}

/** The words for where a followed action is, in the demo or on a real shop. */
export function progressMessage({ t }: I18n, p: ActionProgress, f: Followed, demo: boolean): Message {
  switch (p.state) {
    case 'decided':
      return p.refusal
        ? { tone: 'error', text: t('acct.refused', { reason: reasonText(t, p.refusal.reason, p.refusal.message) }) }
        : { tone: 'ok', text: f.done };
    case 'server-refused':
      return { tone: 'error', text: t('order.serverError', { message: p.error }) };
    case 'queued':
      // The demo's shop is in this browser: only being offline holds an intent back. A real
      // shop is across the network: a buyer's goes to its server, and the seller's own
      // commands are decided on the seller's phone once it reaches the server.
      if (demo) return { tone: 'info', text: f.queued ?? t('acct.queued') };
      return { tone: 'info', text: t(p.seller ? 'acct.queuedSeller' : 'acct.queuedShop') };
    case 'sent':
      return { tone: 'info', text: t('acct.sent') };
  }
}
