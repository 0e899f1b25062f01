/**
 * Horizontal bars with their labels: a ranked list (most first) that reads as text to a screen
 * reader ("Tea: ¥30.00, 75%") and as bars at a glance. Bars are scaled to the largest value.
 */
import type { ComponentChildren } from 'preact';
import './chart.css';

export interface ListBar {
  key: string;
  label: string;
  value: number;
  /** Shown after the value, smaller: a share of the total, say. */
  note?: string;
  /** Shown under the bar: more about this item, such as a way to open its parts. */
  more?: ComponentChildren;
}

export function BarList({ items, format, label }: { items: readonly ListBar[]; format: (value: number) => string; label: string }) {
  const max = Math.max(0, ...items.map((x) => x.value)) || 1;
  return (
    <ol class="barlist" aria-label={label}>
      {items.map((x) => (
        <li key={x.key}>
          <span class="barlist-text">
            <span class="barlist-label">{x.label}</span>
            <span class={x.value < 0 ? 'barlist-value barlist-neg' : 'barlist-value'}>
              {format(x.value)}
              {x.note && <span class="barlist-note"> · {x.note}</span>}
            </span>
          </span>
          <span class="barlist-track" aria-hidden="true">
            <span class="barlist-fill" style={{ width: `${Math.max(0, (x.value / max) * 100).toFixed(1)}%` }} />
          </span>
          {x.more}
        </li>
      ))}
    </ol>
  );
}
