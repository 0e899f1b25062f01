/**
 * The catalog's current-state documents (catalog format 2, issue 15): one document per thing
 * the public sees, written in place by the seller's device (authority/publish-state.ts), so a
 * new buyer's first pull costs what the shop is, not what it has done.
 *
 * - `shop`: the shop's profile; `p.<productId>`: a product with every shelf (stock) of it;
 *   `promo.<id>`, `team.<id>` (count, initials, deadline: never names or order ids; deleted
 *   when the team ends, its last state in the deletion), `review.<id>` (the writer's initials).
 * - `catalog-meta` `{format: 2}`: written once every thing has its document (the seller's
 *   device migrating an older shop writes it last), so a new buyer who finds it may read the
 *   current-state documents alone (pull-catalog.ts).
 * - Each carries the journal number `n` it is current as of: the buyer's fold keeps, for each
 *   thing, what the highest `n` says (domain/fold.ts), so these, the old append-only `c.*`
 *   copies and the buyer's own channel fold to one state in any order.
 *
 * - A product's document also says, beside its `set`, how many units of it were sold (`sold`,
 *   domain/sold-count.ts): the seller's device holds every order, a buyer's only their own.
 *   Outside `set` on purpose: an app of format 2 from before it reads the `set` alone (an unknown
 *   key there would make it set the product aside) and passes over the rest.
 *
 * An app from before format 2 reads every catalog document as a decision: their `v` is above
 * every event version, so it sets them aside saying "unsupported version …; update the app"
 * (domain/validate/base.ts), which is what it should say.
 */
import { publicReview, publicTeam, snapshotsVersion, type Decision, type DecisionKind, type EventId, type ProductId, type Snapshots } from '../domain/index.ts';
import { validateDecision } from '../domain/validate/index.ts';
import type { Change } from './couch-client.ts';

/** What reading a document gives (incoming.ts's `Incoming<Decision>`, spelt here so neither file imports the other). */
type Read = { ok: Decision } | { skip: true } | { problems: string[] };

/** The catalog format this app writes and reads. */
export const CATALOG_FORMAT = 2;
export const CATALOG_META_ID = 'catalog-meta';
export const SHOP_DOC_ID = 'shop';

/** The `v` of a format's documents: above any event version (see the file's comment). */
export function catalogDocVersion(format: number): number {
  return 1000 + format;
}

/** What a current-state document may set: the shop's public face. */
export type PublicSet = Pick<Snapshots, 'shop' | 'products' | 'inventory' | 'promotions' | 'teams' | 'reviews'>;

export interface CatalogStateDoc {
  _id: string;
  _rev?: string;
  type: 'catalog-state';
  v: number;
  format: number;
  /** The journal number this document is current as of. */
  n: number;
  at: number;
  set: PublicSet;
  /** A product's document: its units sold as of `n` (absent when none). */
  sold?: number;
}

export interface CatalogMetaDoc {
  _id: typeof CATALOG_META_ID;
  _rev?: string;
  type: 'catalog-meta';
  v: number;
  format: number;
  n: number;
  at: number;
}

/** Each kind of thing: its id prefix, and the decision kind its document folds as (nothing else reads it). */
const KINDS = [
  { prefix: 'p.', kind: 'product.saved' },
  { prefix: 'promo.', kind: 'promotion.saved' },
  { prefix: 'team.', kind: 'product.saved' },
  { prefix: 'review.', kind: 'review.published' },
] as const satisfies readonly { prefix: string; kind: DecisionKind }[];

/** The id prefixes of the current-state documents other than `shop` (what a first pull reads by range). */
export const STATE_PREFIXES: readonly string[] = KINDS.map((k) => k.prefix);

export const productDocId = (id: string) => `p.${id}`;
export const promotionDocId = (id: string) => `promo.${id}`;
export const teamDocId = (id: string) => `team.${id}`;
export const reviewDocId = (id: string) => `review.${id}`;

function kindOf(docId: string): DecisionKind | undefined {
  if (docId === SHOP_DOC_ID) return 'shop.saved';
  return KINDS.find((k) => docId.startsWith(k.prefix) && docId.length > k.prefix.length)?.kind;
}

/**
 * What a product's current-state document says was sold, as of its journal number; undefined
 * for any other document, a deleted one, or a figure that is not a count (the product itself is
 * read all the same: a bad figure costs only the figure).
 */
export function publishedSoldOf(change: Change): { productId: ProductId; units: number; n: number } | undefined {
  const doc = change.doc;
  if (change.deleted || !change.id.startsWith('p.') || change.id.length <= 2 || doc?.type !== 'catalog-state' || doc.format !== CATALOG_FORMAT) return undefined;
  const { sold, n } = doc as { sold?: unknown; n?: unknown };
  if (!Number.isSafeInteger(sold) || (sold as number) < 0 || !Number.isSafeInteger(n) || (n as number) < 1) return undefined;
  return { productId: change.id.slice(2) as ProductId, units: sold as number, n: n as number };
}

export function isStateDocId(docId: string): boolean {
  return kindOf(docId) !== undefined;
}

export function newerFormat(format: unknown): string {
  return `This shop's catalog is in format ${String(format)}, newer than this app reads (${CATALOG_FORMAT}): update the app.`;
}

/**
 * A catalog document of format 2 (the meta document, or a thing's current state), as the
 * decision the fold takes: under `<docId>:<n>`, so each version of a document folds once and a
 * newer one is not mistaken for a repeat. Undefined if the document is not of format 2's kinds
 * (an old `c.*` copy, a photo: readCatalogCopy's to read).
 */
export function readCatalogState(change: Change): Read | undefined {
  const doc = change.doc;
  const id = change.id;
  if (id === CATALOG_META_ID) {
    if (change.deleted) return { skip: true };
    return doc?.format === CATALOG_FORMAT ? { skip: true } : { problems: [newerFormat(doc?.format)] };
  }
  const kind = kindOf(id);
  if (kind === undefined || (doc?.type !== 'catalog-state' && !change.deleted)) return undefined;
  // Deleted: gone from the catalog, and nothing more to fold; but a team that ended goes with
  // its last public state in the deletion (publish-state.ts goneDocs), which a buyer who saw
  // it forming folds, so no screen offers to join it. A new buyer never reads it (id ranges
  // skip deleted documents).
  if (change.deleted && !(id.startsWith('team.') && doc?.type === 'catalog-state')) return { skip: true };
  if (doc?.format !== CATALOG_FORMAT) return { problems: [newerFormat(doc?.format)] };
  const set = (typeof doc.set === 'object' && doc.set !== null ? doc.set : {}) as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(set)) {
    if (!['shop', 'products', 'inventory', 'promotions', 'teams', 'reviews'].includes(key)) problems.push(`set.${key}: a catalog document carries only the shop's public face`);
  }
  if (problems.length > 0) return { problems };
  const n = doc.n;
  const candidate = {
    type: 'decision', kind, id: `${id}:${String(n)}`, v: snapshotsVersion(set as Snapshots), at: doc.at, n, postings: [], set,
  };
  const checked = validateDecision(candidate);
  if (!checked.ok) return { problems: checked.errors };
  const d = checked.value;
  const publicSet = { ...d.set };
  // The rules refuse names, but a buyer's screen never shows one whatever the server holds.
  if (publicSet.teams) publicSet.teams = publicSet.teams.map(publicTeam);
  if (publicSet.reviews) publicSet.reviews = publicSet.reviews.map(publicReview);
  return { ok: { ...d, id: d.id as EventId, set: publicSet } };
}
