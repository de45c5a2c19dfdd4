/**
 * Da Vinci DEQM gaps-in-care Bundle for one patient (STU5, http://hl7.org/fhir/us/davinci-deqm/):
 * a `document` Bundle (identifier + timestamp) whose first entry is the DEQM Gaps In Care
 * Composition (status, type LOINC 96315-7 "Gaps in care report", subject, date, author, title,
 * custodian, one section per measure with `focus` → the individual MeasureReport and `entry` → the
 * DetectedIssue), then the Patient, the reporting Organization, and per measure the DEQM
 * Individual MeasureReport (date, reporter, period at day precision, versioned measure canonical,
 * measureScoring + improvementNotation) and the DEQM Gaps In Care DetectedIssue (gapStatus
 * modifierExtension, code CAREGAP, patient, evidence.detail → the MeasureReport).
 * Every fullUrl is a `urn:uuid:` derived deterministically from the patient, the report date and
 * the resource's role (the engine has no randomness), and every reference between these resources
 * uses those fullUrls. `MeasureReport.evaluatedResource` keeps the EHR's own `Type/id` references
 * (the evidence resources are not copied into the report).
 * Gap status: closed → closed-gap; not-applicable → not-applicable; open with a due date after asOf
 * → prospective-gap (it can still be closed in time), other open → open-gap. An `unknown` gap (inputs
 * incomplete) is reported with the status its provisional populations denote and DetectedIssue
 * status `preliminary`. Only measures get sections: DEQM gaps are per measure, so the
 * non-measure gaps (FUH, TCM, …) are not in the Bundle.
 * With no measure at all there can be no section, so the result is a `collection` Bundle of the
 * Patient and Organization (the DEQM gaps Bundle rule gic-2).
 */
import { ACT_CODE, LOINC } from '../codes/code-systems.ts';
import { gapStatusOfMeasure, measureGap } from '../gaps/measure-gaps.ts';
import { statusOf } from '../measures/proportion.ts';
import type { GapResult, GapStatus, IsoDate, MeasureResult, PatientEvaluation } from '../types.ts';
import { toIndividualMeasureReport } from './measure-report.ts';

const DEQM = 'http://hl7.org/fhir/us/davinci-deqm';
/** DEQM Gaps In Care Bundle profile. */
export const DEQM_GAPS_BUNDLE_PROFILE = `${DEQM}/StructureDefinition/gaps-bundle-deqm`;
/** DEQM Gaps In Care Composition profile. */
export const DEQM_GAPS_COMPOSITION_PROFILE = `${DEQM}/StructureDefinition/gaps-composition-deqm`;
/** DEQM Gaps In Care DetectedIssue profile. */
export const DEQM_GAPS_DETECTED_ISSUE_PROFILE = `${DEQM}/StructureDefinition/gaps-detectedissue-deqm`;
/** DEQM Individual MeasureReport profile. */
export const DEQM_INDIVIDUAL_MEASURE_REPORT_PROFILE = `${DEQM}/StructureDefinition/indv-measurereport-deqm`;
/** DEQM gap-status modifier extension. */
export const GAP_STATUS_EXTENSION = `${DEQM}/StructureDefinition/extension-gapStatus`;
/** DEQM gap-status code system. */
export const GAPS_STATUS_SYSTEM = `${DEQM}/CodeSystem/gaps-status`;
/** DEQM measure-scoring extension (required on the root or every group, rule deqm-3). */
export const MEASURE_SCORING_EXTENSION = `${DEQM}/StructureDefinition/extension-measureScoring`;
/** Measure scoring code system. */
export const MEASURE_SCORING_SYSTEM = 'http://terminology.hl7.org/CodeSystem/measure-scoring';
/** Measure improvement-notation code system. */
export const IMPROVEMENT_NOTATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/measure-improvement-notation';
/** LOINC "Gaps in care report" (the fixed Composition.type). */
export const GAPS_IN_CARE_REPORT = { system: LOINC, code: '96315-7', display: 'Gaps in care report' } as const;
/** v3 ActCode CAREGAP (the fixed DetectedIssue.code). */
export const CAREGAP = { system: ACT_CODE, code: 'CAREGAP', display: 'Care Gaps' } as const;

