/**
 * Hospice."Has Hospice Services": discharge to hospice from an inpatient stay ending in the
 * period, a hospice encounter, an MDS hospice assessment answered yes, an ambulatory hospice order
 * or intervention, or a hospice diagnosis — each overlapping the measurement period.
 * Spec: Hospice 6.18.000 (ecqm-content-qicore-2025 input/cql/Hospice.cql).
 */
import type { EvaluationContext } from '../../evaluation-context.ts';
import { LOINC, SNOMED } from '../../codes/code-systems.ts';
import type { Evidence } from '../../types.ts';
import { ENCOUNTER_INPATIENT } from '../../valuesets/catalog/encounter-inpatient.ts';
import { HOSPICE_CARE_AMBULATORY } from '../../valuesets/catalog/hospice-care-ambulatory.ts';
import { HOSPICE_DIAGNOSIS } from '../../valuesets/catalog/hospice-diagnosis.ts';
import { HOSPICE_ENCOUNTER } from '../../valuesets/catalog/hospice-encounter.ts';
import { conceptHas } from './concept-match.ts';
import { DAY, parseDateTime } from '../../cql/date-time.ts';
import { choiceRead, prevalenceInterval } from '../../cql/fhir-intervals.ts';
import { contains, endOf, overlaps } from '../../cql/interval.ts';
import { isTrue } from '../../cql/logic.ts';
import {
  conditionsIn,
  displayOf,
  encountersIn,
  observationsWithCode,
  proceduresIn,
  refOf,
  serviceRequestsIn,
} from './qicore-retrieve.ts';
import {
  isEncounterPerformed,
  isObservationPerformed,
  isOrder,
  isProcedurePerformed,
  isVerified,
} from './status-filters.ts';

/** SNOMED "Discharge to home for hospice care (procedure)". */
export const DISCHARGE_HOME_FOR_HOSPICE = '428361000124107';
/** SNOMED "Discharge to healthcare facility for hospice care (procedure)". */
export const DISCHARGE_FACILITY_FOR_HOSPICE = '428371000124100';
/** LOINC "Hospice care [Minimum Data Set]". */
export const MDS_HOSPICE_CARE = '45755-6';
/** SNOMED "Yes (qualifier value)". */
export const SNOMED_YES = '373066001';

const RULE = 'hospice';

/** Evidence of hospice services in the measurement period (empty when none). */
export function hospiceEvidence(ctx: EvaluationContext): Evidence[] {
  const mp = ctx.measurementPeriod;
  const birth = ctx.record.patient.birthDate;
  const out: Evidence[] = [];
  for (const e of encountersIn(ctx, ENCOUNTER_INPATIENT)) {
    if (!isEncounterPerformed(e)) {
      continue;
    }
    const disp = e.hospitalization?.dischargeDisposition;
    if (
      !conceptHas(disp, SNOMED, DISCHARGE_HOME_FOR_HOSPICE) &&
      !conceptHas(disp, SNOMED, DISCHARGE_FACILITY_FOR_HOSPICE)
    ) {
      continue;
    }
    // period ends during day of "Measurement Period"
    if (isTrue(contains(mp, endOf(ctx.periodOf(e).interval), DAY))) {
      out.push({
        reference: refOf(e),
        rule: RULE,
        date: e.period?.end,
        display: 'Discharged to hospice care',
        value: displayOf(disp),
      });
    }
  }
  for (const e of encountersIn(ctx, HOSPICE_ENCOUNTER)) {
    if (isEncounterPerformed(e) && isTrue(overlaps(ctx.periodOf(e).interval, mp, DAY))) {
      out.push({
        reference: refOf(e),
        rule: RULE,
        date: e.period?.start,
        display: displayOf(e.type?.[0]) ?? 'Hospice encounter',
      });
    }
  }
  for (const o of observationsWithCode(ctx, LOINC, MDS_HOSPICE_CARE)) {
    if (
      isObservationPerformed(o) &&
      conceptHas(o.valueCodeableConcept, SNOMED, SNOMED_YES) &&
      isTrue(overlaps(ctx.effectiveOf(o).interval, mp, DAY))
    ) {
      out.push({
        reference: refOf(o),
        rule: RULE,
        date: o.effectiveDateTime ?? o.effectivePeriod?.start,
        display: 'Hospice care (MDS)',
        value: 'yes',
      });
    }
  }
  for (const s of serviceRequestsIn(ctx, HOSPICE_CARE_AMBULATORY)) {
    // authoredOn during day of "Measurement Period"
    if (isOrder(s) && isTrue(contains(mp, parseDateTime(s.authoredOn), DAY))) {
      out.push({
        reference: refOf(s),
        rule: RULE,
        date: s.authoredOn,
        display: displayOf(s.code) ?? 'Hospice care ordered',
      });
    }
  }
  for (const p of proceduresIn(ctx, HOSPICE_CARE_AMBULATORY)) {
    if (isProcedurePerformed(p) && isTrue(overlaps(choiceRead(p, 'performed', birth).interval, mp, DAY))) {
      out.push({
        reference: refOf(p),
        rule: RULE,
        date: p.performedDateTime ?? p.performedPeriod?.start,
        display: displayOf(p.code) ?? 'Hospice care',
      });
    }
  }
  for (const c of conditionsIn(ctx, HOSPICE_DIAGNOSIS)) {
    if (isVerified(c) && isTrue(overlaps(prevalenceInterval(c, birth), mp, DAY))) {
      out.push({
        reference: refOf(c),
        rule: RULE,
        date: c.onsetDateTime,
        display: displayOf(c.code) ?? 'Hospice diagnosis',
      });
    }
  }
  return out;
}
