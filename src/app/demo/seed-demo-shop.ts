import type { BuyerId } from '../../domain/index.ts';
import type { AppContext } from '../context.ts';
import { NEW_PRODUCT } from '../actions/save-product.ts';
import { queueFirstSellerCommands, type SellerCommandBody } from '../queue-intent.ts';
import { DEMO_BUYERS, DEMO_SHOP, DEMO_WELCOME_CREDIT, DEMO_WELCOME_NOTE, demoProducts, demoPromotions } from './demo-catalog.ts';

/**
 * On the first start with no shop, opens the demo shop: the seller's commands that set it
 * up go through the same authority as everything else, so the demo is the real thing.
 * Each demo buyer gets a labelled welcome credit, as a seller would after cash at the counter.
 */
export async function seedDemoShop(ctx: AppContext): Promise<boolean> {
  // Two tabs opened at once must not both seed: decide under a lock, by whether anything is stored.
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  const seed = () => seedIfEmpty(ctx);
  return locks ? locks.request('offline-shop-seed', seed) : seed();
}

/** All of the seed in one transaction: a reload or a closed tab mid-seed leaves nothing or everything. */
async function seedIfEmpty(ctx: AppContext): Promise<boolean> {
  return queueFirstSellerCommands(ctx, (): SellerCommandBody[] => {
    const startedAt = ctx.now();
    return [
      { kind: 'shop.save', shop: DEMO_SHOP },
      ...demoProducts(startedAt).map(({ product, stock, stocks }): SellerCommandBody =>
        ({ kind: 'product.save', product, stock, ...(stocks && { stocks }), base: NEW_PRODUCT })),
      ...demoPromotions(startedAt).map((promotion): SellerCommandBody => ({ kind: 'promotion.save', promotion })),
      ...DEMO_BUYERS.map((buyer): SellerCommandBody => ({
        kind: 'wallet.credit', buyer: buyer as BuyerId, amount: DEMO_WELCOME_CREDIT, method: 'other', note: DEMO_WELCOME_NOTE,
      })),
    ];
  });
}
