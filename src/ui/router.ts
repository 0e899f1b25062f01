import { useEffect, useState } from 'preact/hooks';

/**
 * Hash routes (`#/product/tea`): they work on any static host and under any sub-path with no
 * server rewrites, and a shared link opens the right screen in the installed app.
 */
export type Route =
  /** `option` and `value`: a value chosen in the category's option filter ("Weight", "250 g"). */
  | { name: 'catalog'; category?: string; q?: string; option?: string; value?: string }
  | { name: 'product'; id: string }
  | { name: 'cart' }
  /** `team` and `product`: a team buy; `product` and `buy`: one unit bought now (at the list or flash price), apart from the cart; `combination`: which, of a product with options. */
  | { name: 'checkout'; team?: string; product?: string; buy?: string; combination?: string }
  | { name: 'orders' }
  | { name: 'order'; id: string }
  | { name: 'wallet' }
  | { name: 'team'; id: string }
  | { name: 'settings' }
  /** The person's saved products; `tab` 'viewed': what they viewed last. */
  | { name: 'saved'; tab?: string }
  /** `q`: what the seller's order list is searched for (an order's number, from a conversation). */
  | { name: 'seller'; tab?: string; section?: string; q?: string };

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const params = new URLSearchParams(query);
  const [head, arg, sub] = path.split('/').map(decodeURIComponent);
  switch (head) {
    case 'product': return arg ? { name: 'product', id: arg } : { name: 'catalog' };
    case 'cart': return { name: 'cart' };
    case 'checkout': return { name: 'checkout', ...Object.fromEntries(params) };
    case 'orders': return arg ? { name: 'order', id: arg } : { name: 'orders' };
    case 'wallet': return { name: 'wallet' };
    case 'team': return arg ? { name: 'team', id: arg } : { name: 'catalog' };
    case 'settings': return { name: 'settings' };
    case 'saved': return { name: 'saved', ...opt('tab', arg) };
    case 'seller': return { name: 'seller', ...opt('tab', arg), ...opt('section', sub), ...opt('q', params.get('q')) };
    // Each of `category`, `q`, `option`, `value` that is there and not empty.
    default: return { name: 'catalog', ...Object.fromEntries([...params].filter(([, v]) => v)) };
  }
}

export function href(route: Route): string {
  switch (route.name) {
    case 'product': return `#/product/${encodeURIComponent(route.id)}`;
    case 'catalog':
    case 'checkout': {
      const { name, ...rest } = route;
      const qs = new URLSearchParams(Object.entries(rest).filter(([, v]) => v)).toString();
      return `#/${name === 'catalog' ? '' : name}${qs ? `?${qs}` : ''}`;
    }
    case 'order': return `#/orders/${encodeURIComponent(route.id)}`;
    case 'team': return `#/team/${encodeURIComponent(route.id)}`;
    case 'saved': return `#/saved${route.tab ? `/${encodeURIComponent(route.tab)}` : ''}`;
    case 'seller': return `#/seller${route.tab ? `/${encodeURIComponent(route.tab)}` : ''}${route.tab && route.section ? `/${encodeURIComponent(route.section)}` : ''}${route.q ? `?${new URLSearchParams({ q: route.q })}` : ''}`;
    default: return `#/${route.name}`;
  }
}

/** A full link to a route of this app, for sharing (team buys, the shop itself). */
export function shareUrl(route: Route): string {
  return new URL(href(route), window.location.href.split('#')[0]).toString();
}

export function navigate(route: Route): void {
  window.location.hash = href(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    // A hash change between the first render and this subscription would otherwise be lost.
    onChange();
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

function opt<K extends string>(key: K, value: string | null | undefined): { [P in K]?: string } {
  return (value ? { [key]: value } : {}) as { [P in K]?: string };
}
