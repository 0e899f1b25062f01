/**
 * Pulling one database's changes into the device, page by page: each page's valid decisions,
 * the documents set aside, and the checkpoint are written in one transaction, so a pull cut
 * short anywhere resumes from the last whole page and applies nothing twice.
 */
import type { Decision, MessageEvent } from '../domain/index.ts';
import { applyPulled, checkpointOf, getCheckpoint, type PublishedSold, type SetAsideRow, type ShopDb } from '../storage/index.ts';
import type { Change, CouchClient } from './couch-client.ts';
import { setAsideRow, type Incoming } from './incoming.ts';

export interface PullOptions {
  /** Documents per page: small, so a weak link finishes pages and a cut loses little. */
  limit?: number;
  signal?: AbortSignal;
  /** The device's clock, for "last synced". */
  now: () => number;
}

export interface PullReport {
  applied: number;
  setAside: number;
  /** Messages and receipts read (a buyer's channel). */
  messages?: number;
}

export const PULL_PAGE = 200;

export async function pullDb(
  local: ShopDb, client: CouchClient, db: string, identity: string,
  read: (change: Change) => Incoming<Decision | MessageEvent>, options: PullOptions,
  soldOf?: (change: Change) => PublishedSold | undefined,
): Promise<PullReport> {
  const limit = options.limit ?? PULL_PAGE;
  const report: PullReport = { applied: 0, setAside: 0 };
  for (;;) {
    const since = (await getCheckpoint(local, db))?.since ?? 0;
    const page = await client.changes(db, { since, limit, signal: options.signal });
    const decisions: Decision[] = [];
    const messages: MessageEvent[] = [];
    const aside: SetAsideRow[] = [];
    const sold: PublishedSold[] = [];
    const at = options.now();
    for (const change of page.results) {
      const figure = soldOf?.(change);
      if (figure) sold.push(figure);
      const got = read(change);
      if ('ok' in got) {
        if (got.ok.type === 'message') messages.push(got.ok);
        else decisions.push(got.ok);
      } else if ('problems' in got) aside.push(setAsideRow(db, change, got.problems, at));
    }
    const stored = await applyPulled(local, { decisions, messages, sold, setAside: aside, checkpoint: checkpointOf(db, page.last_seq, identity, at) });
    report.applied += stored.length;
    report.messages = (report.messages ?? 0) + messages.length;
    report.setAside += aside.length;
    if (page.results.length < limit) return report;
  }
}
