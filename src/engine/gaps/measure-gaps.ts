/**
 * Gaps derived from the patient's measure results, one per patient-based measure, with the gap id
 * its definition declares (`gapIds`: `cms2`, `sdoh-screening`, `cms165`, …). A gap "closes" when the numerator
 * would be met; for an inverse measure (CMS122, numerator = glycemic status > 9% or not tested) it
 * closes when the outcome is controlled, i.e. the patient is in the denominator and NOT in the
 * numerator. Exclusions and exceptions are never gaps (`not-applicable`); a measure whose inputs
 * were incomplete gives an `unknown` gap with the measure's reasons.
 * Spec: Da Vinci DEQM gaps in care (https://hl7.org/fhir/us/davinci-deqm/gaps-in-care-reporting.html).
 */
import type { GapDefinition, MeasureDefinition } from '../measure-definition.ts';
import type { GapResult, GapStatus, MeasureResult } from '../types.ts';

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

/** The gap of one measure result (its id the measure's; the family renames it to the declared gap id). */
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
 * The measure-derived gap family of `definitions`: one gap per patient-based measure result, its
 * ids the definitions' `gapIds`. Episode-based measures (`fuh`, `fum`, `fua`, `tcm`, population
 * basis Encounter) have their own window gaps (`fuh-7` …), built from the same episodes by the
 * follow-up families, so they give no gap here. A result no definition declares keeps its own id.
 */
export function measureGaps(definitions: readonly MeasureDefinition[]): GapDefinition {
  const patientBased = definitions.filter((d) => !d.populationBasis);
  const gapId = new Map(patientBased.map((d) => [d.id, d.gapIds[0] ?? d.id]));
  return {
    ids: patientBased.flatMap((d) => d.gapIds),
    requires: [],
    evaluate: (_ctx, measures) =>
      measures.filter((m) => !m.populationBasis).map((m) => ({ ...measureGap(m), id: gapId.get(m.id) ?? m.id })),
  };
}
