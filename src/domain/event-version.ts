import type { Inventory, Product } from './catalog.ts';
import { ATTACHMENTS_VERSION, EVENT_VERSION, OPTIONS_VERSION, type EventVersion, type Intent, type Snapshots } from './events.ts';
import type { CartLine, Order, PricedLine } from './orders.ts';
import type { Team } from './teams.ts';

/*
 * The lowest version that can hold an event (see EVENT_VERSION): what the authority stamps on
 * its decisions and the app on its intents, so that an app reading only version 1 keeps reading
 * all the shop says about products without options.
 */

export function productUsesOptions(p: Product): boolean {
  return p.options !== undefined || p.combinations !== undefined
    || p.team?.combinations !== undefined || p.team?.anyCombination !== undefined || p.flash?.combinations !== undefined;
}

const inventoryUsesOptions = (i: Inventory): boolean => i.combination !== undefined || i.sale !== undefined;
const lineUsesOptions = (l: CartLine | PricedLine): boolean => l.combination !== undefined || ('variant' in l && l.variant !== undefined);
const orderUsesOptions = (o: Order): boolean => o.lines.some(lineUsesOptions);
const teamUsesOptions = (t: Team): boolean => t.combination !== undefined || t.anyCombination !== undefined || t.prices !== undefined;

/** The version a decision's snapshots need: 3 where a review or an order keeps photos. */
export function snapshotsVersion(set: Snapshots): EventVersion {
  const photos = (set.reviews?.some((r) => r.photos !== undefined) ?? false) || (set.orders?.some((o) => o.photos !== undefined) ?? false);
  if (photos) return ATTACHMENTS_VERSION;
  const options = (set.products?.some(productUsesOptions) ?? false)
    || (set.inventory?.some(inventoryUsesOptions) ?? false)
    || (set.orders?.some(orderUsesOptions) ?? false)
    || (set.teams?.some(teamUsesOptions) ?? false);
  return options ? OPTIONS_VERSION : EVENT_VERSION;
}

/** An intent, or the body of one before it is stamped: its kind and its own fields. */
type IntentBody = Intent | ({ kind: Intent['kind'] } & Record<string, unknown>);

/** The version an intent needs (its own fields: the app stamps it before queuing). */
export function intentVersion(intent: IntentBody): EventVersion {
  const body = intent as Record<string, unknown>;
  if ((intent.kind === 'review.write' || intent.kind === 'claim.file') && body.photos !== undefined) return ATTACHMENTS_VERSION;
  if (intent.kind === 'order.place') {
    return (body.lines as CartLine[] | undefined)?.some(lineUsesOptions) ? OPTIONS_VERSION : EVENT_VERSION;
  }
  if (intent.kind === 'product.save') {
    const base = body.base as { stocks?: unknown } | undefined;
    const options = productUsesOptions(body.product as Product) || body.stocks !== undefined || base?.stocks !== undefined;
    return options ? OPTIONS_VERSION : EVENT_VERSION;
  }
  return EVENT_VERSION;
}
