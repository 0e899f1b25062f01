/**
 * Validators for everything that arrives from outside: events replicated through CouchDB (any
 * of which may be malformed or hostile), and later the seller's forms and CSV import.
 *
 * Each returns every problem found (up to MAX_ERRORS), as `path: message` in plain English,
 * or a NEW clean value built only from known, checked fields: never the input object itself,
 * and never CouchDB's own `_id`, `_rev`, `_conflicts`... (allowed on a top-level document
 * and dropped). They never throw.
 */
import type { Inventory, Product, Promotion, ShopProfile } from '../catalog.ts';
import type { Decision, Intent, ShopEvent } from '../events.ts';
import type { ProductId } from '../ids.ts';
import { combinationToSell } from '../options.ts';
import type { CartLine } from '../orders.ts';
import { fail, ok, type Result } from '../result.ts';
import { isNewerVersion } from './base.ts';
import { inventory, product, promotion, shopProfile } from './catalog.ts';
import { type Check, child, fields, none, run } from './check.ts';
import { oneOf } from './scalars.ts';
import { decisionFrom } from './decisions.ts';
import { intentFrom } from './intents.ts';

export { MAX_ERRORS } from './check.ts';

type EventType = ShopEvent['type'];

function event<T extends ShopEvent>(types: readonly EventType[]): Check<T> {
  const type = oneOf(types);
  return (x, path, ctx) => {
    const f = fields(x, path, ctx, true);
    // A newer shape is not ours to pick apart: say so, and only that.
    const v = f.peek('v');
    if (isNewerVersion(v)) {
      ctx.add(child(path, 'v'), `unsupported version ${String(v)}; update the app`);
      return none();
    }
    switch (f.req('type', type)) {
      case 'intent':
        return intentFrom(f, ctx) as T;
      case 'decision':
        return decisionFrom(f) as T;
      default:
        return none();
    }
  };
}

const anyEvent = event<ShopEvent>(['intent', 'decision']);
const intentOnly = event<Intent>(['intent']);
const decisionOnly = event<Decision>(['decision']);

/** A buyer's intent or a seller's command. */
export const validateIntent = (doc: unknown): Result<Intent> => run(doc, intentOnly);

/** One of the authority's decisions, with its postings and snapshots. */
export const validateDecision = (doc: unknown): Result<Decision> => run(doc, decisionOnly);

/** Any event, by its `type`. */
export const validateEvent = (doc: unknown): Result<ShopEvent> => run(doc, anyEvent);

export const validateShopProfile = (doc: unknown): Result<ShopProfile> => run(doc, shopProfile);
export const validateProduct = (doc: unknown): Result<Product> => run(doc, product);
export const validatePromotion = (doc: unknown): Result<Promotion> => run(doc, promotion);
export const validateInventory = (doc: unknown): Result<Inventory> => run(doc, inventory);

/**
 * A cart's lines against the catalog as the device has it (the lines themselves already read by
 * `validateIntent`): each names a product of the shop, for sale, and one of its combinations for
 * sale if it has options (none if not). The authority refuses an order for the same reasons, in
 * the same words (the pricing function asks `combinationToSell` too); this names every line at once.
 */
export function validateOrderLines(lines: readonly CartLine[], product: (id: ProductId) => Product | undefined): Result<CartLine[]> {
  const errors: string[] = [];
  lines.forEach((line, i) => {
    const p = product(line.productId);
    if (p === undefined) errors.push(`lines[${i}].productId: "${line.productId}" is not in the catalog`);
    else if (p.hidden) errors.push(`lines[${i}].productId: ${p.name} is not for sale at the moment`);
    else {
      const found = combinationToSell(p, line.combination, `lines[${i}].combination`);
      if ('problem' in found) errors.push(found.problem.message);
    }
  });
  return errors.length === 0 ? ok(lines.map((l) => ({ ...l }))) : fail(...errors);
}
