/** The shop's authority under the seed story's load: a flash sale raced by 100,000 intents. */
import { decide, decideInto, draftOf, type Decision, type ShopState } from '../src/domain/index.ts';
import { count, measure, perSecond, type Row } from './table.ts';
import { flashSaleLoad } from './workloads.ts';

const GOAL_MS = 10_000;
const BATCH = 500;

/** Zero oversold and the whole stock sold, or what went wrong. */
function checkSale(decisions: readonly Decision[], state: ShopState, units: number): string | undefined {
  const flashSold = [...state.inventory.values()].find((v) => v.value.productId === 'phone')?.value.flashSold ?? 0;
  const accepted = decisions.filter((d) => d.kind === 'order.accepted').length;
  if (flashSold > units) return `oversold: flashSold ${flashSold} > ${units}`;
  if (accepted !== units || flashSold !== units) return `expected exactly ${units} accepted, got ${accepted} (flashSold ${flashSold})`;
  return undefined;
}

export async function authorityBench(): Promise<Row[]> {
  const load = flashSaleLoad();
  const { intents, flash } = load;
  const n = intents.length;
  const buyers = new Set(intents.map((i) => (i.by === 'buyer' ? i.buyer : ''))).size;
  const rows: Row[] = [];

  const once = await measure(() => decide(load.state, intents, load.end));
  const onceFailed = checkSale(once.result.decisions, once.result.state, flash.stock);
  rows.push({
    name: 'authority: flash sale',
    size: `${count(n)} intents`,
    ms: once.ms,
    throughput: perSecond(n, once.ms, 'intents'),
    note: `one decide(); ${count(flash.stock)} units, ${count(buyers)} buyers, sent over 3 min; `
      + `goal < ${count(GOAL_MS)} ms: ${once.ms < GOAL_MS ? 'met' : 'MISSED'}; `
      + (onceFailed ? 'sale check failed' : `${count(flash.stock)} accepted, 0 oversold`),
    ...(onceFailed !== undefined && { failed: onceFailed }),
  });

  // As a seller's device would decide after each sync pull: in send order, 500 at a time.
  const batched = await measure(() => {
    let state = load.state;
    const decisions: Decision[] = [];
    for (let i = 0; i < n; i += BATCH) {
      const page = intents.slice(i, i + BATCH);
      const last = page[page.length - 1]!;
      const r = decide(state, page, last.by === 'buyer' ? last.sentAt : last.at);
      state = r.state;
      for (const d of r.decisions) decisions.push(d);
    }
    return { decisions, state };
  }, { runs: 3, warmup: false });
  const batchedFailed = checkSale(batched.result.decisions, batched.result.state, flash.stock);
  rows.push({
    name: `authority: flash sale, batches of ${BATCH}`,
    size: `${count(n)} intents`,
    ms: batched.ms,
    throughput: perSecond(n, batched.ms, 'intents'),
    note: `no warm-up; ${count(Math.ceil(n / BATCH))} decide() calls, each starting from a copy of the state so far; `
      + `${(batched.ms / once.ms).toFixed(1)}× one call; `
      + (batchedFailed ? 'sale check failed' : `${count(flash.stock)} accepted, 0 oversold`),
    ...(batchedFailed !== undefined && { failed: batchedFailed }),
  });

  // The same, as the app's runner does it: one working copy it owns, changed in place.
  const owned = await measure(() => {
    const draft = draftOf(load.state);
    const decisions: Decision[] = [];
    for (let i = 0; i < n; i += BATCH) {
      const page = intents.slice(i, i + BATCH);
      const last = page[page.length - 1]!;
      for (const d of decideInto(draft, page, last.by === 'buyer' ? last.sentAt : last.at)) decisions.push(d);
    }
    return { decisions, state: draft as ShopState };
  });
  const ownedFailed = checkSale(owned.result.decisions, owned.result.state, flash.stock);
  rows.push({
    name: `authority: flash sale, batches of ${BATCH}, runner's own copy`,
    size: `${count(n)} intents`,
    ms: owned.ms,
    throughput: perSecond(n, owned.ms, 'intents'),
    note: `${count(Math.ceil(n / BATCH))} decideInto() calls on one working copy (as the app's runner); `
      + `${(owned.ms / once.ms).toFixed(1)}× one call; `
      + (ownedFailed ? 'sale check failed' : `${count(flash.stock)} accepted, 0 oversold`),
    ...(ownedFailed !== undefined && { failed: ownedFailed }),
  });
  return rows;
}
