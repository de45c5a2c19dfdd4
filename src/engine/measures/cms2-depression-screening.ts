/**
 * CMS2 — Preventive Care and Screening: Screening for Depression and Follow-Up Plan, the 2026
 * QI-Core version (CMS2FHIRPCSDepressionScreenAndFollowUp 0.4.001), patient-based proportion.
 * Higher is better: the published improvement notation is not used, exclusions and exceptions are
 * never gaps. Populations are computed from the CQL defines by hand; proportion precedence is
 * applied by {@link proportionResult}.
 * Spec: https://madie.cms.gov/Measure/CMS2FHIRPCSDepressionScreenAndFollowUp (CQL 0.4.001),
 * population criteria "Initial Population" … "Denominator Exceptions".
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import { displayOf } from '../fhir/codings.ts';
import { ageAtLeast, ageInYearsAt, ageIs, ageWithin, exactAge } from '../cql/age.ts';
import { isoDay } from '../cql/calendar-days.ts';
import type { UncertainNumber } from '../cql/date-time-arithmetic.ts';
import { and3, isTrue, or3, type Tri } from '../cql/logic.ts';
import { startDate } from '../cql/measurement-period.ts';
import { startOf } from '../cql/interval.ts';
import { sortAscending } from '../cql/sort.ts';
import type { MeasureDefinition } from '../measure-definition.ts';
import type { ClosingAction, Evidence, MeasureResult } from '../types.ts';
import { bipolarExclusions, screeningNotDoneReasons, type RuleHit } from './cms2-exclusions-exceptions.ts';
import { followUpDueDay, followUpFor, type FollowUp } from './cms2-follow-up.ts';
import { qualifyingEncounters, type QualifyingEncounter } from './cms2-qualifying-encounters.ts';
import { screeningsOf, type Screening, type ScreeningFindings } from './cms2-screening.ts';
import {
  CMS2_KINDS,
  EITHER_TOOL_AGE,
  LAST_ADOLESCENT_ONLY_AGE,
  MIN_AGE,
  type ScreeningKind,
} from './cms2-terminology.ts';
import { incompleteInputs, proportionResult, type RawPopulations } from './proportion.ts';
import type { Cms2Step } from './cms2-action.ts';
import { CMS2_PROFILE } from './point-of-care-measures.ts';

/** Resource types the CMS2 logic reads. */
export const CMS2_REQUIRES = [
  'Encounter',
  'Observation',
  'Condition',
  'ServiceRequest',
  'Procedure',
  'MedicationRequest',
] as const;

/** Which tool kinds count at an age at the start of the period (12–16 adolescent, 17 either, 18+ adult). */
export function kindsForAge(age: number): ScreeningKind[] {
  if (age < MIN_AGE) {
    return [];
  }
  if (age <= LAST_ADOLESCENT_ONLY_AGE) {
    return ['adolescent'];
  }
  if (age === EITHER_TOOL_AGE) {
    return ['adolescent', 'adult'];
  }
  return ['adult'];
}

/** The CQL age predicates at the start of the period (three-valued: a year-only birth date may leave one open). */
interface AgeBands {
  adolescentOnly: Tri;
  either: Tri;
  adultOnly: Tri;
}

function ageBands(age: UncertainNumber | null): AgeBands {
  return {
    adolescentOnly: ageWithin(age, MIN_AGE, LAST_ADOLESCENT_ONLY_AGE),
    either: ageIs(age, EITHER_TOOL_AGE),
    adultOnly: ageAtLeast(age, EITHER_TOOL_AGE + 1),
  };
}

/** The kinds whose age band is not ruled out (a certain age gives exactly {@link kindsForAge}). */
function possibleKinds(bands: AgeBands): ScreeningKind[] {
  const out: ScreeningKind[] = [];
  if (bands.adolescentOnly !== false || bands.either !== false) {
    out.push('adolescent');
  }
  if (bands.adultOnly !== false || bands.either !== false) {
    out.push('adult');
  }
  return out;
}

/** Per-kind numerator reasoning. */
interface KindOutcome {
  kind: ScreeningKind;
  screening: ScreeningFindings;
  followUp?: FollowUp;
  /** Most recent negative, or positive with follow-up. */
  met: boolean;
}

