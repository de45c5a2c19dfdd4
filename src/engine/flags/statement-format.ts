/**
 * How flag statements write dates and counts: one plain-language line a clinician reads at a
 * glance ("PHQ-9 17 on 3 Nov 2026, up from 12 on 2 Aug 2026"). Dates are calendar days, no zone.
 */
import { isoDay } from '../cql/calendar-days.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** An epoch day written as `3 Nov 2026`. */
export function displayDay(day: number): string {
  const iso = isoDay(day);
  const month = MONTHS[Number(iso.slice(5, 7)) - 1] ?? iso.slice(5, 7);
  return `${Number(iso.slice(8, 10))} ${month} ${iso.slice(0, 4)}`;
}

/** `1 ED visit`, `6 ED visits`. */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** `today`, `1 day ago`, `13 days ago` (from asOf). */
export function daysAgo(day: number, asOfDay: number): string {
  const d = asOfDay - day;
  return d === 0 ? 'today' : d === 1 ? '1 day ago' : `${d} days ago`;
}

/** A list written as prose: `a`, `a and b`, `a, b and c`. */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) {
    return items.join('');
  }
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * The human name of a coded concept for a statement: its text, else a coding's display — never
 * the `system|code` fallback of displayOf (no raw codes or system URLs in what a clinician reads;
 * the code itself is in the evidence). `undefined` when the concept has no human name.
 */
export function humanName(concept: fhir4.CodeableConcept | undefined): string | undefined {
  if (!concept || typeof concept !== 'object') {
    return undefined;
  }
  if (typeof concept.text === 'string' && concept.text.trim()) {
    return concept.text.trim();
  }
  const codings = Array.isArray(concept.coding) ? concept.coding : [];
  for (const c of codings) {
    if (c && typeof c.display === 'string' && c.display.trim()) {
      return c.display.trim();
    }
  }
  return undefined;
}