/** A DEQM gap status code. */
export type DeqmGapStatus = 'open-gap' | 'closed-gap' | 'prospective-gap' | 'not-applicable';

const GAP_STATUS_DISPLAY: Readonly<Record<DeqmGapStatus, string>> = {
  'open-gap': 'Open Gap',
  'closed-gap': 'Closed Gap',
  'prospective-gap': 'Prospective Gap',
  'not-applicable': 'Not Applicable',
};

/** Options of {@link toGapsBundle}. */
export interface GapsBundleOptions {
  /** When the report was created (ISO date or dateTime; callers pass it, the engine reads no clock). */
  date: string;
  /** The reporting organization (author, custodian, MeasureReport.reporter); default "CareGap Panel". */
  organization?: Partial<fhir4.Organization>;
  /** The Patient resource to include; default a Patient carrying only the id of `evaluation.patient`. */
  patient?: fhir4.Patient;
  /** Composition title (default "Gaps in care report"). */
  title?: string;
}

/** The DEQM status of a gap on `asOf` (see the file comment). */
export function deqmGapStatus(
  status: Exclude<GapStatus, 'unknown'>,
  due: IsoDate | undefined,
  asOf: IsoDate,
): DeqmGapStatus {
  if (status === 'closed') {
    return 'closed-gap';
  }
  if (status === 'not-applicable') {
    return 'not-applicable';
  }
  return due && due > asOf ? 'prospective-gap' : 'open-gap';
}

