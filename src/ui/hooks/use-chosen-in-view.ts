import { useEffect } from 'preact/hooks';
import type { RefObject } from 'preact';

/**
 * A row of chips that scrolls sideways keeps its chosen chip (`selector`) centred in view when
 * any of `deps` changes: a choice made elsewhere (a link, Back), the chips' words changing width
 * (another language), the chips arriving. Only the row scrolls, never the page. Measured with
 * getBoundingClientRect, to the fraction of a pixel (offsetLeft and offsetWidth are rounded).
 */
export function useChosenInView(row: RefObject<HTMLElement>, selector: string, deps: readonly unknown[]): void {
  useEffect(() => {
    const el = row.current;
    const chosen = el?.querySelector<HTMLElement>(selector);
    if (!el || !chosen) return;
    const r = el.getBoundingClientRect();
    const c = chosen.getBoundingClientRect();
    el.scrollLeft = Math.max(0, el.scrollLeft + c.left - r.left - (r.width - c.width) / 2);
  }, deps);
}
