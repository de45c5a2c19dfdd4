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
import { holds, overlaps, pointDuring, pointOfText, periodInterval } from './cql-interval.ts';
import { choiceInterval, prevalenceInterval, timingChoice } from './choice-intervals.ts';
import { measurementPeriod } from './period-windows.ts';
import { conditionsIn, displayOf, encountersIn, observationsWithCode, proceduresIn, refOf, serviceRequestsIn } from './qicore-retrieve.ts';
import { isEncounterPerformed, isObservationPerformed, isOrder, isProcedurePerformed, isVerified } from './status-filters.ts';

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
  const mp = measurementPeriod(ctx);
  const birth = ctx.record.patient.birthDate;
  const out: Evidence[] = [];
  for (const e of encountersIn(ctx, ENCOUNTER_INPATIENT)) {
    if (!isEncounterPerformed(e)) continue;
    const disp = e.hospitalization?.dischargeDisposition;
    if (!conceptHas(disp, SNOMED, DISCHARGE_HOME_FOR_HOSPICE) && !conceptHas(disp, SNOMED, DISCHARGE_FACILITY_FOR_HOSPICE)) continue;
    const iv = periodInterval(e.period, ctx.tz);
    if (iv && holds(pointDuring(iv.high, mp)))
      out.push({ reference: refOf(e), rule: RULE, date: e.period?.end, display: 'Discharged to hospice care', value: displayOf(disp) });
  }
  for (const e of encountersIn(ctx, HOSPICE_ENCOUNTER)) {
    const iv = periodInterval(e.period, ctx.tz);
    if (isEncounterPerformed(e) && iv && holds(overlaps(iv, mp)))
      out.push({ reference: refOf(e), rule: RULE, date: e.period?.start, display: displayOf(e.type?.[0]) ?? 'Hospice encounter' });
  }
  for (const o of observationsWithCode(ctx, LOINC, MDS_HOSPICE_CARE)) {
    const iv = choiceInterval(timingChoice(o, 'effective'), birth, ctx.tz);
    if (isObservationPerformed(o) && conceptHas(o.valueCodeableConcept, SNOMED, SNOMED_YES) && iv && holds(overlaps(iv, mp)))
      out.push({ reference: refOf(o), rule: RULE, date: o.effectiveDateTime ?? o.effectivePeriod?.start, display: 'Hospice care (MDS)', value: 'yes' });
  }
  for (const s of serviceRequestsIn(ctx, HOSPICE_CARE_AMBULATORY)) {
    const at = pointOfText(s.authoredOn, ctx.tz);
    if (isOrder(s) && at && holds(pointDuring(at, mp)))
      out.push({ reference: refOf(s), rule: RULE, date: s.authoredOn, display: displayOf(s.code) ?? 'Hospice care ordered' });
  }
  for (const p of proceduresIn(ctx, HOSPICE_CARE_AMBULATORY)) {
    const iv = choiceInterval(timingChoice(p, 'performed'), birth, ctx.tz);
    if (isProcedurePerformed(p) && iv && holds(overlaps(iv, mp)))
      out.push({ reference: refOf(p), rule: RULE, date: p.performedDateTime ?? p.performedPeriod?.start, display: displayOf(p.code) ?? 'Hospice care' });
  }
  for (const c of conditionsIn(ctx, HOSPICE_DIAGNOSIS)) {
    if (isVerified(c) && holds(overlaps(prevalenceInterval(c, birth, ctx.tz), mp)))
      out.push({ reference: refOf(c), rule: RULE, date: c.onsetDateTime, display: displayOf(c.code) ?? 'Hospice diagnosis' });
  }
  return out;
}
