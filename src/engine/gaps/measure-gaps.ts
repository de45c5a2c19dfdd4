/**
 * Gaps derived from the patient's measure results, one per measure with the measure's id (`cms2`,
 * `sdoh-screening`, `cms165`, `cms122`, `cms130`, `cms125`, …). A gap "closes" when the numerator
 * would be met; for an inverse measure (CMS122, numerator = glycemic status > 9% or not tested) it
 * closes when the outcome is controlled, i.e. the patient is in the denominator and NOT in the
 * numerator. Exclusions and exceptions are never gaps (`not-applicable`); a measure whose inputs
 * were incomplete gives an `unknown` gap with the measure's reasons.
 * Spec: Da Vinci DEQM gaps in care (https://hl7.org/fhir/us/davinci-deqm/gaps-in-care-reporting.html).
 */
import type { GapDefinition } from '../measure-definition.ts';
import type { GapResult, GapStatus, MeasureResult } from '../types.ts';

/** Ids of the measures the engine ships (the family handles any measure result it is given). */
export const MEASURE_GAP_IDS = ['cms2', 'sdoh-screening', 'cms165', 'cms122', 'cms130', 'cms125'] as const;

/** The gap status a measure result denotes (see the file comment). */
export function gapStatusOfMeasure(m: MeasureResult): GapStatus {
  switch (m.status) {
    case 'unknown':
      return 'unknown';
    case 'not-in-population':
    case 'excluded':
    case 'exception':
      return 'not-applicable';
    case 'met':
      // an inverse measure's numerator is the bad outcome
      return m.inverse ? 'open' : 'closed';
    case 'not-met':
      return m.inverse ? 'closed' : 'open';
  }
}

function whyOf(m: MeasureResult, status: GapStatus): string {
  if (status === 'unknown') {
    return `Cannot evaluate ${m.title}: ${(m.reasons ?? ['input data incomplete']).join('; ')}.`;
  }
  if (m.status === 'not-in-population') {
    return `Not in the ${m.title} population.`;
  }
  if (m.status === 'excluded') {
    return `Excluded from ${m.title} (a denominator exclusion applies).`;
  }
  if (m.status === 'exception') {
    return `A denominator exception applies to ${m.title}.`;
  }
  if (m.inverse) {
    return status === 'closed'
      ? `${m.title}: outcome controlled — not in the numerator (the bad-outcome population).`
      : `${m.title}: in the numerator, which for this inverse measure is the poor outcome.`;
  }
  return status === 'closed' ? `${m.title}: numerator met.` : `${m.title}: numerator not met yet.`;
}

/** The gap of one measure result. */
export function measureGap(m: MeasureResult): GapResult {
  const status = gapStatusOfMeasure(m);
  const gap: GapResult = {
    id: m.id,
    title: m.title,
    status,
    why: whyOf(m, status),
    evidence: m.evidence,
    measureId: m.id,
  };
  if ((status === 'open' || status === 'unknown') && m.closes) {
    gap.closes = m.closes.what;
    if (m.closes.due) {
      gap.due = m.closes.due;
    }
  }
  return gap;
}

/**
 * The measure-derived gap family: one gap per patient-based measure result. Episode-based measures
 * (`fuh`, `fum`, `fua`, `tcm`, population basis Encounter) have their own window gaps (`fuh-7` …),
 * built from the same episodes, so they give no gap here.
 */
export const MEASURE_GAPS: GapDefinition = {
  ids: MEASURE_GAP_IDS,
  requires: [],
  evaluate: (_ctx, measures) => measures.filter((m) => !m.populationBasis).map(measureGap),
};
