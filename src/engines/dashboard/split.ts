/**
 * Splits a whole amount of minor units into parts in proportion to weights, so that the parts
 * add up to the whole exactly (largest remainder: every part gets its floor, then the units
 * left over go one each to the largest remainders, ties to the earlier part). Negative
 * amounts split like their opposite. Weights of zero (or none positive) share equally.
 */
export function splitByWeights(total: number, weights: readonly number[]): number[] {
  const n = weights.length;
  if (n === 0) return [];
  if (total < 0) return splitByWeights(-total, weights).map((x) => (x === 0 ? 0 : -x));
  const w = weights.map((x) => (Number.isFinite(x) && x > 0 ? Math.floor(x) : 0));
  let sum = 0;
  for (const x of w) sum += x;
  if (sum === 0) {
    w.fill(1);
    sum = n;
  }
  if (total * sum <= Number.MAX_SAFE_INTEGER) return largestRemainder(total, w, sum);
  return largestRemainderBig(BigInt(total), w.map(BigInt), BigInt(sum)).map(Number);
}

function largestRemainder(total: number, w: readonly number[], sum: number): number[] {
  const parts: number[] = [];
  const rest: number[] = [];
  let given = 0;
  for (const x of w) {
    const exact = total * x;
    const part = Math.floor(exact / sum);
    parts.push(part);
    rest.push(exact - part * sum);
    given += part;
  }
  hand(total - given, rest, (i) => (parts[i]! += 1));
  return parts;
}

function largestRemainderBig(total: bigint, w: readonly bigint[], sum: bigint): bigint[] {
  const parts: bigint[] = [];
  const rest: bigint[] = [];
  let given = 0n;
  for (const x of w) {
    const part = (total * x) / sum;
    parts.push(part);
    rest.push(total * x - part * sum);
    given += part;
  }
  hand(Number(total - given), rest, (i) => (parts[i]! += 1n));
  return parts;
}

/** Gives `left` single units to the parts with the largest remainders (the earlier on a tie). */
function hand<R extends number | bigint>(left: number, rest: readonly R[], give: (i: number) => void): void {
  if (left <= 0) return;
  const order = rest.map((_, i) => i).sort((a, b) => (rest[b]! > rest[a]! ? 1 : rest[b]! < rest[a]! ? -1 : a - b));
  for (let k = 0; k < left; k++) give(order[k]!);
}
