/**
 * Bars over time, drawn in SVG to fit a phone's width: one bar per day (or week, or month),
 * a labelled top line and zero line, a few dates under the bars, the highlighted bar (today)
 * darker. Screen readers get the summary given as `label` (the SVG is one image); the same
 * numbers belong in a table next to it.
 */
import { labelled, niceCeil } from './nice.ts';
import './chart.css';

export interface ChartBar {
  key: string;
  value: number;
  /** Under the bar, where there is room: a short date. */
  label: string;
  /** A tooltip for pointer users: the full date and amount. */
  title: string;
  highlight?: boolean;
}

interface Props {
  bars: readonly ChartBar[];
  /** What the chart shows, in a sentence or two: the image's accessible name. */
  label: string;
  format: (value: number) => string;
}

const W = 320;
const H = 176;
const TOP = 20;
const BOTTOM = 22;
const SIDE = 2;

export function BarChart({ bars, label, format }: Props) {
  const n = Math.max(1, bars.length);
  const values = bars.map((b) => b.value);
  const top = niceCeil(Math.max(0, ...values));
  const bottom = -niceCeil(-Math.min(0, ...values));
  const span = top - bottom || 1;
  const plotH = H - TOP - BOTTOM;
  const y = (v: number) => TOP + ((top - v) / span) * plotH;
  const zero = y(0);
  const band = (W - 2 * SIDE) / n;
  const width = Math.max(1, band * (n > 45 ? 0.85 : 0.7));
  const named = labelled(bars.length, bars.length > 14 ? 5 : 7);
  return (
    <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} preserveAspectRatio="xMidYMid meet">
      {top > 0 && (
        <g class="chart-grid">
          <line x1={0} x2={W} y1={y(top)} y2={y(top)} />
          <text x={SIDE} y={y(top) - 5}>{format(top)}</text>
        </g>
      )}
      {bottom < 0 && (
        <g class="chart-grid">
          <line x1={0} x2={W} y1={y(bottom)} y2={y(bottom)} />
          <text x={SIDE} y={y(bottom) + 12}>{format(bottom)}</text>
        </g>
      )}
      {bars.map((b, i) => {
        const x = SIDE + i * band + (band - width) / 2;
        const h = Math.abs(y(b.value) - zero);
        const cls = `chart-bar${b.value < 0 ? ' chart-bar-neg' : ''}${b.highlight ? ' chart-bar-now' : ''}`;
        return (
          <rect class={cls} data-key={b.key} x={x} y={b.value >= 0 ? zero - h : zero} width={width} height={h}>
            <title>{b.title}</title>
          </rect>
        );
      })}
      <line class="chart-zero" x1={0} x2={W} y1={zero} y2={zero} />
      {bars.map((b, i) => {
        if (!named.has(i)) return null;
        const cx = SIDE + (i + 0.5) * band;
        const anchor = cx < 24 ? 'start' : cx > W - 24 ? 'end' : 'middle';
        return (
          <text class={b.highlight ? 'chart-label chart-label-now' : 'chart-label'} x={anchor === 'start' ? Math.max(0, cx - band / 2) : anchor === 'end' ? W : cx} y={H - 6} text-anchor={anchor}>
            {b.label}
          </text>
        );
      })}
    </svg>
  );
}
