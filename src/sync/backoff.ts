/**
 * How long to wait before trying again after the n-th failure in a row: doubling from `base`
 * up to `max`, with "equal jitter" (half fixed, half random) so that many phones coming back
 * online together after an outage do not knock on the server in step, and none waits ~0.
 * `random` is passed in (0 ≤ random < 1), so the rule is testable.
 */
export function backoffDelay(failures: number, random: number, base = 1_000, max = 60_000): number {
  const cap = Math.min(max, base * 2 ** Math.max(0, Math.min(failures - 1, 30)));
  return Math.round(cap / 2 + (cap / 2) * random);
}
