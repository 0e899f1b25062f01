/** The fold every device runs: the decisions of a month of a busy shop, folded from nothing. */
import { apply, emptyState, type ShopState } from '../src/domain/index.ts';
import { count, measure, perSecond, type Row } from './table.ts';
import { mixedHistory } from './workloads.ts';

const CHUNK = 1_000;

export async function foldBench(): Promise<Row[]> {
  const history = mixedHistory();
  const { decisions } = history;
  const n = decisions.length;
  const kinds = new Set(decisions.map((d) => d.kind)).size;
  /** A cheap check that the fold got the authority's state (the property tests check it in full). */
  const agrees = (s: ShopState) =>
    s.n === history.state.n && s.orders.size === history.state.orders.size && s.seen.size === history.state.seen.size
    && [...history.state.balances].every(([k, v]) => s.balances.get(k) === v);
  const rows: Row[] = [];

  const once = await measure(() => apply(emptyState(), decisions));
  rows.push({
    name: 'fold: one apply()',
    size: `${count(n)} events`,
    ms: once.ms,
    throughput: perSecond(n, once.ms, 'events'),
    note: `mixed month: ${count(history.state.orders.size)} orders, ${kinds} decision kinds, from ${count(history.intents)} intents`,
    ...(!agrees(once.result) && { failed: 'folded state differs from the authority’s' }),
  });

  const chunked = await measure(() => {
    let s = emptyState();
    for (let i = 0; i < n; i += CHUNK) s = apply(s, decisions.slice(i, i + CHUNK));
    return s;
  });
  rows.push({
    name: `fold: chunks of ${count(CHUNK)}`,
    size: `${count(n)} events`,
    ms: chunked.ms,
    throughput: perSecond(n, chunked.ms, 'events'),
    note: `${count(Math.ceil(n / CHUNK))} apply() calls, each copying the state so far; ${(chunked.ms / once.ms).toFixed(1)}× one call`,
    ...(!agrees(chunked.result) && { failed: 'folded state differs from the authority’s' }),
  });
  return rows;
}
