/**
 * The index events follow-up gaps are anchored on: inpatient discharges (FUH, TCM) and ED visits
 * (FUM, FUA), with the HEDIS anchoring rules of ../shared/design/measures.md §5:
 * - a readmission or direct transfer admitted within 30 days after a discharge moves the anchor to
 *   the later stay's discharge (while the patient is still in hospital there is no anchor yet);
 * - an ED visit followed by an inpatient admission on the ED day or the next day, or linked to a
 *   stay by `partOf`, became an admission and is not an ED anchor;
 * - only the first eligible ED visit of a 31-day episode anchors.
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import type { GapPolicy } from './gap-policy.ts';
import { ED_CLASSES } from './gap-policy.ts';
import { EMERGENCY_DEPARTMENT_EVALUATION_AND_MANAGEMENT_VISIT } from '../valuesets/catalog/emergency-department-evaluation-and-management-visit.ts';
import { ENCOUNTER_INPATIENT } from '../valuesets/catalog/encounter-inpatient.ts';
import { encounterDay, encounterRef, hasClass, tookPlace, typeInAny } from './encounter-facts.ts';

/** One inpatient stay. */
export interface InpatientStay {
  encounter: fhir4.Encounter;
  reference: string;
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

/** Where the discharge anchor stands on asOf. */
export type DischargeAnchor =
  | { kind: 'none' }
  /** The anchor discharge (after following readmissions) and the qualifying discharge it started from. */
  | { kind: 'discharged'; anchor: InpatientStay; index: InpatientStay }
  /** Readmitted within the readmission window and not yet discharged. */
  | { kind: 'readmitted'; stay: InpatientStay; index: InpatientStay };

/** Inpatient stays admitted on or before asOf (class in `classes` or type in "Encounter Inpatient"), by admission. */
export function inpatientStays(ctx: EvaluationContext, classes: readonly string[]): InpatientStay[] {
  const out: InpatientStay[] = [];
  for (const enc of ctx.ofType<fhir4.Encounter>('Encounter')) {
    if (!tookPlace(enc)) continue;
    if (!hasClass(enc, classes) && !typeInAny(ctx, enc, [ENCOUNTER_INPATIENT.url])) continue;
    const admitDay = encounterDay(ctx, enc, 'start');
    if (admitDay === undefined || admitDay > ctx.asOfDay) continue;
    const end = encounterDay(ctx, enc, 'end');
    const stay: InpatientStay = { encounter: enc, reference: encounterRef(enc), admitDay };
    if (end !== undefined && end >= admitDay && end <= ctx.asOfDay) stay.dischargeDay = end;
    out.push(stay);
  }
  return out.sort((a, b) => a.admitDay - b.admitDay || a.reference.localeCompare(b.reference));
}

/**
 * The discharge a follow-up is due after: the most recent qualifying discharge within the look-back
 * before asOf, moved forward along readmissions admitted within the readmission window.
 */
export function dischargeAnchor(
  ctx: EvaluationContext,
  stays: readonly InpatientStay[],
  qualifies: (stay: InpatientStay) => boolean,
  policy: GapPolicy,
): DischargeAnchor {
  const earliest = ctx.asOfDay - policy.lookbackDays;
  let index: InpatientStay | undefined;
  for (const s of stays) {
    if (s.dischargeDay === undefined || s.dischargeDay < earliest || !qualifies(s)) continue;
    if (!index || s.dischargeDay! > index.dischargeDay! || (s.dischargeDay === index.dischargeDay && s.reference > index.reference)) index = s;
  }
  if (!index) return { kind: 'none' };
  let anchor = index;
  for (;;) {
    const from = anchor.dischargeDay!;
    const next = stays.find(
      (s) =>
        s !== anchor &&
        s.admitDay >= from &&
        s.admitDay <= from + policy.readmissionDays &&
        (s.dischargeDay === undefined || s.dischargeDay > from),
    );
    if (!next) return { kind: 'discharged', anchor, index };
    if (next.dischargeDay === undefined) return { kind: 'readmitted', stay: next, index };
    anchor = next;
  }
}

/** ED visits (class EMER or an ED E/M visit type) that started on or before asOf, oldest first. */
export function edVisits(ctx: EvaluationContext): EdVisit[] {
  const out: EdVisit[] = [];
  for (const enc of ctx.ofType<fhir4.Encounter>('Encounter')) {
    if (!tookPlace(enc)) continue;
    if (!hasClass(enc, ED_CLASSES) && !typeInAny(ctx, enc, [EMERGENCY_DEPARTMENT_EVALUATION_AND_MANAGEMENT_VISIT.url])) continue;
    const day = encounterDay(ctx, enc, 'start');
    if (day === undefined || day > ctx.asOfDay) continue;
    out.push({ encounter: enc, reference: encounterRef(enc), day });
  }
  return out.sort((a, b) => a.day - b.day || a.reference.localeCompare(b.reference));
}

function refersTo(from: fhir4.Encounter, to: fhir4.Encounter): boolean {
  const ref = from.partOf?.reference;
  return typeof ref === 'string' && !!to.id && ref.split('/').pop() === to.id;
}

/** Whether an ED visit became an inpatient admission (admitted on the ED day or the next, or linked by partOf). */
export function becameAdmission(visit: EdVisit, stays: readonly InpatientStay[], policy: GapPolicy): boolean {
  return stays.some(
    (s) =>
      s.encounter !== visit.encounter &&
      ((s.admitDay >= visit.day && s.admitDay <= visit.day + policy.edToAdmissionDays) ||
        refersTo(visit.encounter, s.encounter) ||
        refersTo(s.encounter, visit.encounter)),
  );
}

/**
 * The ED visit a follow-up is due after: among qualifying ED visits that did not become an
 * admission, episodes start at the first visit and last 31 days (days 0..30); the anchor is the
 * start of the latest episode that lies within the look-back before asOf.
 */
export function edAnchor(
  ctx: EvaluationContext,
  visits: readonly EdVisit[],
  stays: readonly InpatientStay[],
  qualifies: (visit: EdVisit) => boolean,
  policy: GapPolicy,
): EdVisit | undefined {
  const earliest = ctx.asOfDay - policy.lookbackDays;
  let episode: EdVisit | undefined;
  for (const v of visits) {
    if (v.day < earliest - policy.edEpisodeDays || !qualifies(v) || becameAdmission(v, stays, policy)) continue;
    if (!episode || v.day > episode.day + policy.edEpisodeDays) episode = v;
  }
  return episode && episode.day >= earliest ? episode : undefined;
}
