/**
 * Dates of the Money tab, for people: the dashboard's days are local dates ('2026-11-11'),
 * shown through Intl in the reader's language (format.ts for whole dates, short forms here
 * for the chart's axis, where room is tight).
 */
import type { DayKey } from '../../../engines/dashboard/zone.ts';
import type { Unit } from '../../../engines/dashboard/summary.ts';
import { formatDate } from '../../format.ts';

const formats = new Map<string, Intl.DateTimeFormat>();
function fmt(intl: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${intl}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(intl, options)));
  return f;
}

/** Noon of a local date: the same date in the device's zone, whatever the clocks do that day. */
export function noonOf(day: DayKey): number {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d!, 12).getTime();
}

/** Under a bar: "Mon" for a week of days, "11/15" for more days or weeks, "Nov" for months. */
export function axisLabel(day: DayKey, unit: Unit, bars: number, intl: string): string {
  if (unit === 'month') return fmt(intl, { month: 'short' }).format(noonOf(day));
  if (unit === 'day' && bars <= 8) return fmt(intl, { weekday: 'short' }).format(noonOf(day));
  return fmt(intl, { month: 'numeric', day: 'numeric' }).format(noonOf(day));
}

/** A bar's whole name: "Nov 15, 2026", or "November 2026" for a month. */
export function barName(day: DayKey, unit: Unit, intl: string): string {
  if (unit === 'month') return fmt(intl, { year: 'numeric', month: 'long' }).format(noonOf(day));
  return formatDate(noonOf(day), intl);
}

/** A table row's date, short enough for a phone: "Sat, Nov 21" (the year is in the range above), or "Nov 2026". */
export function rowName(day: DayKey, unit: Unit, intl: string): string {
  if (unit === 'month') return fmt(intl, { year: 'numeric', month: 'short' }).format(noonOf(day));
  return fmt(intl, { weekday: 'short', month: 'short', day: 'numeric' }).format(noonOf(day));
}
