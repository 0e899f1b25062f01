import type { AppContext } from '../context.ts';
import { DEMO_SHOP, demoProducts, demoPromotions } from '../demo/demo-catalog.ts';
import { queueSellerCommand } from '../queue-intent.ts';
import { NEW_PRODUCT } from './save-product.ts';

/**
 * A new shop on a server starts from the demo's catalog, for the seller to edit: the shop's
 * profile, its products and promotions, as the seller's own commands. No welcome credits and
 * no demo top-ups: on a real server, money comes from the seller's wallet credits.
 */
export async function openDemoCatalog(ctx: AppContext): Promise<void> {
  const at = ctx.now();
  await queueSellerCommand(ctx, { kind: 'shop.save', shop: { ...DEMO_SHOP, policies: { ...DEMO_SHOP.policies, demoTopUps: false } } });
  // New products: a product the shop already has (this device had not heard of it) is refused, never saved over.
  for (const { product, stock, stocks } of demoProducts(at)) {
    await queueSellerCommand(ctx, { kind: 'product.save', product, stock, ...(stocks && { stocks }), base: NEW_PRODUCT });
  }
  for (const promotion of demoPromotions(at)) await queueSellerCommand(ctx, { kind: 'promotion.save', promotion });
}
