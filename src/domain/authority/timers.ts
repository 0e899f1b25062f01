import type { Millis } from '../catalog.ts';
import type { Draft } from '../fold.ts';
import type { OrderId, TeamId } from '../ids.ts';
import { refundWindowEnd } from '../refund-window.ts';

/**
 * Things the clock decides: a team's deadline, an order's auto-confirmation, the end of its
 * refund window. Kept in a min-heap by due time so a run with many intents does not rescan
 * every order per intent. Entries go stale when the thing changes; the handler re-checks.
 */
export type Timer =
  | { due: Millis; kind: 'team-deadline'; teamId: TeamId }
  | { due: Millis; kind: 'auto-confirm'; orderId: OrderId }
  | { due: Millis; kind: 'refund-window'; orderId: OrderId };

export class TimerQueue {
  private heap: Timer[] = [];

  get size(): number {
    return this.heap.length;
  }

  push(t: Timer): void {
    const h = this.heap;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  /** The earliest timer due at or before `t`, removed from the queue. */
  popDue(t: Millis): Timer | undefined {
    const h = this.heap;
    const top = h[0];
    if (top === undefined || top.due > t) return undefined;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l]!, h[m]!)) m = l;
        if (r < h.length && before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}

/** Due time first; ties broken by kind and id so that every device fires them in the same order. */
function before(a: Timer, b: Timer): boolean {
  if (a.due !== b.due) return a.due < b.due;
  const ka = `${a.kind}:${'teamId' in a ? a.teamId : a.orderId}`;
  const kb = `${b.kind}:${'teamId' in b ? b.teamId : b.orderId}`;
  return ka < kb;
}

/** Every timer the state implies, for the start of a run. */
export function timersOf(d: Draft): TimerQueue {
  const q = new TimerQueue();
  for (const { value: team } of d.teams.values()) {
    if (team.status === 'forming') q.push({ due: team.deadline, kind: 'team-deadline', teamId: team.id });
  }
  for (const { value: o } of d.orders.values()) {
    if ((o.status === 'shipped' || o.status === 'ready-for-pickup') && o.autoConfirmAt !== undefined) {
      q.push({ due: o.autoConfirmAt, kind: 'auto-confirm', orderId: o.id });
    } else if (o.status === 'received' && o.receivedAt !== undefined) {
      q.push({ due: refundWindowEnd(o.receivedAt, d.shop?.value.policies), kind: 'refund-window', orderId: o.id });
    }
  }
  return q;
}
