// The seller's order list opened searched for an order (from a conversation): `?q=` survives
// the round trip through a link, whatever the number holds ("#" included).
import { describe, expect, it } from 'vitest';
import { href, parseRoute } from '../../src/ui/router.ts';

describe('a seller route with a search', () => {
  it('goes into the link and comes back out', () => {
    const link = href({ name: 'seller', tab: 'orders', section: 'all', q: '#1A2B3C' });
    expect(link).toBe('#/seller/orders/all?q=%231A2B3C');
    expect(parseRoute(link)).toEqual({ name: 'seller', tab: 'orders', section: 'all', q: '#1A2B3C' });
  });

  it('is left out when there is none, as before', () => {
    expect(href({ name: 'seller', tab: 'messages', section: 'ann' })).toBe('#/seller/messages/ann');
    expect(parseRoute('#/seller/messages/ann')).toEqual({ name: 'seller', tab: 'messages', section: 'ann' });
  });
});
