/**
 * Days as a person means them: local calendar dates ("2026-11-11") in the shop's time zone,
 * which is the device's. A day starts at local midnight, so a day may last 23 or 25 hours
 * where clocks change. Pure apart from reading the zone's rules (Date or Intl).
 */

/** A local calendar date, 'YYYY-MM-DD': sorts as text in date order. */
export type DayKey = string;

export interface Zone {
  /** Names the zone ('Asia/Shanghai'), to tell caches apart. */
  readonly id: string;
  /** The local date an instant falls on. */
  dayOf(at: number): DayKey;
  /** The instant a local date begins (its local midnight, or the first instant after it). */
  startOf(day: DayKey): number;
}

/**
 * Every time zone in use has an offset that is a whole number of quarter hours, and clocks
 * change on quarter hours of UTC, so within one UTC quarter hour the local date cannot change:
 * a zone's answer is cached per quarter hour (100,000 decisions fall in a few thousand of them).
 */
const QUARTER_HOUR = 15 * 60_000;

function cached(id: string, compute: (at: number) => DayKey, startOf: (day: DayKey) => number): Zone {
  const memo = new Map<number, DayKey>();
  return {
    id,
    dayOf(at) {
      const q = Math.floor(at / QUARTER_HOUR);
      let day = memo.get(q);
      if (day === undefined) {
        day = compute(q * QUARTER_HOUR);
        if (memo.size > 50_000) memo.clear();
        memo.set(q, day);
      }
      return day;
    },
    startOf,
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function dayKey(year: number, month: number, date: number): DayKey {
  return `${pad(year, 4)}-${pad(month)}-${pad(date)}`;
}

export function parseDay(day: DayKey): { year: number; month: number; date: number } {
  const [y, m, d] = day.split('-').map(Number);
  return { year: y!, month: m!, date: d! };
}

/** The date `n` days after (or before) a date: calendar arithmetic, the same in every zone. */
export function addDays(day: DayKey, n: number): DayKey {
  const { year, month, date } = parseDay(day);
  const t = new Date(Date.UTC(year, month - 1, date + n));
  return dayKey(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Whole days from `a` to `b` (negative if `b` is earlier). */
export function daysBetween(a: DayKey, b: DayKey): number {
  const x = parseDay(a);
  const y = parseDay(b);
  return Math.round((Date.UTC(y.year, y.month - 1, y.date) - Date.UTC(x.year, x.month - 1, x.date)) / 86_400_000);
}

/** The device's own zone, through Date's local-time methods (what the phone's clock shows). */
export function localZone(): Zone {
  const id = typeof Intl !== 'undefined' ? Intl.DateTimeFormat().resolvedOptions().timeZone || 'local' : 'local';
  return cached(
    id,
    (at) => {
      const d = new Date(at);
      return dayKey(d.getFullYear(), d.getMonth() + 1, d.getDate());
    },
    (day) => {
      const { year, month, date } = parseDay(day);
      return new Date(year, month - 1, date).getTime();
    },
  );
}

/** A named IANA zone through Intl, whatever the device's: for tests, and a shop that names its zone. */
export function namedZone(timeZone: string): Zone {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  });
  const parts = (at: number) => {
    const p: Record<string, number> = {};
    for (const x of fmt.formatToParts(at)) if (x.type !== 'literal') p[x.type] = Number(x.value);
    return p as Record<'year' | 'month' | 'day' | 'hour' | 'minute', number>;
  };
  const zone: Zone = cached(
    timeZone,
    (at) => {
      const p = parts(at);
      return dayKey(p.year, p.month, p.day);
    },
    (day) => {
      // Local midnight read as if it were UTC, corrected by the zone's offset there (twice,
      // in case the offset changes between); a midnight skipped by a clock change gives the
      // first instant of the day.
      const { year, month, date } = parseDay(day);
      const wall = Date.UTC(year, month - 1, date);
      const offsetAt = (t: number) => {
        const p = parts(t);
        return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - Math.floor(t / 60_000) * 60_000;
      };
      let t = wall - offsetAt(wall);
      t = wall - offsetAt(t);
      while (zone.dayOf(t) < day) t += QUARTER_HOUR;
      while (zone.dayOf(t - QUARTER_HOUR) >= day) t -= QUARTER_HOUR;
      return t;
    },
  );
  return zone;
}
