/**
 * "Qualifying Encounters": finished encounters of the listed kinds that fall entirely within the
 * measurement period (`period during day of "Measurement Period"`). The default list is
 * AdultOutpatientEncounters' (office, annual wellness, preventive 18+, home health, virtual,
 * telephone); CMS122 passes its own.
 * Spec: AdultOutpatientEncounters 4.19.000 (ecqm-content-qicore-2025 input/cql/AdultOutpatientEncounters.cql).
 */
import type { EvaluationContext } from '../../evaluation-context.ts';
import type { Evidence } from '../../types.ts';
import type { ValueSetDef } from '../../valuesets/value-set.ts';
import { ANNUAL_WELLNESS_VISIT } from '../../valuesets/catalog/annual-wellness-visit.ts';
import { HOME_HEALTHCARE_SERVICES } from '../../valuesets/catalog/home-healthcare-services.ts';
import { OFFICE_VISIT } from '../../valuesets/catalog/office-visit.ts';
import { PREVENTIVE_CARE_SERVICES_ESTABLISHED_OFFICE_VISIT_18_AND_UP } from '../../valuesets/catalog/preventive-care-services-established-office-visit-18-and-up.ts';
import { PREVENTIVE_CARE_SERVICES_INITIAL_OFFICE_VISIT_18_AND_UP } from '../../valuesets/catalog/preventive-care-services-initial-office-visit-18-and-up.ts';
import { TELEPHONE_VISITS } from '../../valuesets/catalog/telephone-visits.ts';
import { VIRTUAL_ENCOUNTER } from '../../valuesets/catalog/virtual-encounter.ts';
import { anyConceptHas } from './concept-match.ts';
import { during, holds, periodInterval } from './cql-interval.ts';
import { measurementPeriod } from './period-windows.ts';
import { displayOf, encountersIn, refOf } from './qicore-retrieve.ts';
import { isEncounterPerformed } from './status-filters.ts';

/** AdultOutpatientEncounters."Qualifying Encounters" value sets. */
export const ADULT_OUTPATIENT_ENCOUNTER_SETS: readonly ValueSetDef[] = [
  OFFICE_VISIT,
  ANNUAL_WELLNESS_VISIT,
  PREVENTIVE_CARE_SERVICES_ESTABLISHED_OFFICE_VISIT_18_AND_UP,
  PREVENTIVE_CARE_SERVICES_INITIAL_OFFICE_VISIT_18_AND_UP,
  HOME_HEALTHCARE_SERVICES,
  VIRTUAL_ENCOUNTER,
  TELEPHONE_VISITS,
];

/** A direct-reference encounter type code (`system|code`). */
export interface DirectCode {
  system: string;
  code: string;
}

/**
 * Finished encounters in the value sets (or with one of the direct-reference type codes) whose
 * period lies within the measurement period, as `qualifying-encounter` evidence, oldest first.
 */
export function qualifyingEncounters(
  ctx: EvaluationContext,
  sets: readonly ValueSetDef[] = ADULT_OUTPATIENT_ENCOUNTER_SETS,
  codes: readonly DirectCode[] = [],
): Evidence[] {
  const mp = measurementPeriod(ctx);
  const found = new Map<string, fhir4.Encounter>();
  for (const vs of sets) for (const e of encountersIn(ctx, vs)) found.set(refOf(e), e);
  if (codes.length)
    for (const e of ctx.ofType<fhir4.Encounter>('Encounter'))
      if (codes.some((c) => anyConceptHas(e.type, c.system, c.code))) found.set(refOf(e), e);
  const out: Evidence[] = [];
  for (const [reference, e] of found) {
    const iv = periodInterval(e.period, ctx.tz);
    if (isEncounterPerformed(e) && iv && holds(during(iv, mp)))
      out.push({ reference, rule: 'qualifying-encounter', date: e.period?.start, display: displayOf(e.type?.[0]) ?? 'Visit' });
  }
  return out.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
}
