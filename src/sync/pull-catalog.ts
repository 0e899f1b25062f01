/**
 * A buyer's device pulling the shop's catalog. A device that has read it before goes on from
 * its checkpoint through the changes feed (old append-only `c.*` copies and current-state
 * documents alike: the fold orders them by journal number). A device reading it for the first
 * time, where the catalog says it holds current state (`catalog-meta` of format 2), reads only
 * the current-state documents, by id range, and then the changes since it began: a first visit
 * costs what the shop is (O(products)), not what it has done, even where years of old copies
 * are still on the server.
 *
 * The database's `update_seq` is taken before the documents are read, so whatever is written
 * while they are read comes again through the changes feed (a repeat folds as nothing). The
 * checkpoint is stored only once every range is read: a first pull cut short starts again.
 */
import type { Decision } from '../domain/index.ts';
import { applyPulled, checkpointOf, getCheckpoint, type PublishedSold, type SetAsideRow, type ShopDb } from '../storage/index.ts';
import { CATALOG_FORMAT, CATALOG_META_ID, publishedSoldOf, SHOP_DOC_ID, STATE_PREFIXES } from './catalog-state.ts';
import type { Change, CouchClient } from './couch-client.ts';
import { readCatalogCopy, setAsideRow } from './incoming.ts';
import { pullDb, PULL_PAGE, type PullOptions, type PullReport } from './pull-db.ts';

export async function pullCatalog(local: ShopDb, client: CouchClient, db: string, identity: string, options: PullOptions): Promise<PullReport> {
  const since = (await getCheckpoint(local, db))?.since;
  const report: PullReport = { applied: 0, setAside: 0 };
  if (since === undefined || since === null || since === 0 || since === '0') {
    const first = await readCurrentState(local, client, db, identity, options);
    if (first) {
      report.applied += first.applied;
      report.setAside += first.setAside;
    }
  }
  const rest = await pullDb(local, client, db, identity, readCatalogCopy, options, publishedSoldOf);
  report.applied += rest.applied;
  report.setAside += rest.setAside;
  return report;
}

interface AllDocsRow {
  id: string;
  key: string;
  value?: { rev: string; deleted?: boolean };
  doc?: Record<string, unknown> | null;
}

/** The current-state documents, range by range; undefined where the catalog has none to offer (an older or a newer format). */
async function readCurrentState(
  local: ShopDb, client: CouchClient, db: string, identity: string, options: PullOptions,
): Promise<PullReport | undefined> {
  const meta = await client.get<{ format?: unknown }>(db, CATALOG_META_ID, '', { signal: options.signal });
  // No meta: an append-only catalog (its changes feed is all there is). A newer format: the
  // changes feed sets its documents aside, saying to update the app.
  if (meta?.format !== CATALOG_FORMAT) return undefined;
  const { update_seq: seq } = await client.info(db, options.signal);
  const limit = options.limit ?? PULL_PAGE;
  const report: PullReport = { applied: 0, setAside: 0 };
  const ranges: [string, string][] = [[SHOP_DOC_ID, SHOP_DOC_ID], ...STATE_PREFIXES.map((p): [string, string] => [p, `${p}\ufff0`])];
  for (const [start, end] of ranges) {
    let startkey = start;
    let skip = 0;
    for (;;) {
      const params = new URLSearchParams({
        include_docs: 'true', conflicts: 'true', limit: String(limit), skip: String(skip),
        startkey: JSON.stringify(startkey), endkey: JSON.stringify(end),
      });
      const page = await client.request<{ rows: AllDocsRow[] }>('GET', `${encodeURIComponent(db)}/_all_docs?${params}`, undefined, { signal: options.signal });
      const decisions: Decision[] = [];
      const aside: SetAsideRow[] = [];
      const sold: PublishedSold[] = [];
      const at = options.now();
      for (const row of page.rows) {
        if (!row.doc || row.value?.deleted) continue;
        const change: Change = { id: row.id, seq: null, changes: [{ rev: row.value?.rev ?? '' }], doc: row.doc };
        const figure = publishedSoldOf(change);
        if (figure) sold.push(figure);
        const got = readCatalogCopy(change);
        if ('ok' in got) decisions.push(got.ok);
        else if ('problems' in got) aside.push(setAsideRow(db, change, got.problems, at));
      }
      // Each page is stored as it comes, under a checkpoint that still says "from the start".
      const stored = await applyPulled(local, { decisions, sold, setAside: aside, checkpoint: checkpointOf(db, null, identity, at) });
      report.applied += stored.length;
      report.setAside += aside.length;
      if (page.rows.length < limit) break;
      startkey = page.rows[page.rows.length - 1]!.key;
      skip = 1;
    }
  }
  await applyPulled(local, { decisions: [], setAside: [], checkpoint: checkpointOf(db, seq, identity, options.now()) });
  return report;
}