/** A deterministic RFC 9562 version-8 UUID from a string (four FNV-1a 32-bit hashes). */
export function deterministicUuid(seed: string): string {
  let hex = '';
  for (let round = 0; round < 4; round++) {
    let h = 0x811c9dc5 ^ (round * 0x9e3779b9);
    for (let i = 0; i < seed.length; i++) {
      h ^= seed.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    hex += (h >>> 0).toString(16).padStart(8, '0');
  }
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A FHIR id (A–Z a–z 0–9 - ., at most 64 characters). */
function fhirId(s: string): string {
  return s.replace(/[^A-Za-z0-9\-.]/g, '-').slice(0, 64);
}

/** A FHIR instant for Bundle.timestamp: a date alone becomes midnight UTC. */
function instantOf(date: string): string {
  return /T\d{2}:\d{2}:\d{2}/.test(date) && /(Z|[+-]\d{2}:\d{2})$/.test(date) ? date : `${date.slice(0, 10)}T00:00:00Z`;
}

function gapFor(evaluation: PatientEvaluation, m: MeasureResult): GapResult {
  return evaluation.gaps.find((g) => g.id === m.id && (g.measureId ?? m.id) === m.id) ?? measureGap(m);
}

/** The DEQM status of a measure's gap; an unknown gap uses its provisional populations. */
function statusForMeasure(evaluation: PatientEvaluation, m: MeasureResult, g: GapResult): DeqmGapStatus {
  const status = g.status === 'unknown' ? gapStatusOfMeasure({ ...m, status: statusOf(m.populations) }) : g.status;
  return deqmGapStatus(status === 'unknown' ? 'open' : status, g.due ?? m.closes?.due, evaluation.asOf);
}

/** Builds the DEQM gaps-in-care Bundle of one patient's evaluation. */
export function toGapsBundle(evaluation: PatientEvaluation, opts: GapsBundleOptions): fhir4.Bundle {
  const patientId = evaluation.patient.replace(/^Patient\//, '');
  const seed = `${evaluation.patient}|${opts.date}`;
  const url = (role: string) => `urn:uuid:${deterministicUuid(`${seed}|${role}`)}`;
  const patientUrl = url('patient');
  const orgUrl = url('organization');
  const patient: fhir4.Patient = opts.patient
    ? { ...opts.patient, resourceType: 'Patient', id: opts.patient.id ?? patientId }
    : { resourceType: 'Patient', id: patientId };
  const organization: fhir4.Organization = {
    id: 'caregap-panel',
    name: 'CareGap Panel',
    active: true,
    ...opts.organization,
    resourceType: 'Organization',
  };

  const sections: fhir4.CompositionSection[] = [];
  const measureEntries: fhir4.BundleEntry[] = [];
  for (const m of evaluation.measures) {
    const g = gapFor(evaluation, m);
    const reportUrl = url(`measure-report|${m.id}`);
    const issueUrl = url(`detected-issue|${m.id}`);
    const report = toIndividualMeasureReport(m, {
      subject: evaluation.patient,
      period: evaluation.period,
      date: opts.date,
      id: fhirId(`${m.id}-${patientId}`),
    });
    report.meta = { profile: [DEQM_INDIVIDUAL_MEASURE_REPORT_PROFILE] };
    report.subject = { reference: patientUrl };
    report.date = opts.date;
    report.reporter = { reference: orgUrl };
    report.extension = [
      ...(report.extension ?? []),
      {
        url: MEASURE_SCORING_EXTENSION,
        valueCodeableConcept: {
          coding: [{ system: MEASURE_SCORING_SYSTEM, code: 'proportion', display: 'Proportion' }],
        },
      },
    ];
    report.improvementNotation ??= {
      coding: [
        { system: IMPROVEMENT_NOTATION_SYSTEM, code: 'increase', display: 'Increased score indicates improvement' },
      ],
    };
    const status = statusForMeasure(evaluation, m, g);
    const issue: fhir4.DetectedIssue = {
      resourceType: 'DetectedIssue',
      id: fhirId(`gap-${m.id}-${patientId}`),
      meta: { profile: [DEQM_GAPS_DETECTED_ISSUE_PROFILE] },
      modifierExtension: [
        {
          url: GAP_STATUS_EXTENSION,
          valueCodeableConcept: {
            coding: [{ system: GAPS_STATUS_SYSTEM, code: status, display: GAP_STATUS_DISPLAY[status] }],
          },
        },
      ],
      status: g.status === 'unknown' ? 'preliminary' : 'final',
      code: { coding: [{ ...CAREGAP }] },
      patient: { reference: patientUrl },
      identifiedPeriod: { start: evaluation.period.start, end: evaluation.period.end },
      evidence: [{ detail: [{ reference: reportUrl }] }],
      detail: g.closes ? `${g.why} To close: ${g.closes}${g.due ? ` (by ${g.due})` : ''}.` : g.why,
    };
    sections.push({ title: m.title, focus: { reference: reportUrl }, entry: [{ reference: issueUrl }] });
    measureEntries.push({ fullUrl: reportUrl, resource: report }, { fullUrl: issueUrl, resource: issue });
  }

  const shared: fhir4.BundleEntry[] = [
    { fullUrl: patientUrl, resource: patient },
    { fullUrl: orgUrl, resource: organization },
  ];
  const bundle: fhir4.Bundle = {
    resourceType: 'Bundle',
    id: fhirId(`gaps-${patientId}`),
    identifier: { system: 'urn:ietf:rfc:3986', value: url('bundle') },
    type: sections.length ? 'document' : 'collection',
    timestamp: instantOf(opts.date),
    entry: shared,
  };
  if (!sections.length) {
    return bundle;
  }
  bundle.meta = { profile: [DEQM_GAPS_BUNDLE_PROFILE] };
  const composition: fhir4.Composition = {
    resourceType: 'Composition',
    id: fhirId(`gaps-composition-${patientId}`),
    meta: { profile: [DEQM_GAPS_COMPOSITION_PROFILE] },
    status: 'final',
    type: { coding: [{ ...GAPS_IN_CARE_REPORT }] },
    subject: { reference: patientUrl },
    date: opts.date,
    author: [{ reference: orgUrl }],
    title: opts.title ?? 'Gaps in care report',
    custodian: { reference: orgUrl },
    section: sections,
  };
  bundle.entry = [{ fullUrl: url('composition'), resource: composition }, ...shared, ...measureEntries];
  return bundle;
}
