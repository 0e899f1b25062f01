import { useEffect, useState } from 'preact/hooks';

/** The device's time, refreshed every `everyMs`: for what changes with the clock (a sale starting). */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
