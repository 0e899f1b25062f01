/** A round number at or above `x` (1, 2 or 5 times a power of ten), for a chart's top line. */
export function niceCeil(x: number): number {
  if (!(x > 0)) return 0;
  const power = 10 ** Math.floor(Math.log10(x));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= x) return step * power;
  return 10 * power;
}

/** Which of `n` bars get a label under them: all of a few, else about `most`, always the last. */
export function labelled(n: number, most = 6): Set<number> {
  const out = new Set<number>();
  if (n <= most + 2) {
    for (let i = 0; i < n; i++) out.add(i);
    return out;
  }
  const step = Math.ceil(n / most);
  for (let i = n - 1; i >= 0; i -= step) out.add(i);
  return out;
}
