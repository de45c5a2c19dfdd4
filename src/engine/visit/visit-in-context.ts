/**
 * The visit the app was launched in (SMART `encounter` launch context) and the record "as if that
 * visit were closed". eCQMs count only finished encounters (CMS2 "Qualifying Encounter During
 * Measurement Period": `status = 'finished'`; the same in CMS165/122/130/125 via
 * Status.isEncounterPerformed and in the SDOH measure), so a screening recorded during today's
 * still-open visit cannot count until the EHR closes it. The projection copies the record and marks
 * that one encounter finished on its own date; nothing else changes.
 * Spec: https://hl7.org/fhir/smart-app-launch/scopes-and-launch-context.html (launch context `encounter`).
 */
import { daySpan, isoDay, singleDay } from '../cql/calendar-days.ts';
import { HOUR, parseDateTime } from '../cql/date-time.ts';
import type { PatientRecord } from '../record.ts';
import type { IsoDate } from '../types.ts';

/**
 * Encounter statuses of a visit that is taking place (FHIR R4 encounter-status): the patient has
 * arrived and is being seen. `planned` is not one (the visit may not happen), nor are `finished`,
 * `cancelled`, `entered-in-error` and `unknown`.
 */
export const OPEN_VISIT_STATUSES: readonly string[] = ['arrived', 'triaged', 'in-progress', 'onleave'];

/** What the engine found about the visit in the launch context. */
export type VisitState =
  /** The launch carried no encounter. */
  | 'no-visit-in-context'
  /** The encounter in context is not among the record's Encounters (not read, or another patient's). */
  | 'not-in-record'
  /** It is open (arrived, triaged, in progress): results are projected as if it were closed. */
  | 'open'
  /** It is already finished: it counts as it is. */
  | 'finished'
  /** Any other status (planned, cancelled, entered-in-error, unknown): it cannot count. */
  | 'not-countable';

/** The visit in context as the panel names it. */
export interface VisitInContext {
  state: VisitState;
  /** `Encounter/<id>` of the launch context, when there is one. */
  reference?: string;
  /** The day the visit is dated (its start; for an open visit without a start, `asOf`). */
  date?: IsoDate;
  /** Display of the encounter type (e.g. "Office or other outpatient visit …"), when coded with one. */
  type?: string;
  /** The encounter's own status. */
  status?: string;
}

/** The encounter with this id among the record's Encounters. */
export function findEncounter(record: PatientRecord, encounterId: string): fhir4.Encounter | undefined {
  return (record.resources.Encounter as fhir4.Encounter[] | undefined)?.find((e) => e?.id === encounterId);
}

/** First type display (text, else a coding's display) of an encounter. */
function typeDisplay(e: fhir4.Encounter): string | undefined {
  for (const t of e.type ?? []) {
    const text = t?.text?.trim() || t?.coding?.find((c) => c?.display?.trim())?.display?.trim();
    if (text) {
      return text;
    }
  }
  return undefined;
}

/** Reads the visit in context (`encounterId` from the launch) against the record. */
export function visitInContext(record: PatientRecord, encounterId: string | undefined, asOf: IsoDate): VisitInContext {
  if (!encounterId) {
    return { state: 'no-visit-in-context' };
  }
  const reference = `Encounter/${encounterId}`;
  const enc = findEncounter(record, encounterId);
  if (!enc) {
    return { state: 'not-in-record', reference };
  }
  // the visit's day is its start's date as written (cql/calendar-days.ts), whatever the zone
  const startDay = singleDay(parseDateTime(enc.period?.start));
  const state: VisitState =
    enc.status === 'finished' ? 'finished' : OPEN_VISIT_STATUSES.includes(enc.status) ? 'open' : 'not-countable';
  const date = startDay !== undefined ? isoDay(startDay) : state === 'open' ? asOf : undefined;
  const type = typeDisplay(enc);
  return { state, reference, status: enc.status, ...(date ? { date } : {}), ...(type ? { type } : {}) };
}

/** The zone a dateTime text was written with (copied to the end of day as written). */
const WRITTEN_ZONE = /(?:Z|[+-]\d{2}(?::\d{2})?)$/;

/**
 * The period of an open visit closed on its own date: the start kept, the end the last second of
 * the start's calendar day as written, in the start's own offset (so the end is on the visit's day
 * as the CQL date model reads it), an existing later end kept. A visit without a start is
 * dated `asOf` (it is happening now). Anything written during the visit — a screening, a referral,
 * a procedure — then falls inside the visit, as CMS2's follow-up timing requires.
 */
export function closedPeriod(period: fhir4.Period | undefined, asOf: IsoDate): fhir4.Period {
  const start = parseDateTime(period?.start);
  const day = singleDay(start);
  if (!start || day === undefined) {
    return { start: asOf, end: asOf };
  }
  // the last second of the start's written day with the start's zone as written (none: the
  // declared offset, as the start's); a date stays a date
  const endOfDay =
    start.f.length > HOUR ? `${isoDay(day)}T23:59:59${WRITTEN_ZONE.exec(period!.start!)?.[0] ?? ''}` : isoDay(day);
  // a stated end on a later day than the start is kept (an open visit planned to run past midnight)
  const statedEnd = parseDateTime(period?.end);
  const end = statedEnd && daySpan(statedEnd).low > day ? period!.end! : endOfDay;
  return { start: period!.start!, end };
}

/**
 * The record with the visit in context counted as closed: a copy in which that one Encounter is
 * `finished` with {@link closedPeriod}. Undefined unless the visit is open (the input record is
 * never changed).
 */
export function recordWithVisitClosed(
  record: PatientRecord,
  encounterId: string | undefined,
  asOf: IsoDate,
): PatientRecord | undefined {
  if (!encounterId) {
    return undefined;
  }
  const enc = findEncounter(record, encounterId);
  if (!enc || !OPEN_VISIT_STATUSES.includes(enc.status)) {
    return undefined;
  }
  const closed: fhir4.Encounter = { ...enc, status: 'finished', period: closedPeriod(enc.period, asOf) };
  const encounters = (record.resources.Encounter as fhir4.Encounter[]).map((e) => (e === enc ? closed : e));
  return { ...record, resources: { ...record.resources, Encounter: encounters } };
}
