/**
 * Who a patient-level row is about: name, birth date, MRN, phone and the attributed clinician —
 * what quality staff need to tell two "Maria Garcia"s apart and to know whose panel a gap is on.
 * A small extract taken while the record is at hand, so the population view and the CLI keep
 * evaluations, not records.
 * - Name: the `official` HumanName, else `usual`, else the first not marked `old`/`maiden`
 *   (https://hl7.org/fhir/R4/datatypes.html#HumanName): its `text`, else given + family.
 * - MRN: the identifier typed `MR` (v2-0203 "Medical record number"), else the first identifier.
 * - Phone: a `phone` ContactPoint not `old` and not ended, mobile and home before work, then `rank`.
 * - Attributed clinician: `Patient.generalPractitioner` (its first Practitioner or PractitionerRole;
 *   an entry with only a display counts too; a practice Organization alone does not name a
 *   clinician). Without one: the practitioner of most qualifying visits — the Encounters the
 *   measures cite as `qualifying-encounter` evidence — counting the primary performer / attender
 *   when the visit types its participants (v3 ParticipationType PPRF, SPRF, ATND), else every
 *   practitioner participant; ties go to the most recent visit, then the reference.
 *   Without either the patient is unattributed.
 */
import type { PatientRecord } from '../record.ts';
import type { PatientEvaluation } from '../types.ts';

/** The clinician a patient is attributed to, and how that was decided. */
export interface AttributedClinician {
  /** `Practitioner/id` or `PractitionerRole/id` as written, when there is one. */
  reference?: string;
  display?: string;
  source: 'general-practitioner' | 'qualifying-visits';
}

/** The identifying fields of one patient (each absent when the record does not have it). */
export interface PatientIdentity {
  /** `Patient/ID`. */
  patient: string;
  name?: string;
  birthDate?: string;
  /** Medical record number. */
  mrn?: string;
  phone?: string;
  clinician?: AttributedClinician;
}

const MR_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v2-0203';
/** Participant types that name who ran the visit (v3-ParticipationType). */
const LEAD_PARTICIPANT_TYPES = new Set(['PPRF', 'SPRF', 'ATND']);
const CLINICIAN_REFERENCE = /(?:^|\/)(?:Practitioner|PractitionerRole)\/[^/]+(?:\/_history\/[^/]+)?$/;

const arr = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** The patient's display name, or undefined. */
export function patientName(patient: fhir4.Patient | undefined): string | undefined {
  const names = arr<fhir4.HumanName>(patient?.name).filter((n) => n && typeof n === 'object');
  const n =
    names.find((x) => x.use === 'official') ??
    names.find((x) => x.use === 'usual') ??
    names.find((x) => x.use !== 'old' && x.use !== 'maiden') ??
    names[0];
  if (!n) {
    return undefined;
  }
  return (
    str(n.text) ??
    str(
      [
        ...arr<unknown>(n.given).filter((g): g is string => typeof g === 'string'),
        typeof n.family === 'string' ? n.family : '',
      ]
        .join(' ')
        .replace(/\s+/g, ' '),
    )
  );
}

/** The medical record number: the `MR`-typed identifier's value, else the first identifier's. */
export function medicalRecordNumber(patient: fhir4.Patient | undefined): string | undefined {
  const ids = arr<fhir4.Identifier>(patient?.identifier).filter((i) => i && str(i.value));
  const isMr = (i: fhir4.Identifier) =>
    arr<fhir4.Coding>(i.type?.coding).some((c) => c?.code === 'MR' && (!c.system || c.system === MR_SYSTEM));
  return str((ids.find(isMr) ?? ids[0])?.value);
}

const PHONE_USE_ORDER: Readonly<Record<string, number>> = { mobile: 0, home: 1, work: 2, temp: 3 };

/** The phone number to call (see the module comment for the order), or undefined. */
export function contactPhone(patient: fhir4.Patient | undefined): string | undefined {
  const phones = arr<fhir4.ContactPoint>(patient?.telecom).filter(
    (t) => t && t.system === 'phone' && str(t.value) && t.use !== 'old' && !t.period?.end,
  );
  const rank = (t: fhir4.ContactPoint) =>
    (PHONE_USE_ORDER[t.use ?? ''] ?? 4) * 1000 + (typeof t.rank === 'number' ? Math.min(t.rank, 999) : 999);
  const best = phones.reduce<fhir4.ContactPoint | undefined>((b, t) => (!b || rank(t) < rank(b) ? t : b), undefined);
  return str(best?.value);
}

/** Whether a reference points at a Practitioner or PractitionerRole. */
function isClinicianReference(reference: string | undefined): reference is string {
  return !!reference && CLINICIAN_REFERENCE.test(reference);
}

