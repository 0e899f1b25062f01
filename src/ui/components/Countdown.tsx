import { useEffect, useState } from 'preact/hooks';
import { formatCountdown } from '../format.ts';

/**
 * Time left until `until`, ticking each second. `role="timer"` lets screen readers find it
 * without reading every tick aloud (timers are not live regions by default).
 */
export function Countdown({ until, label }: { until: number; label: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <span role="timer" aria-label={label} class="countdown">
      {formatCountdown(until - now)}
    </span>
  );
}
