/**
 * The encounters follow-up episodes start from: hospital stays (FUH and TCM discharges) and ED
 * visits (FUM and FUA), read once per evaluation. Only what happened on or before asOf exists: a
 * stay admitted after asOf is not read, a discharge after asOf is "still admitted" (nothing dated
 * after the as-of date counts). Settings, in FHIR terms:
 * - acute inpatient: class IMP or ACUTE, or a type in the eCQM "Encounter Inpatient" value set;
 * - nonacute inpatient / residential: class NONAC (skilled nursing, rehabilitation, residential);
 * - observation: class OBSENC (a TCM discharge setting, CMS MLN908628; never an FUH index);
 * - ED visit: class EMER or a type in "Emergency Department Evaluation and Management Visit".
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import { EMERGENCY_DEPARTMENT_EVALUATION_AND_MANAGEMENT_VISIT } from '../valuesets/catalog/emergency-department-evaluation-and-management-visit.ts';
import { ENCOUNTER_INPATIENT } from '../valuesets/catalog/encounter-inpatient.ts';
import { ACUTE_INPATIENT_CLASSES, ED_CLASSES, NONACUTE_INPATIENT_CLASSES, OBSERVATION_CLASSES } from './gap-policy.ts';
import { encounterDay, encounterRef, hasClass, tookPlace, typeInAny } from './encounter-facts.ts';

/** The kind of stay (see the file comment). */
export type StaySetting = 'acute' | 'nonacute' | 'observation';

/** One hospital stay. */
export interface HospitalStay {
  encounter: fhir4.Encounter;
  reference: string;
  setting: StaySetting;
  admitDay: number;
  /** Absent while the patient is still admitted on asOf. */
  dischargeDay?: number;
}

/** One ED visit, dated on its start day. */
export interface EdVisit {
  encounter: fhir4.Encounter;
  reference: string;
  day: number;
}

function settingOf(ctx: EvaluationContext, enc: fhir4.Encounter): StaySetting | undefined {
  if (hasClass(enc, NONACUTE_INPATIENT_CLASSES)) {
    return 'nonacute';
  }
  if (hasClass(enc, ACUTE_INPATIENT_CLASSES)) {
    return 'acute';
  }
  if (hasClass(enc, OBSERVATION_CLASSES)) {
    return 'observation';
  }
  return typeInAny(ctx, enc, [ENCOUNTER_INPATIENT.url]) ? 'acute' : undefined;
}

const STAYS = new WeakMap<EvaluationContext, HospitalStay[]>();

/** Hospital stays admitted on or before asOf, by admission day (memoised per evaluation). */
export function hospitalStays(ctx: EvaluationContext): readonly HospitalStay[] {
  let out = STAYS.get(ctx);
  if (out) {
    return out;
  }
  out = [];
  for (const enc of ctx.ofType<fhir4.Encounter>('Encounter')) {
    if (!tookPlace(enc)) {
      continue;
    }
    const setting = settingOf(ctx, enc);
    if (!setting) {
      continue;
    }
    const admitDay = encounterDay(ctx, enc, 'start');
    if (admitDay === undefined || admitDay > ctx.asOfDay) {
      continue;
    }
    const end = encounterDay(ctx, enc, 'end');
    const stay: HospitalStay = { encounter: enc, reference: encounterRef(enc), setting, admitDay };
    if (end !== undefined && end >= admitDay && end <= ctx.asOfDay && enc.status !== 'in-progress') {
      stay.dischargeDay = end;
    }
    out.push(stay);
  }
  out.sort((a, b) => a.admitDay - b.admitDay || a.reference.localeCompare(b.reference));
  STAYS.set(ctx, out);
  return out;
}

const ED_VISITS = new WeakMap<EvaluationContext, EdVisit[]>();

/** ED visits that started on or before asOf, oldest first (memoised per evaluation). */
export function edVisits(ctx: EvaluationContext): readonly EdVisit[] {
  let out = ED_VISITS.get(ctx);
  if (out) {
    return out;
  }
  out = [];
  for (const enc of ctx.ofType<fhir4.Encounter>('Encounter')) {
    if (!tookPlace(enc)) {
      continue;
    }
    if (
      !hasClass(enc, ED_CLASSES) &&
      !typeInAny(ctx, enc, [EMERGENCY_DEPARTMENT_EVALUATION_AND_MANAGEMENT_VISIT.url])
    ) {
      continue;
    }
    const day = encounterDay(ctx, enc, 'start');
    if (day === undefined || day > ctx.asOfDay) {
      continue;
    }
    out.push({ encounter: enc, reference: encounterRef(enc), day });
  }
  out.sort((a, b) => a.day - b.day || a.reference.localeCompare(b.reference));
  ED_VISITS.set(ctx, out);
  return out;
}

function refersTo(from: fhir4.Encounter, to: fhir4.Encounter): boolean {
  const ref = from.partOf?.reference;
  return typeof ref === 'string' && !!to.id && ref.split('/').pop() === to.id;
}

/**
 * The inpatient or residential admission that follows an ED visit on the ED day or within `days`
 * after it (HEDIS FUM/FUA, measures.md §5.1: "whatever the admission's diagnosis"), or the stay the
 * visit is linked to by `partOf` (the ED visit that resulted in the stay). Observation stays are not
 * admissions.
 */
export function admissionAfterEd(
  visit: EdVisit,
  stays: readonly HospitalStay[],
  days: number,
): HospitalStay | undefined {
  return stays.find(
    (s) =>
      s.setting !== 'observation' &&
      s.encounter !== visit.encounter &&
      ((s.admitDay >= visit.day && s.admitDay <= visit.day + days) ||
        refersTo(visit.encounter, s.encounter) ||
        refersTo(s.encounter, visit.encounter)),
  );
}

/** The first stay other than `stay` admitted from its discharge day to `days` days after (a readmission or direct transfer). */
export function readmissionAfter(
  stay: HospitalStay,
  stays: readonly HospitalStay[],
  days: number,
  settings: readonly StaySetting[],
): HospitalStay | undefined {
  const from = stay.dischargeDay;
  if (from === undefined) {
    return undefined;
  }
  return stays.find(
    (s) =>
      s !== stay &&
      settings.includes(s.setting) &&
      s.admitDay >= from &&
      s.admitDay <= from + days &&
      (s.dischargeDay === undefined || s.dischargeDay > from || s.admitDay > stay.admitDay),
  );
}
