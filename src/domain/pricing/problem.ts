import type { ProductId } from '../ids.ts';
import type { PricingProblem, PricingProblemCode } from './types.ts';

/** Builds a problem, leaving `productId` out entirely (not `undefined`) for cart-level ones. */
export function problem(code: PricingProblemCode, message: string, productId?: ProductId): PricingProblem {
  return productId === undefined ? { code, message } : { code, message, productId };
}
