/**
 * PalliativeCare."Has Palliative Care in the Measurement Period": a FACIT-Pal assessment, a
 * palliative care diagnosis, encounter or intervention overlapping the measurement period.
 * Spec: PalliativeCare 1.18.000 (ecqm-content-qicore-2025 input/cql/PalliativeCare.cql).
 */
import type { EvaluationContext } from '../../evaluation-context.ts';
import { LOINC } from '../../codes/code-systems.ts';
import type { Evidence } from '../../types.ts';
import { PALLIATIVE_CARE_DIAGNOSIS } from '../../valuesets/catalog/palliative-care-diagnosis.ts';
import { PALLIATIVE_CARE_ENCOUNTER } from '../../valuesets/catalog/palliative-care-encounter.ts';
import { PALLIATIVE_CARE_INTERVENTION } from '../../valuesets/catalog/palliative-care-intervention.ts';
import { DAY } from '../../cql/date-time.ts';
import { choiceRead, prevalenceInterval } from '../../cql/fhir-intervals.ts';
import { overlaps } from '../../cql/interval.ts';
import { isTrue } from '../../cql/logic.ts';
import { conditionsIn, displayOf, encountersIn, observationsWithCode, proceduresIn, refOf } from './qicore-retrieve.ts';
import { isEncounterPerformed, isObservationPerformed, isProcedurePerformed, isVerified } from './status-filters.ts';

/** LOINC "Functional Assessment of Chronic Illness Therapy - Palliative Care Questionnaire (FACIT-Pal)". */
export const FACIT_PAL = '71007-9';

const RULE = 'palliative-care';

/** Evidence of palliative care in the measurement period (empty when none). */
export function palliativeCareEvidence(ctx: EvaluationContext): Evidence[] {
  const mp = ctx.measurementPeriod;
  const birth = ctx.record.patient.birthDate;
  const out: Evidence[] = [];
  for (const o of observationsWithCode(ctx, LOINC, FACIT_PAL)) {
    if (isObservationPerformed(o) && isTrue(overlaps(ctx.effectiveOf(o).interval, mp, DAY))) {
      out.push({
        reference: refOf(o),
        rule: RULE,
        date: o.effectiveDateTime ?? o.effectivePeriod?.start,
        display: 'FACIT-Pal assessment',
      });
    }
  }
  for (const c of conditionsIn(ctx, PALLIATIVE_CARE_DIAGNOSIS)) {
    if (isVerified(c) && isTrue(overlaps(prevalenceInterval(c, birth), mp, DAY))) {
      out.push({
        reference: refOf(c),
        rule: RULE,
        date: c.onsetDateTime,
        display: displayOf(c.code) ?? 'Palliative care diagnosis',
      });
    }
  }
  for (const e of encountersIn(ctx, PALLIATIVE_CARE_ENCOUNTER)) {
    if (isEncounterPerformed(e) && isTrue(overlaps(ctx.periodOf(e).interval, mp, DAY))) {
      out.push({
        reference: refOf(e),
        rule: RULE,
        date: e.period?.start,
        display: displayOf(e.type?.[0]) ?? 'Palliative care encounter',
      });
    }
  }
  for (const p of proceduresIn(ctx, PALLIATIVE_CARE_INTERVENTION)) {
    if (isProcedurePerformed(p) && isTrue(overlaps(choiceRead(p, 'performed', birth).interval, mp, DAY))) {
      out.push({
        reference: refOf(p),
        rule: RULE,
        date: p.performedDateTime ?? p.performedPeriod?.start,
        display: displayOf(p.code) ?? 'Palliative care',
      });
    }
  }
  return out;
}