function hitEvidence(h: RuleHit, rule: string): Evidence {
  const e: Evidence = { reference: h.reference, rule };
  if (h.date) {
    e.date = h.date;
  }
  if (h.display) {
    e.display = h.display;
  }
  if (h.value) {
    e.value = h.value;
  }
  return e;
}

function screeningEvidence(s: Screening): Evidence {
  const e: Evidence = {
    reference: s.reference,
    rule: 'most-recent-screening',
    value: s.result === 'other' ? (s.display ?? 'uncoded result') : s.result,
  };
  if (s.date) {
    e.date = s.date;
  }
  e.display = CMS2_KINDS[s.kind].screening.display ?? s.kind;
  return e;
}

/** The later of the kinds' most recent screenings (ordered as CQL sorts them), for display. */
function latest(outcomes: readonly KindOutcome[]): Screening | undefined {
  const found = outcomes.map((o) => o.screening.mostRecent).filter((s): s is Screening => !!s);
  return sortAscending(found, (s) => startOf(s.effective)).at(-1);
}

/** What closes a not-met CMS2 for this patient, by when, and which step of CMS2_ACTION that is. */
function closingAction(
  ctx: EvaluationContext,
  kinds: readonly ScreeningKind[],
  outcomes: readonly KindOutcome[],
  encounters: readonly QualifyingEncounter[],
): ClosingAction & { step: Cms2Step } {
  const periodEnd = isoDay(ctx.periodEndDay);
  const positive = outcomes.map((o) => o.screening.mostRecent).find((s) => s?.result === 'positive');
  if (positive) {
    const due = followUpDueDay(ctx, positive, encounters);
    return {
      step: 'follow-up',
      what: `Document a follow-up plan for the positive screen of ${positive.date?.slice(0, 10) ?? 'this period'}: a referral, a follow-up procedure during the visit, or a depression medication order`,
      due: due === undefined ? periodEnd : isoDay(due),
    };
  }
  const uncoded = outcomes.map((o) => o.screening.mostRecent).find((s) => s?.result === 'other');
  if (uncoded) {
    return {
      step: 'code',
      what: `Code the result of the screening of ${uncoded.date?.slice(0, 10) ?? 'this period'} as positive or negative (SNOMED 428181000124104 / 428171000124102)`,
      due: periodEnd,
    };
  }
  const tools = kinds
    .map((k) => `LOINC ${CMS2_KINDS[k].screening.code} ${CMS2_KINDS[k].screening.display ?? ''}`.trim())
    .join(' or ');
  return {
    step: 'screen',
    what: `Screen for depression with an age-appropriate standardized tool and code the result (${tools}; positive/negative finding) within 14 days before a qualifying visit`,
    due: periodEnd,
  };
}

