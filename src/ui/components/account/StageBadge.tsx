import type { OrderStage } from '../../../app/queries/reads.ts';
import { useI18n } from '../../i18n/index.ts';
import { stageLabel } from '../../kit/labels.ts';

const TONE: Partial<Record<OrderStage, string>> = {
  queued: 'wait',
  sent: 'wait',
  'team-forming': 'wait',
  refused: 'bad',
  rejected: 'bad',
  cancelled: 'off',
  refunded: 'off',
  'refund-requested': 'warn',
  'claim-filed': 'warn',
  received: 'good',
  finished: 'good',
  compensated: 'good',
};

/** Where an order is, in words, with a colour that only repeats what the words say. */
export function StageBadge({ stage }: { stage: OrderStage }) {
  const { t } = useI18n();
  return <span class={`acct-badge acct-badge-${TONE[stage] ?? 'go'}`}>{stageLabel(t, stage)}</span>;
}