/** The clinician named by Patient.generalPractitioner, if any. */
function generalPractitioner(patient: fhir4.Patient): AttributedClinician | undefined {
  const refs = arr<fhir4.Reference>(patient.generalPractitioner).filter((r) => r && typeof r === 'object');
  const r =
    refs.find((x) => isClinicianReference(str(x.reference))) ?? refs.find((x) => !str(x.reference) && str(x.display));
  if (!r) {
    return undefined;
  }
  const reference = str(r.reference);
  const display = str(r.display);
  return { ...(reference ? { reference } : {}), ...(display ? { display } : {}), source: 'general-practitioner' };
}

/** `Encounter/id` references the measures cite as qualifying visits. */
function qualifyingVisitIds(ev: Pick<PatientEvaluation, 'measures'> | undefined): Set<string> {
  const ids = new Set<string>();
  for (const m of ev?.measures ?? []) {
    for (const e of m.evidence) {
      if (e.rule === 'qualifying-encounter' && e.reference.startsWith('Encounter/')) {
        ids.add(e.reference.slice('Encounter/'.length));
      }
    }
  }
  return ids;
}

/** The practitioner of most qualifying visits, if any visit names one. */
function visitPractitioner(
  record: PatientRecord,
  ev: Pick<PatientEvaluation, 'measures'> | undefined,
): AttributedClinician | undefined {
  const wanted = qualifyingVisitIds(ev);
  if (!wanted.size) {
    return undefined;
  }
  const tally = new Map<string, { visits: number; latest: string; display?: string }>();
  for (const enc of arr<fhir4.Encounter>(record.resources.Encounter)) {
    if (!enc || typeof enc.id !== 'string' || !wanted.has(enc.id)) {
      continue;
    }
    const participants = arr<fhir4.EncounterParticipant>(enc.participant).filter(
      (p) => p && isClinicianReference(str(p.individual?.reference)),
    );
    const leads = participants.filter((p) =>
      arr<fhir4.CodeableConcept>(p.type).some((t) =>
        arr<fhir4.Coding>(t?.coding).some((c) => LEAD_PARTICIPANT_TYPES.has(c?.code ?? '')),
      ),
    );
    const start = str(enc.period?.start) ?? '';
    const seen = new Set<string>();
    for (const p of leads.length ? leads : participants) {
      const reference = str(p.individual!.reference)!;
      if (seen.has(reference)) {
        continue;
      }
      seen.add(reference);
      const t = tally.get(reference) ?? { visits: 0, latest: '' };
      t.visits++;
      if (start > t.latest) {
        t.latest = start;
      }
      t.display ??= str(p.individual!.display);
      tally.set(reference, t);
    }
  }
  let best: [string, { visits: number; latest: string; display?: string }] | undefined;
  for (const entry of tally) {
    const [ref, t] = entry;
    if (
      !best ||
      t.visits > best[1].visits ||
      (t.visits === best[1].visits && (t.latest > best[1].latest || (t.latest === best[1].latest && ref < best[0])))
    ) {
      best = entry;
    }
  }
  if (!best) {
    return undefined;
  }
  return { reference: best[0], ...(best[1].display ? { display: best[1].display } : {}), source: 'qualifying-visits' };
}

/** The attributed clinician (module comment), or undefined when the patient is unattributed. */
export function attributedClinician(
  record: PatientRecord,
  ev?: Pick<PatientEvaluation, 'measures'>,
): AttributedClinician | undefined {
  return generalPractitioner(record.patient) ?? visitPractitioner(record, ev);
}

/** The identity extract of one patient; `ev` (the patient's evaluation) supplies the qualifying visits. */
export function patientIdentity(
  record: PatientRecord,
  ev?: Pick<PatientEvaluation, 'measures' | 'patient'>,
): PatientIdentity {
  const p = record.patient;
  const name = patientName(p);
  const birthDate = str(p.birthDate);
  const mrn = medicalRecordNumber(p);
  const phone = contactPhone(p);
  const clinician = attributedClinician(record, ev);
  return {
    patient: ev?.patient ?? `Patient/${typeof p.id === 'string' ? p.id : ''}`,
    ...(name ? { name } : {}),
    ...(birthDate ? { birthDate } : {}),
    ...(mrn ? { mrn } : {}),
    ...(phone ? { phone } : {}),
    ...(clinician ? { clinician } : {}),
  };
}

/** Stratum key of an attribution: its reference, else its display, else {@link UNATTRIBUTED}. */
export function clinicianKey(c: AttributedClinician | undefined): string {
  return c?.reference ?? (c?.display ? `display:${c.display}` : UNATTRIBUTED);
}

/** The key and label of patients with no attributed clinician. */
export const UNATTRIBUTED = 'unattributed';

/** What to show for an attribution: its display, else its reference, else "Unattributed". */
export function clinicianLabel(c: AttributedClinician | undefined): string {
  return c?.display ?? c?.reference ?? 'Unattributed';
}
