import type { OrderDetail } from '../../../app/queries/my-orders.ts';
import { formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/index.ts';
import { isoTime, noteText, stageLabel } from '../../kit/labels.ts';

interface Step {
  label: string;
  at?: number;
  note?: string;
}

/**
 * An order's life as an ordered list: queued on this device, sent to the shop, then each
 * step the shop recorded, with its time and note. The last step is the current one.
 */
export function OrderTimeline({ detail }: { detail: OrderDetail }) {
  const { t, intl } = useI18n();
  const { view } = detail;
  const steps: Step[] = [{ label: t('timeline.queued'), at: view.placedAt }];
  if (view.stage !== 'queued' && view.stage !== 'refused') {
    steps.push(detail.sentAt === undefined ? { label: t('timeline.sent') } : { label: t('timeline.sent'), at: detail.sentAt });
  }
  if (view.stage === 'queued' || view.stage === 'sent') steps.push({ label: t('timeline.waiting') });
  if (view.stage === 'refused') steps.push({ label: stageLabel(t, 'refused'), ...(view.error !== undefined && { note: view.error }) });
  for (const entry of view.order?.timeline ?? []) {
    // A refusal's note is the shop's English message: the page says why in the reader's words instead.
    const note = entry.what === 'rejected' ? undefined : noteText(t, entry.note);
    steps.push({ label: stageLabel(t, entry.what), at: entry.at, ...(note !== undefined && { note }) });
  }
  return (
    <ol class="acct-timeline">
      {steps.map((s, i) => (
        <li aria-current={i === steps.length - 1 ? 'step' : undefined}>
          <span class="acct-step">{s.label}</span>
          {s.at !== undefined && <time dateTime={isoTime(s.at)}>{formatDateTime(s.at, intl)}</time>}
          {s.note && <span class="acct-note">{s.note}</span>}
        </li>
      ))}
    </ol>
  );
}
