/**
 * The shop's authority deciding a day of orders across a large catalog with options (issue 13):
 * 10,000 products × 20 combinations (200,000 SKUs), beside the same catalog and orders without
 * options (10,000 products, one shelf each holding what its 20 would), in one run.
 */
import { decide, decideInto, draftOf, skuKeyOf, type Decision, type Intent, type ShopState } from '../src/domain/index.ts';
import { count, measure, perSecond, type Row } from './table.ts';
import { catalogOrdersLoad, type CatalogOrdersLoad } from './workloads.ts';

const GOAL_MS = 10_000;
const BATCH = 500;

/** No shelf oversold: each one's stock is what was put on it less what accepted orders took; or what went wrong. */
function checkShelves(load: CatalogOrdersLoad, decisions: readonly Decision[], state: ShopState): string | undefined {
  const taken = new Map<string, number>();
  let accepted = 0;
  for (const d of decisions) {
    if (d.kind !== 'order.accepted') continue;
    accepted += 1;
    for (const l of d.set.orders![0]!.lines) taken.set(skuKeyOf(l), (taken.get(skuKeyOf(l)) ?? 0) + l.qty);
  }
  if (accepted === 0 || accepted === decisions.length) return `expected some orders accepted and some refused, got ${accepted} of ${decisions.length}`;
  for (const [key, put] of load.shelves) {
    const stock = state.inventory.get(key)?.value.stock;
    const sold = taken.get(key) ?? 0;
    if (sold > put || stock !== put - sold) return `${key}: ${put} put on the shelf, ${sold} sold, ${String(stock)} left`;
  }
  return undefined;
}

function sentAt(i: Intent): number {
  return i.by === 'buyer' ? i.sentAt : i.at;
}

async function benchShape(label: string, load: CatalogOrdersLoad, products: number): Promise<Row[]> {
  const { intents } = load;
  const n = intents.length;
  const rows: Row[] = [];
  const once = await measure(() => decide(load.state, intents, load.end));
  const accepted = once.result.decisions.filter((d) => d.kind === 'order.accepted').length;
  const failed = checkShelves(load, once.result.decisions, once.result.state);
  rows.push({
    name: `authority: orders, ${label}, one decide()`,
    size: `${count(n)} orders`,
    ms: once.ms,
    throughput: perSecond(n, once.ms, 'orders'),
    note: `${count(products)} products, ${count(load.skus)} shelves; ${count(accepted)} accepted, the rest short of stock or money; `
      + `goal < ${count(GOAL_MS)} ms: ${once.ms < GOAL_MS ? 'met' : 'MISSED'}; ${failed ? 'shelf check failed' : '0 oversold'}`,
    ...(failed !== undefined && { failed }),
  });

  const owned = await measure(() => {
    const draft = draftOf(load.state);
    const decisions: Decision[] = [];
    for (let i = 0; i < n; i += BATCH) {
      const page = intents.slice(i, i + BATCH);
      for (const d of decideInto(draft, page, sentAt(page[page.length - 1]!))) decisions.push(d);
    }
    return { decisions, state: draft as ShopState };
  });
  const ownedFailed = checkShelves(load, owned.result.decisions, owned.result.state);
  rows.push({
    name: `authority: orders, ${label}, batches of ${BATCH}, runner's own copy`,
    size: `${count(n)} orders`,
    ms: owned.ms,
    throughput: perSecond(n, owned.ms, 'orders'),
    note: `${count(Math.ceil(n / BATCH))} decideInto() calls on one working copy; ${(owned.ms / once.ms).toFixed(1)}× one call; `
      + (ownedFailed ? 'shelf check failed' : '0 oversold'),
    ...(ownedFailed !== undefined && { failed: ownedFailed }),
  });
  return rows;
}

export async function optionsBench(): Promise<Row[]> {
  const products = 10_000;
  const plain = catalogOrdersLoad({ products, combinations: 20, plain: true });
  const rows = await benchShape('no options', plain, products);
  const options = catalogOrdersLoad({ products, combinations: 20 });
  rows.push(...await benchShape('20 combinations each', options, products));
  return rows;
}
