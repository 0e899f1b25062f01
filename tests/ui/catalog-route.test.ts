// The catalog's address: its category, search and a value chosen in the option filter survive
// the round trip through a link (back, refresh, a shared link), whatever they hold.
import { describe, expect, it } from 'vitest';
import { href, parseRoute } from '../../src/ui/router.ts';

describe('the catalog route', () => {
  it('carries a chosen option value beside the category and the search', () => {
    const route = { name: 'catalog', category: 'Tea & Coffee', q: 'tea', option: 'Weight 重量', value: '250 g' } as const;
    const link = href(route);
    expect(link).toBe('#/?category=Tea+%26+Coffee&q=tea&option=Weight+%E9%87%8D%E9%87%8F&value=250+g');
    expect(parseRoute(link)).toEqual(route);
  });

  it('leaves out what is empty, as before', () => {
    expect(href({ name: 'catalog' })).toBe('#/');
    expect(href({ name: 'catalog', category: 'Fruit', q: '' })).toBe('#/?category=Fruit');
    expect(parseRoute('#/')).toEqual({ name: 'catalog' });
    expect(parseRoute('#/?category=&q=plum')).toEqual({ name: 'catalog', q: 'plum' });
  });
});
