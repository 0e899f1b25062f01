import { formatCountdown } from '../../format.ts';
import { useI18n } from '../../i18n/index.ts';
import { useNow } from '../../hooks/use-now.ts';

const DAY = 86_400_000;

/** Time left until `until` ("04:59", "1 d 23:59:59"), ticking each second, as a timer for screen readers. */
export function TimeLeft({ until, label }: { until: number; label: string }) {
  const { t } = useI18n();
  const now = useNow(1000);
  return (
    <span role="timer" aria-label={label} class="countdown">
      {timeLeftText(until - now, t)}
    </span>
  );
}

export function timeLeftText(ms: number, t: ReturnType<typeof useI18n>['t']): string {
  const left = Math.max(0, ms);
  if (left < DAY) return formatCountdown(left);
  const days = Math.floor(left / DAY);
  return t('time.days', { days, time: formatCountdown(left - days * DAY) });
}
