/**
 * The catalog's current state (catalog-state.ts), written by the seller's device at the end of
 * each authority run: one document per thing the run's decisions changed, written in place
 * (`_rev`), so a flash sale's thousand orders in a run rewrite its product once, and the
 * catalog stays O(products) whatever the shop's history.
 *
 * How far this is done is kept as `published` on the catalog's checkpoint row (the journal
 * number every document is current as of). A device with none (this code's first run on a
 * shop, or a catalog made again: republishCopies puts a fresh row) writes every thing from its
 * views, then `catalog-meta` last; after that only what decisions numbered above `published`
 * touched. A run cut short writes it all again next time: each write is of the current state.
 *
 * Only after the run's decisions are in the journal (publishQueued): no buyer sees a state the
 * journal could lose.
 *
 * A team that has ended (succeeded or failed) is of no use to a new buyer, so the catalog does
 * not keep it: the run that ends it deletes its `team.<id>` document (a first run writes none
 * for it). The deletion carries the team's last public state, so a buyer whose checkpoint is
 * before it folds the team as ended (catalog-state.ts), and a new buyer, reading by id range,
 * never sees it. The catalog stays O(products and open teams), however many teams the shop ran.
 */
import { publicReview, publicTeam, soldMayChange, type Decision, type Inventory, type ProductId, type ShopState } from '../../domain/index.ts';
import { decisionsAfter, getCheckpoint, markCatalogState, type ShopDb } from '../../storage/index.ts';
import { CouchError, type BulkResult, type CouchClient } from '../couch-client.ts';
import {
  CATALOG_FORMAT, CATALOG_META_ID, catalogDocVersion, productDocId, promotionDocId, reviewDocId, SHOP_DOC_ID, teamDocId,
  type CatalogMetaDoc, type CatalogStateDoc, type PublicSet,
} from '../catalog-state.ts';
import { catalogDb } from '../names.ts';

/**
 * What the documents written carry: 2 since a product's says its units sold. A device that wrote
 * an older shape writes every document again, once, so every product gets its figure.
 */
export const CATALOG_SHAPE = 2;

/** Documents per `_bulk_docs`. */
const STATE_BATCH = 100;

export interface StateReport {
  /** Current-state documents written (the meta document not counted). */
  written: number;
  /** Whether this run wrote every thing (a first run, or a catalog made again). */
  all: boolean;
  /** Documents deleted: teams that ended. */
  removed: number;
}

/** What is read of the shop (the runner's working copy, or any folded state). */
export type State = Pick<ShopState, 'n' | 'shop' | 'products' | 'inventory' | 'promotions' | 'teams' | 'reviews' | 'usage'>;

/** The ids of the documents to write: every thing, or those the decisions touched. */
export interface Wanted {
  shop: boolean;
  products: Set<string>;
  promotions: Set<string>;
  teams: Set<string>;
  reviews: Set<string>;
}

/** Every thing the shop has: what a first run (or a catalog made again) writes. */
export function everything(state: State): Wanted {
  return {
    shop: state.shop !== undefined,
    products: new Set([...state.products.keys(), ...[...state.inventory.values()].map((i) => i.value.productId)]),
    promotions: new Set(state.promotions.keys()),
    teams: new Set([...state.teams.values()].filter((t) => !teamEnded(t.value)).map((t) => t.value.id)),
    reviews: new Set(state.reviews.keys()),
  };
}

/** A team no one can join any more: the catalog has no document for it. */
function teamEnded(team: { status: string }): boolean {
  return team.status !== 'forming';
}

function touched(decisions: readonly Decision[]): Wanted {
  const w: Wanted = { shop: false, products: new Set(), promotions: new Set(), teams: new Set(), reviews: new Set() };
  for (const { set } of decisions) {
    if (set.shop) w.shop = true;
    for (const p of set.products ?? []) w.products.add(p.id);
    for (const i of set.inventory ?? []) w.products.add(i.productId);
    // An order's products, where their units sold may have changed (an order taken, a team
    // formed, a refund): not for a shipment or a receipt, which every buyer would pull again.
    for (const o of set.orders ?? []) if (soldMayChange(o.status)) for (const line of o.lines) w.products.add(line.productId);
    for (const p of set.promotions ?? []) w.promotions.add(p.id);
    for (const t of set.teams ?? []) w.teams.add(t.id);
    for (const r of set.reviews ?? []) w.reviews.add(r.id);
  }
  return w;
}

/** The documents for what is wanted, as the state says now (all current as of `state.n`). */
export function stateDocs(state: State, wanted: Wanted, at: number): CatalogStateDoc[] {
  const doc = (id: string, set: PublicSet): CatalogStateDoc => ({
    _id: id, type: 'catalog-state', v: catalogDocVersion(CATALOG_FORMAT), format: CATALOG_FORMAT, n: state.n, at, set,
  });
  const docs: CatalogStateDoc[] = [];
  if (wanted.shop && state.shop) docs.push(doc(SHOP_DOC_ID, { shop: state.shop.value }));
  if (wanted.products.size > 0) {
    const shelves = new Map<string, Inventory[]>();
    for (const { value } of state.inventory.values()) {
      if (!wanted.products.has(value.productId)) continue;
      const list = shelves.get(value.productId) ?? [];
      list.push(value);
      shelves.set(value.productId, list);
    }
    for (const id of wanted.products) {
      const product = state.products.get(id as ProductId)?.value;
      const inventory = shelves.get(id) ?? [];
      if (!product && inventory.length === 0) continue;
      const sold = state.usage.sold.get(id) ?? 0;
      docs.push({
        ...doc(productDocId(id), { ...(product ? { products: [product] } : {}), ...(inventory.length > 0 ? { inventory } : {}) }),
        ...(sold > 0 ? { sold } : {}),
      });
    }
  }
  for (const id of wanted.promotions) {
    const p = state.promotions.get(id as never);
    if (p) docs.push(doc(promotionDocId(id), { promotions: [p.value] }));
  }
  for (const id of wanted.teams) {
    const t = state.teams.get(id as never);
    if (t && !teamEnded(t.value)) docs.push(doc(teamDocId(id), { teams: [publicTeam(t.value)] }));
  }
  for (const id of wanted.reviews) {
    const r = state.reviews.get(id as never);
    if (r) docs.push(doc(reviewDocId(id), { reviews: [publicReview(r)] }));
  }
  return docs;
}

