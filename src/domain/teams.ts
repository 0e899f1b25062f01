import type { Millis } from './catalog.ts';
import type { BuyerId, OrderId, ProductId, TeamId } from './ids.ts';
import type { Money } from './money.ts';

export interface TeamMember {
  orderId: OrderId;
  buyer: BuyerId;
}

/**
 * A team buy in progress: it succeeds when the `size`-th member is accepted before
 * `deadline`, and fails (everyone refunded) when the deadline passes first.
 */
export interface Team {
  id: TeamId;
  productId: ProductId;
  price: Money;
  size: number;
  leader: BuyerId;
  members: TeamMember[];
  openedAt: Millis;
  deadline: Millis;
  status: 'forming' | 'succeeded' | 'failed';
  closedAt?: Millis;
}
