// The checkout tells a buyer joining a team what the shop would answer (the domain's joinProblem),
// before the order is placed: each of the shop's reasons has its words.
import { describe, expect, it } from 'vitest';
import type { BuyerId, OrderId, Product, ProductId, Team, TeamChoice, TeamId } from '../../src/domain/index.ts';
import type { CheckoutView } from '../../src/app/queries/shop.ts';
import { teamProblemOf } from '../../src/ui/components/shop/checkout-form.ts';
import { DAY, HOUR, m, product, T0 } from '../domain/fixtures/shop.ts';

const ann = 'ann' as BuyerId;
const bo = 'bo' as BuyerId;
const dumpling = product('dumpling', { team: { price: m(500), size: 2, windowHours: 24 } });
const join: TeamChoice = { action: 'join', teamId: 'team-1' as TeamId };

function view(team: Partial<Team> | undefined, products: Product[] = [dumpling]): CheckoutView {
  return {
    products: new Map(products.map((p) => [p.id, p])),
    team: team && {
      id: 'team-1' as TeamId, productId: dumpling.id, price: m(500), size: 2, leader: ann,
      members: [{ orderId: 'o-1' as OrderId, buyer: ann }], openedAt: T0, deadline: T0 + DAY, status: 'forming', ...team,
    },
  } as CheckoutView;
}

describe('teamProblemOf', () => {
  it('says what the shop would: unknown here, closed (ended, past its deadline or full), or already in it', () => {
    expect(teamProblemOf(view({}), join, dumpling.id, bo, T0 + HOUR)).toBeUndefined();
    expect(teamProblemOf(view({}), join, dumpling.id, ann, T0 + HOUR)).toBe('checkout.teamMember');
    expect(teamProblemOf(view({}), join, dumpling.id, bo, T0 + DAY)).toBe('checkout.teamClosed');
    expect(teamProblemOf(view({ status: 'failed' }), join, dumpling.id, bo, T0 + HOUR)).toBe('checkout.teamClosed');
    const full = { members: [{ orderId: 'o-1' as OrderId, buyer: ann }, { orderId: 'o-2' as OrderId, buyer: 'cy' as BuyerId }] };
    expect(teamProblemOf(view(full), join, dumpling.id, bo, T0 + HOUR)).toBe('checkout.teamClosed');
    expect(teamProblemOf(view(undefined), join, dumpling.id, bo, T0 + HOUR)).toBe('checkout.teamUnknown');
    expect(teamProblemOf(view({ productId: 'teapot' as ProductId }), join, dumpling.id, bo, T0 + HOUR)).toBe('checkout.teamUnknown');
    expect(teamProblemOf(view({}, [product('dumpling')]), join, dumpling.id, bo, T0 + HOUR)).toBe('checkout.noTeamOffer');
    expect(teamProblemOf(view(undefined), { action: 'start' }, dumpling.id, bo, T0 + HOUR)).toBeUndefined();
  });
});
