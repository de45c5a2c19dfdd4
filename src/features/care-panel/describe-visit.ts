/**
 * What the visit in context means for each result, in the clinician's words: "met when this visit
 * is closed" (a screening done today counts once the EHR closes today's visit), "counts from
 * today's visit" (no qualifying visit this year before today), and why a measure does not apply
 * (age band, diagnosis, no qualifying visit yet). Never "numerator" or "population".
 */
import type {
  GapAtVisit,
  MeasureAtVisit,
  MeasureResult,
  PopulationReason,
  VisitInContext,
} from '../../engine/index.ts';
import { formatDay } from './display-date.ts';
import type { StatusLabel } from './describe-status.ts';

/** What the panel knows about the visit and each result's relation to it. */
export interface VisitView {
  visit: VisitInContext;
  measures: Readonly<Record<string, MeasureAtVisit>>;
  gaps: Readonly<Record<string, GapAtVisit>>;
  /** Today (the evaluation's as-of day). */
  asOf: string;
}

/** "today's visit", "the visit of 19 Nov 2026", or "the visit" when undated. */
export function visitName(visit: VisitInContext, asOf: string): string {
  if (visit.date === asOf) {
    return 'today’s visit';
  }
  return visit.date ? `the visit of ${formatDay(visit.date)}` : 'the visit';
}

/** One short line for the panel header about the visit in context. */
export function visitStatusLine(visit: VisitInContext, asOf: string): string {
  switch (visit.state) {
    case 'open':
      return `${capitalise(visitName(visit, asOf))} is in progress: results recorded now count once it is closed`;
    case 'finished':
      return `${capitalise(visitName(visit, asOf))} is closed`;
    case 'not-countable':
      return `The visit in context is ${visit.status ?? 'not one that took place'}: it does not count for the measures`;
    case 'not-in-record':
      return 'The visit in context was not found in the record read';
    default:
      return 'No visit in context: results recorded here are not attached to a visit';
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The label of a result that depends on the open visit (undefined otherwise): "Met when this visit
 * is closed" (for an inverse measure, "In control …"), or "Due at this visit" for a measure the
 * patient enters only with it (nothing earlier this year counted, so this visit is the chance).
 */
export function visitMeasureLabel(
  m: Pick<MeasureResult, 'inverse'>,
  at: MeasureAtVisit | undefined,
): StatusLabel | undefined {
  if (at?.effect === 'met-when-closed') {
    return {
      icon: '✓',
      text: m.inverse ? 'In control when this visit is closed' : 'Met when this visit is closed',
      tone: 'good',
    };
  }
  if (at?.effect === 'enters-with-visit' && (at.shown === 'not-met' || at.shown === 'met')) {
    return { icon: '!', text: 'Due at this visit', tone: 'bad' };
  }
  return undefined;
}

/** "aged 18–85", "aged 12 and older". */
function agesText(ages: { low: number; high?: number }): string {
  return ages.high === undefined ? `aged ${ages.low} and older` : `aged ${ages.low}–${ages.high}`;
}

/** Why a measure does not apply (or only applies from the visit), in one sentence. */
export function populationText(
  reason: PopulationReason,
  view: Pick<VisitView, 'visit' | 'asOf'>,
  year: number,
): string {
  const visit = visitName(view.visit, view.asOf);
  switch (reason.kind) {
    case 'no-qualifying-visit':
      if (reason.visitInContext === 'brings-in') {
        return `No qualifying visit in ${year} before ${visit}; it counts from ${visit}.`;
      }
      if (reason.visitInContext === 'not-qualifying') {
        return `No qualifying visit in ${year} yet; ${visit}${view.visit.type ? ` (${view.visit.type})` : ''} is not a kind of visit this measure counts.`;
      }
      return `No qualifying visit in ${year} yet.`;
    case 'age':
      return `For patients ${agesText(reason.ages)}${reason.ageOn === 'visit-date' ? ' on the day of the visit' : ''}; this patient is ${reason.age}${reason.ageUpTo !== undefined ? `–${reason.ageUpTo}` : ''} ${
        reason.ageOn === 'period-start'
          ? `on 1 Jan ${year}`
          : reason.ageOn === 'visit-date'
            ? `on the day of ${visit}`
            : `at the end of ${year}`
      }.`;
    case 'age-unknown':
      return 'The patient’s age cannot be told (birth date missing or incomplete).';
    case 'criteria':
      return `For ${reason.women ? 'women' : 'patients'} ${agesText(reason.ages)}${reason.who ? ` ${reason.who}` : ''}, with a qualifying visit in ${year}.`;
    default:
      return 'This patient is not among those the measure covers.';
  }
}

/** The label of a measure the patient is not in: "Not counted yet" when only a visit is missing, else "Does not apply". */
export function notInPopulationLabel(reason: PopulationReason | undefined): StatusLabel {
  return reason?.kind === 'no-qualifying-visit'
    ? { icon: '○', text: 'Not counted yet', tone: 'neutral' }
    : { icon: '○', text: 'Does not apply', tone: 'neutral' };
}

/** A note on a gap that exists or closes only because of the open visit (undefined otherwise). */
export function gapVisitNote(
  at: GapAtVisit | undefined,
  view: Pick<VisitView, 'visit' | 'asOf'>,
  year: number,
): string | undefined {
  if (at?.effect === 'opens-with-visit') {
    return `New with ${visitName(view.visit, view.asOf)}: no qualifying visit in ${year} before it.`;
  }
  if (at?.effect === 'closes-when-closed') {
    return `Counts once ${visitName(view.visit, view.asOf)} is closed.`;
  }
  return undefined;
}
