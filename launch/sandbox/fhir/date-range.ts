/**
 * FHIR date search semantics over ranges (R4 §3.1.1.4.2 "date"): every date, at any precision, is a
 * half-open instant range [start, end); prefixes compare the target's range with the search
 * value's range. Values without a time zone are read as UTC (the sandbox has no local zone).
 */

/** A half-open millisecond range. */
export interface Range {
  start: number;
  end: number;
}

const PARTS = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** The instant range a FHIR date/dateTime/instant covers, or undefined when unparseable. */
export function rangeOf(value: string): Range | undefined {
  const m = PARTS.exec(value.trim());
  if (!m) {
    return undefined;
  }
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const offsetMin =
    zone && zone !== 'Z'
      ? (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)))
      : 0;
  const utc = (yy: number, mm: number, dd: number, hh = 0, mn = 0, ss = 0, ms = 0): number =>
    Date.UTC(yy, mm, dd, hh, mn, ss, ms) - offsetMin * 60_000;
  const year = Number(y);
  if (mo === undefined) {
    return { start: utc(year, 0, 1), end: utc(year + 1, 0, 1) };
  }
  const month = Number(mo) - 1;
  if (d === undefined) {
    return { start: utc(year, month, 1), end: utc(year, month + 1, 1) };
  }
  const day = Number(d);
  if (h === undefined) {
    return { start: utc(year, month, day), end: utc(year, month, day + 1) };
  }
  if (s === undefined) {
    const start = utc(year, month, day, Number(h), Number(mi));
    return { start, end: start + 60_000 };
  }
  if (frac === undefined) {
    const start = utc(year, month, day, Number(h), Number(mi), Number(s));
    return { start, end: start + 1000 };
  }
  const start = utc(year, month, day, Number(h), Number(mi), Number(s), Number(frac.slice(0, 3).padEnd(3, '0')));
  return { start, end: start + 1 };
}

/** The range of a FHIR Period (open ends are unbounded). */
export function rangeOfPeriod(period: fhir4.Period): Range | undefined {
  const start = period.start ? rangeOf(period.start)?.start : -Infinity;
  const end = period.end ? rangeOf(period.end)?.end : Infinity;
  if (start === undefined || end === undefined) {
    return undefined;
  }
  return { start, end };
}

/** Search prefixes for ordered values. */
export type Prefix = 'eq' | 'ne' | 'gt' | 'lt' | 'ge' | 'le' | 'sa' | 'eb' | 'ap';

const PREFIXES: readonly Prefix[] = ['eq', 'ne', 'gt', 'lt', 'ge', 'le', 'sa', 'eb', 'ap'];

/** Splits `ge2026-01-01` into prefix and value (default eq). */
export function splitPrefix(raw: string): { prefix: Prefix; value: string } {
  const head = raw.slice(0, 2) as Prefix;
  if (PREFIXES.includes(head) && /^\d/.test(raw.slice(2))) {
    return { prefix: head, value: raw.slice(2) };
  }
  return { prefix: 'eq', value: raw };
}

/** Whether a target range satisfies `prefix` against the search range. */
export function matchesDate(target: Range, prefix: Prefix, search: Range): boolean {
  const eq = search.start <= target.start && target.end <= search.end;
  switch (prefix) {
    case 'eq':
      return eq;
    case 'ne':
      return !eq;
    case 'gt':
      return target.end > search.end;
    case 'lt':
      return target.start < search.start;
    // ge/le as HAPI and most servers implement them: any overlap with [search start, ∞) / (-∞, search end).
    // The R4 text is stricter for ranges straddling the boundary; the lenient reading never hides data a
    // client filters on (an inpatient stay ending on the 27th matches ge…-27).
    case 'ge':
      return target.end > search.start;
    case 'le':
      return target.start < search.end;
    case 'sa':
      return target.start >= search.end;
    case 'eb':
      return target.end <= search.start;
    case 'ap':
      return target.start < search.end && search.start < target.end;
  }
}
