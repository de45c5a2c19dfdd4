/**
 * Seeded random FHIR date / dateTime texts shaped like real EHR exports, for the differential
 * tests against fqm-execution: a day chosen around a window boundary (the day before, of and
 * after), a time near midnight or at random, and one of: a date only, a time without a zone,
 * `Z`, a fixed offset from −10:00 to +14:00 (quarter hours included), or the real offset of a
 * US or EU zone on that day (daylight-saving days included); now and then a month- or year-only
 * value.
 */

import { seededRandom, type SeededRandom } from '../../../launch/sandbox/seeded-random.ts';

/** The seeded pseudo-random source (the sandbox's mulberry32). */
export type Rng = SeededRandom;

/** A seeded random source. */
export const rng = seededRandom;

const DAY_MS = 86_400_000;
const p2 = (n: number) => String(n).padStart(2, '0');

/** Epoch day of `YYYY-MM-DD`. */
export function day(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/** `YYYY-MM-DD` of an epoch day. */
export function iso(d: number): string {
  return new Date(d * DAY_MS).toISOString().slice(0, 10);
}

/** Daylight-saving switch days of 2026 (US: 8 Mar, 1 Nov; EU: 29 Mar, 25 Oct) and their neighbours. */
export const DST_DAYS = ['2026-03-08', '2026-11-01', '2026-03-29', '2026-10-25'].flatMap((d) => [
  day(d) - 1,
  day(d),
  day(d) + 1,
]);

/** Zones whose real offsets (with daylight saving) are used. */
const ZONES = [
  'America/New_York',
  'America/Los_Angeles',
  'America/Chicago',
  'Europe/Berlin',
  'Europe/London',
  'Pacific/Kiritimati',
  'Pacific/Honolulu',
  'Asia/Kolkata',
  'Australia/Adelaide',
];

/** Offset (minutes east of UTC) of a zone at a wall-clock time there. */
function zoneOffset(zone: string, wallUtcMs: number): number {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const at = (ms: number) => {
    const parts = Object.fromEntries(fmt.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
    return (
      (Date.UTC(
        Number(parts.year),
        Number(parts.month) - 1,
        Number(parts.day),
        Number(parts.hour),
        Number(parts.minute),
      ) -
        ms) /
      60_000
    );
  };
  // the offset at the instant the wall time denotes (one correction step is enough off the DST gap)
  const first = at(wallUtcMs);
  return at(wallUtcMs - first * 60_000);
}

function offsetText(min: number): string {
  const sign = min < 0 ? '-' : '+';
  const a = Math.abs(min);
  return `${sign}${p2(Math.floor(a / 60))}:${p2(a % 60)}`;
}

/** The shape a generated value takes. */
export type DateShape = 'date' | 'no-zone' | 'utc' | 'offset' | 'zone' | 'month' | 'year';

/** Options of {@link dateText}. */
export interface DateTextOptions {
  /** Allow month- and year-only values (default true). */
  imprecise?: boolean;
  /** Allow a date without time (default true). */
  dateOnly?: boolean;
}

/** A FHIR dateTime text on wall-clock day `d` (see the file comment), or `time` minutes after its midnight. */
export function dateText(r: Rng, d: number, opts: DateTextOptions = {}, time?: number): string {
  const shapes: DateShape[] = ['date', 'no-zone', 'utc', 'offset', 'offset', 'zone', 'zone'];
  if (opts.dateOnly === false) {
    shapes.splice(0, 1);
  }
  let shape = r.pick(shapes);
  if (opts.imprecise !== false && r.chance(0.06)) {
    shape = r.chance(0.6) ? 'month' : 'year';
  }
  const ymd = iso(d);
  if (shape === 'year') {
    return ymd.slice(0, 4);
  }
  if (shape === 'month') {
    return ymd.slice(0, 7);
  }
  if (shape === 'date') {
    return ymd;
  }
  const minutes = time ?? r.pick([5, 45, 90, 180, 359, 720, 1110, 1140, 1335, 1390, 1439, r.int(0, 1439)]);
  const wall = `${ymd}T${p2(Math.floor(minutes / 60))}:${p2(minutes % 60)}:${p2(r.int(0, 59))}`;
  const withMs = r.chance(0.3) ? `${wall}.${String(r.int(0, 999)).padStart(3, '0')}` : wall;
  if (shape === 'no-zone') {
    return withMs;
  }
  if (shape === 'utc') {
    return `${withMs}Z`;
  }
  if (shape === 'offset') {
    const min = r.chance(0.8) ? r.int(-10, 14) * 60 : r.pick([-570, -210, 330, 345, 525, 765]);
    return withMs + offsetText(min);
  }
  return withMs + offsetText(zoneOffset(r.pick(ZONES), d * DAY_MS + minutes * 60_000));
}

/** A day near `anchor`: the day before, of or after it (or a few days off one time in four). */
export function near(r: Rng, anchor: number): number {
  return anchor + (r.chance(0.75) ? r.int(-1, 1) : r.int(-4, 4));
}