/** Evaluates CMS2 for one patient. */
function evaluate(ctx: EvaluationContext): MeasureResult {
  const reasons = incompleteInputs(ctx, CMS2_REQUIRES);
  // AgeInYearsAt(date from start of "Measurement Period")
  const age = ageInYearsAt(ctx.record.patient.birthDate, startDate(ctx.measurementPeriod));
  const { encounters, doubtful: encounterDoubts } = qualifyingEncounters(ctx);
  const evidence: Evidence[] = [];
  for (const enc of encounters) {
    const e: Evidence = { reference: enc.reference, rule: 'qualifying-encounter' };
    if (enc.resource.period?.start) {
      e.date = enc.resource.period.start;
    }
    const d = displayOf(enc.resource.type?.[0]);
    if (d) {
      e.display = d;
    }
    evidence.push(e);
  }
  if (!age) {
    reasons.push('Patient.birthDate missing');
    return outsidePopulation(evidence, reasons, { qualifyingEncounters: encounters.length });
  }
  const oldEnough = ageAtLeast(age, MIN_AGE);
  const ageAtStart = exactAge(age) ?? null;
  // "Patient Age 12 Years or Older at Start of Measurement Period" and exists qualifying encounters
  const ip = isTrue(and3(oldEnough, encounters.length > 0));
  if (!ip) {
    if (oldEnough !== false) {
      reasons.push(...encounterDoubts);
    }
    if (oldEnough === null) {
      reasons.push('Patient.birthDate too imprecise to tell whether the patient was 12 at the start of the period');
    }
    return outsidePopulation(evidence, reasons, { qualifyingEncounters: encounters.length, ageAtStart });
  }

  const bipolar = bipolarExclusions(ctx, encounters);
  const outcomes: KindOutcome[] = (['adolescent', 'adult'] as const).map((kind) => {
    const screening = screeningsOf(ctx, kind, encounters);
    const followUp = followUpFor(ctx, kind, screening.mostRecent, encounters);
    const o: KindOutcome = { kind, screening, met: screening.mostRecent?.result === 'negative' || !!followUp };
    if (followUp) {
      o.followUp = followUp;
    }
    return o;
  });
  const bands = ageBands(age);
  const kinds = possibleKinds(bands);
  const counting = outcomes.filter((o) => kinds.includes(o.kind));
  const met = (kind: ScreeningKind) => outcomes.find((o) => o.kind === kind)!.met;
  // "Numerator": (12–16 and adolescent met) or (17 and either met) or (18+ and adult met)
  const numerator = isTrue(
    or3(
      or3(and3(bands.adolescentOnly, met('adolescent')), and3(bands.either, met('adolescent') || met('adult'))),
      and3(bands.adultOnly, met('adult')),
    ),
  );
  const notDone = outcomes.map((o) => ({ o, hits: screeningNotDoneReasons(ctx, o.kind, encounters) }));
  // exception per kind: a reason not to screen with that tool, and no screening with that tool
  const exceptionHits = notDone
    .filter(({ o, hits }) => hits.length > 0 && !o.screening.has)
    .flatMap(({ hits }) => hits);
  const raw: RawPopulations = {
    initialPopulation: true,
    denominator: true,
    denominatorExclusion: bipolar.length > 0,
    numerator,
    denominatorException: exceptionHits.length > 0,
  };

  for (const h of bipolar) {
    evidence.push(hitEvidence(h, 'bipolar-exclusion'));
  }
  for (const o of counting) {
    if (o.screening.mostRecent) {
      evidence.push(screeningEvidence(o.screening.mostRecent));
    }
    if (o.followUp) {
      const e: Evidence = { reference: o.followUp.reference, rule: o.followUp.rule };
      if (o.followUp.date) {
        e.date = o.followUp.date;
      }
      if (o.followUp.display) {
        e.display = o.followUp.display;
      }
      evidence.push(e);
    }
  }
  for (const h of exceptionHits) {
    evidence.push(hitEvidence(h, 'exception-reason'));
  }

  const result = proportionResult(CMS2, raw, evidence, { reasons });
  const status = result.status;
  // data we could not read only matters when it could have changed the verdict
  if (!raw.denominatorExclusion && !numerator) {
    const doubts = counting.flatMap((o) => o.screening.doubtful);
    if (doubts.length) {
      result.status = 'unknown';
      result.reasons = [...(result.reasons ?? []), ...doubts];
    }
  }
  const shown = latest(counting);
  const detail: Record<string, unknown> = { qualifyingEncounters: encounters.length, ageAtStart };
  if (shown && shown.result !== 'other') {
    detail.mostRecentScreening = { date: shown.date, result: shown.result, reference: shown.reference };
  }
  result.detail = detail;
  if (
    status === 'not-met' ||
    (status === 'unknown' && !raw.denominatorExclusion && !numerator && !raw.denominatorException)
  ) {
    const { step, ...closes } = closingAction(ctx, kinds, counting, encounters);
    result.closes = closes;
    result.closingStep = step;
  }
  return result;
}

/** No population counted: the result of a patient outside the initial population (unknown when `reasons` say why). */
const NO_POPULATION = {
  initialPopulation: false,
  denominator: false,
  denominatorExclusion: false,
  numerator: false,
  denominatorException: false,
} as const;

/** CMS2 for a patient outside the initial population, with its evidence, reasons and detail. */
function outsidePopulation(evidence: Evidence[], reasons: string[], detail: Record<string, unknown>): MeasureResult {
  return proportionResult(CMS2, NO_POPULATION, evidence, { reasons, detail });
}

/** The CMS2 measure definition (register in measures/index.ts). */
export const CMS2: MeasureDefinition = {
  ...CMS2_PROFILE,
  title: 'Screening for Depression and Follow-Up Plan (CMS2)',
  url: 'https://madie.cms.gov/Measure/CMS2FHIRPCSDepressionScreenAndFollowUp',
  version: '0.4.001',
  requires: CMS2_REQUIRES,
  eligibility: { ages: { low: MIN_AGE }, ageOn: 'period-start' },
  evaluate,
};
