import {
  quote, type BuyerId, type Cart, type Product, type ProductId, type Promotion, type Quote, type Team, type TeamId,
} from '../domain/index.ts';
import { pendingIntents, type ShopDb } from '../storage/index.ts';

/**
 * Prices a cart on this device with the shop's own pricing function, from what this device
 * knows (the catalog it has, the orders it has seen, and its own orders not decided yet).
 * The shop prices it again when it decides; if the price went up meanwhile, the buyer is told
 * rather than charged more.
 */
export async function quoteCartHere(db: ShopDb, buyer: BuyerId, at: number, cart: Cart): Promise<Quote> {
  const productIds = [...new Set(cart.lines.map((l) => l.productId))];
  const [shopRow, productRows, promotionRows, teamRow, orderRows, pending] = await Promise.all([
    db.shop.get('shop'),
    db.products.bulkGet(productIds),
    db.promotions.toArray(),
    cart.team?.action === 'join' ? db.teams.get(cart.team.teamId) : undefined,
    cart.coupon ? db.orders.toArray() : [],
    cart.coupon ? pendingIntents(db) : [],
  ]);
  const products = new Map<ProductId, Product>();
  for (const row of productRows) if (row) products.set(row.id, row.value);
  const teams = new Map<TeamId, Team>();
  if (teamRow) teams.set(teamRow.id, teamRow.value);
  // An order queued here (offline, or not decided yet) has used its coupon too: a one-time
  // coupon is not offered again for the next order meanwhile (the shop would refuse it).
  const queued = pending.flatMap((p) => (p.intent.kind === 'order.place' && p.intent.coupon !== undefined ? [{ buyer: p.intent.buyer, coupon: p.intent.coupon }] : []));
  const live = [...orderRows.map((r) => r.value).filter((o) => o.status !== 'rejected' && o.status !== 'cancelled'), ...queued];
  return quote({
    shop: shopRow?.value,
    product: (id) => products.get(id),
    findTeam: (id) => teams.get(id),
    promotions: promotionRows.map((r) => r.value as Promotion),
    couponUses: (code) => ({
      total: live.filter((o) => o.coupon === code).length,
      byBuyer: live.filter((o) => o.coupon === code && o.buyer === buyer).length,
    }),
    at,
    lines: cart.lines,
    coupon: cart.coupon,
    delivery: cart.delivery,
    team: cart.team,
  });
}
