/**
 * `npm run bench`: runs every bench and prints one table. To add rows, write a bench file
 * exporting `async function (): Promise<Row[]>` (see table.ts) and list it below. Exits
 * non-zero if any bench's correctness check failed.
 */
import os from 'node:os';
import { authorityBench } from './authority.bench.ts';
import { authorityScaleBench } from './authority-scale.bench.ts';
import { browserCatalogBench } from './browser/catalog.bench.ts';
import { browserPhotoBench } from './browser/photo.bench.ts';
import { browserStartBench } from './browser/start.bench.ts';
import { conversationUiBench } from './browser/conversation.bench.ts';
import { browserSyncBench } from './browser/sync.bench.ts';
import { bundleBench } from './bundle.bench.ts';
import { catalogPullBench } from './catalog-pull.bench.ts';
import { csvBench } from './csv.bench.ts';
import { foldBench } from './fold.bench.ts';
import { lighthouseBench } from './lighthouse.bench.ts';
import { messagesBench } from './messages.bench.ts';
import { optionsBench } from './options.bench.ts';
import { optionsCatalogBench } from './options-catalog.bench.ts';
import { storeBench } from './store.bench.ts';
import { formatTable, type Bench, type Row } from './table.ts';

const benches: [string, Bench][] = [
  ['authority', authorityBench],
  ['authority-scale', authorityScaleBench],
  ['catalog-pull', catalogPullBench],
  ['messages', messagesBench],
  ['options', optionsBench],
  ['options-catalog', optionsCatalogBench],
  ['fold', foldBench],
  ['store', storeBench],
  ['dashboard', (await import('./dashboard.bench.ts')).dashboardBench],
  ['bundle', bundleBench],
  ['browser-catalog', browserCatalogBench],
  ['browser-start', browserStartBench],
  ['conversation-ui', conversationUiBench],
  ['browser-photo', browserPhotoBench],
  ['csv', csvBench],
  ['sync', browserSyncBench],
  ['lighthouse', lighthouseBench],
];

const only = process.argv.slice(2);
const rows: Row[] = [];
for (const [name, bench] of benches) {
  if (only.length > 0 && !only.includes(name)) continue;
  process.stderr.write(`running ${name}…\n`);
  rows.push(...(await bench()));
}

const cpus = os.cpus();
console.log(`Node ${process.version}, ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${os.platform()} ${os.arch()}`);
console.log('time: median of 3 timed runs (after one warm-up run unless the note says otherwise)\n');
console.log(formatTable(rows));
const failed = rows.filter((r) => r.failed !== undefined);
if (failed.length > 0) {
  console.error(`\n${failed.length} bench check(s) failed:`);
  for (const r of failed) console.error(`  ${r.name}: ${r.failed}`);
  process.exitCode = 1;
}