/**
 * The deletions for what is wanted that the catalog no longer keeps: each ended team, its last
 * public state in the deletion's body (what a buyer with an older checkpoint folds).
 */
export function goneDocs(state: State, wanted: Wanted, at: number): (CatalogStateDoc & { _deleted: true })[] {
  const gone: (CatalogStateDoc & { _deleted: true })[] = [];
  for (const id of wanted.teams) {
    const t = state.teams.get(id as never);
    if (!t || !teamEnded(t.value)) continue;
    gone.push({
      _id: teamDocId(id), _deleted: true, type: 'catalog-state', v: catalogDocVersion(CATALOG_FORMAT), format: CATALOG_FORMAT,
      n: state.n, at, set: { teams: [publicTeam(t.value)] },
    });
  }
  return gone;
}

export async function publishCatalogState(
  local: ShopDb, client: CouchClient, shop: string, state: State, options: { now: () => number; signal?: AbortSignal },
): Promise<StateReport> {
  const db = catalogDb(shop);
  const row = await getCheckpoint(local, db);
  // The catalog's identity is checked (and this row made) before anything is written to it.
  if (row === undefined) return { written: 0, all: false, removed: 0 };
  const since = row.published;
  if (since !== undefined && since >= state.n && (row.shape ?? 1) >= CATALOG_SHAPE) return { written: 0, all: false, removed: 0 };
  const all = since === undefined || (row.shape ?? 1) < CATALOG_SHAPE;
  const wanted = all ? everything(state) : touched(await decisionsAfter(local, since));
  const docs = stateDocs(state, wanted, options.now());
  for (let i = 0; i < docs.length; i += STATE_BATCH) await writeInPlace(client, db, docs.slice(i, i + STATE_BATCH), options.signal);
  // A first run deletes every ended team's document still there (a seller's new phone, on a
  // catalog an older one wrote); later runs, those of the teams their decisions ended.
  const gone = goneDocs(state, all ? { ...wanted, teams: new Set(state.teams.keys()) } : wanted, options.now());
  let removed = 0;
  for (let i = 0; i < gone.length; i += STATE_BATCH) removed += await writeInPlace(client, db, gone.slice(i, i + STATE_BATCH), options.signal);
  if (all) {
    // Last: a buyer who finds it may read the current-state documents alone.
    const meta: CatalogMetaDoc = {
      _id: CATALOG_META_ID, type: 'catalog-meta', v: catalogDocVersion(CATALOG_FORMAT), format: CATALOG_FORMAT, n: state.n, at: options.now(),
    };
    await writeInPlace(client, db, [meta], options.signal);
  }
  await markCatalogState(local, db, row.identity, state.n, CATALOG_SHAPE);
  return { written: docs.length, all, removed };
}

/**
 * Writes documents over whatever revision the catalog holds. A 409 means another write came
 * between (an earlier run whose answer was lost): read the revisions again and write once more.
 * A deletion is written only over a document that is there (none: nothing to delete, and no
 * tombstone made for it). Returns how many were written.
 */
async function writeInPlace(
  client: CouchClient, db: string, docs: readonly { _id: string; _rev?: string; _deleted?: boolean }[], signal?: AbortSignal,
): Promise<number> {
  let todo = docs;
  let written = 0;
  for (let attempt = 0; attempt < 2 && todo.length > 0; attempt++) {
    const revs = await client.revsOf(db, todo.map((d) => d._id));
    todo = todo.filter((d) => !d._deleted || revs.has(d._id));
    if (todo.length === 0) break;
    const withRevs = todo.map((d) => {
      const rev = revs.get(d._id);
      const body: Record<string, unknown> = { ...d };
      delete body._rev;
      return rev === undefined ? body : { ...body, _rev: rev };
    });
    const results = await client.bulkDocs(db, withRevs, signal);
    written += results.filter((r) => r.ok).length;
    const again = new Set(conflicts(results));
    todo = todo.filter((d) => again.has(d._id));
  }
  if (todo.length > 0) throw new CouchError(409, 'conflict', `The catalog's ${todo[0]!._id} kept changing while it was written: tried again next run.`);
  return written;
}

function conflicts(results: readonly BulkResult[]): string[] {
  const out: string[] = [];
  for (const r of results) {
    if (r.ok) continue;
    if (r.error === 'conflict') out.push(r.id);
    else throw new CouchError(r.error === 'forbidden' ? 403 : r.error === 'unauthorized' ? 401 : 500, r.error ?? 'error', r.reason ?? `could not write ${r.id}`);
  }
  return out;
}
