import { describe, expect, it } from 'vitest';
import {
  CAREGAP,
  DEQM_GAPS_BUNDLE_PROFILE,
  DEQM_GAPS_COMPOSITION_PROFILE,
  DEQM_GAPS_DETECTED_ISSUE_PROFILE,
  DEQM_INDIVIDUAL_MEASURE_REPORT_PROFILE,
  deterministicUuid,
  GAP_STATUS_EXTENSION,
  GAPS_STATUS_SYSTEM,
  MEASURE_SCORING_EXTENSION,
  toGapsBundle,
} from '../../../src/engine/report/deqm-gaps-bundle.ts';
import { measureGap } from '../../../src/engine/gaps/measure-gaps.ts';
import { evaluatePatient } from '../../../src/engine/evaluate-patient.ts';
import { recordFromResources } from '../../../src/engine/record.ts';
import type { PatientEvaluation } from '../../../src/engine/types.ts';
import { measureResult, patient, visit } from '../gaps/gap-fixtures.ts';

const DATE = '2026-11-23T15:04:05Z';
const PERIOD = { start: '2026-01-01', end: '2026-12-31' };
const UUID_URL = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ABSOLUTE_URL = /^https?:\/\/\S+$/;

/** Grace Hopper's evaluation: one measure per gap status. */
function graceEvaluation(asOf = '2026-11-23'): PatientEvaluation {
  const measures = [
    measureResult('cms2', 'not-met', {
      title: 'Depression screening',
      closes: { what: 'Screen for depression', due: '2026-12-31' },
      evidence: [{ reference: 'Encounter/e1', rule: 'qualifying-encounter' }],
    }),
    measureResult('cms122', 'met', {
      title: 'Glycemic status > 9%',
      inverse: true,
      closes: { what: 'Repeat HbA1c', due: '2026-12-31' },
    }),
    measureResult('cms125', 'met', {
      title: 'Breast cancer screening',
      evidence: [{ reference: 'DiagnosticReport/mammo', rule: 'mammography' }],
    }),
    measureResult('cms130', 'excluded', { title: 'Colorectal cancer screening' }),
    measureResult('cms165', 'unknown', {
      title: 'Controlling high blood pressure',
      reasons: ['Observation is incomplete: page 2 failed'],
    }),
  ];
  return {
    patient: 'Patient/grace-hopper',
    period: PERIOD,
    asOf,
    measures,
    gaps: measures.map(measureGap),
    flags: [],
    actions: [],
    issues: [],
  };
}

type Entry = fhir4.BundleEntry & { resource: fhir4.Resource };
const entries = (b: fhir4.Bundle) => (b.entry ?? []) as Entry[];
const byUrl = (b: fhir4.Bundle) => new Map(entries(b).map((e) => [e.fullUrl!, e.resource]));
const ofType = <T extends fhir4.Resource>(b: fhir4.Bundle, type: T['resourceType']) =>
  entries(b)
    .filter((e) => e.resource.resourceType === type)
    .map((e) => e.resource as T);
const statusCode = (i: fhir4.DetectedIssue) =>
  i.modifierExtension?.find((x) => x.url === GAP_STATUS_EXTENSION)?.valueCodeableConcept?.coding?.[0];

/** Every `reference` inside a resource, except MeasureReport.evaluatedResource (EHR references by design). */
function referencesIn(value: unknown, path = ''): string[] {
  if (!value || typeof value !== 'object') {
    return [];
  }
  if (Array.isArray(value)) {
    return value.flatMap((v) => referencesIn(v, path));
  }
  const out: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (k === 'evaluatedResource') {
      continue;
    }
    if (k === 'reference' && typeof v === 'string') {
      out.push(v);
    } else {
      out.push(...referencesIn(v, `${path}.${k}`));
    }
  }
  return out;
}

describe('toGapsBundle: Da Vinci DEQM gaps-in-care document', () => {
  const bundle = toGapsBundle(graceEvaluation(), {
    date: DATE,
    organization: {
      name: 'Riverside ACO',
      identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: '1234567893' }],
    },
  });

  it('is a document Bundle with identifier, instant timestamp and the gaps-bundle profile', () => {
    expect(bundle.type).toBe('document');
    expect(bundle.meta?.profile).toEqual([DEQM_GAPS_BUNDLE_PROFILE]);
    expect(bundle.identifier?.system).toBe('urn:ietf:rfc:3986');
    expect(bundle.identifier?.value).toMatch(UUID_URL);
    expect(bundle.timestamp).toBe(DATE);
  });

  it('gives every entry a unique urn:uuid (or absolute) fullUrl and puts the Composition first', () => {
    const urls = entries(bundle).map((e) => e.fullUrl!);
    for (const u of urls) {
      expect(u).toSatisfy((x: string) => UUID_URL.test(x) || ABSOLUTE_URL.test(x));
    }
    expect(new Set(urls).size).toBe(urls.length);
    expect(entries(bundle)[0]?.resource.resourceType).toBe('Composition');
    expect(ofType(bundle, 'Composition')).toHaveLength(1);
  });

  it('resolves every reference between its resources inside the Bundle', () => {
    const urls = byUrl(bundle);
    const refs = entries(bundle).flatMap((e) => referencesIn(e.resource));
    expect(refs.length).toBeGreaterThan(20);
    for (const r of refs) {
      expect(urls.has(r), `unresolved reference ${r}`).toBe(true);
    }
  });

  it('has a Composition with every required element of the DEQM Gaps In Care Composition profile', () => {
    const [c] = ofType<fhir4.Composition>(bundle, 'Composition');
    const urls = byUrl(bundle);
    expect(c!.meta?.profile).toEqual([DEQM_GAPS_COMPOSITION_PROFILE]);
    expect(c!.status).toBe('final');
    expect(c!.type.coding).toEqual([{ system: 'http://loinc.org', code: '96315-7', display: 'Gaps in care report' }]);
    expect(urls.get(c!.subject!.reference!)?.resourceType).toBe('Patient');
    expect(c!.date).toBe(DATE);
    expect(c!.author.length).toBeGreaterThanOrEqual(1);
    expect(urls.get(c!.author[0]!.reference!)).toMatchObject({ resourceType: 'Organization', name: 'Riverside ACO' });
    expect(urls.get(c!.custodian!.reference!)?.resourceType).toBe('Organization');
    expect(c!.title).toBe('Gaps in care report');
    expect(c!.section?.map((s) => s.title)).toEqual([
      'Depression screening',
      'Glycemic status > 9%',
      'Breast cancer screening',
      'Colorectal cancer screening',
      'Controlling high blood pressure',
    ]);
    for (const s of c!.section ?? []) {
      expect(urls.get(s.focus!.reference!)?.resourceType).toBe('MeasureReport');
      expect(s.entry?.length).toBe(1);
      const issue = urls.get(s.entry![0]!.reference!) as fhir4.DetectedIssue;
      expect(issue.resourceType).toBe('DetectedIssue');
      // the section's DetectedIssue points at the section's MeasureReport
      expect(issue.evidence?.[0]?.detail?.[0]?.reference).toBe(s.focus!.reference);
    }
  });

  it('has DetectedIssues with every required element of the DEQM Gaps In Care DetectedIssue profile', () => {
    const patientUrl = entries(bundle).find((e) => e.resource.resourceType === 'Patient')!.fullUrl;
    for (const i of ofType<fhir4.DetectedIssue>(bundle, 'DetectedIssue')) {
      expect(i.meta?.profile).toEqual([DEQM_GAPS_DETECTED_ISSUE_PROFILE]);
      expect(i.modifierExtension?.filter((x) => x.url === GAP_STATUS_EXTENSION)).toHaveLength(1);
      expect(statusCode(i)?.system).toBe(GAPS_STATUS_SYSTEM);
      expect(['open-gap', 'closed-gap', 'prospective-gap', 'not-applicable']).toContain(statusCode(i)?.code);
      expect(i.code?.coding).toEqual([
        { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'CAREGAP', display: CAREGAP.display },
      ]);
      expect(i.patient?.reference).toBe(patientUrl);
      expect(i.evidence).toHaveLength(1);
      expect(i.evidence?.[0]?.detail).toHaveLength(1);
    }
  });

  it('has individual MeasureReports with every required element of the DEQM Individual MeasureReport profile', () => {
    const orgUrl = entries(bundle).find((e) => e.resource.resourceType === 'Organization')!.fullUrl;
    for (const r of ofType<fhir4.MeasureReport>(bundle, 'MeasureReport')) {
      expect(r.meta?.profile).toEqual([DEQM_INDIVIDUAL_MEASURE_REPORT_PROFILE]);
      expect(r.type).toBe('individual');
      expect(['complete', 'pending']).toContain(r.status);
      expect(r.measure).toMatch(/\|.+$/); // deqm-0: versioned canonical
      expect(r.date).toBe(DATE);
      expect(r.reporter?.reference).toBe(orgUrl);
      expect(r.period.start!.length).toBeGreaterThan(9); // deqm-1: day precision
      expect(r.period.end!.length).toBeGreaterThan(9);
      expect(r.extension?.filter((x) => x.url === MEASURE_SCORING_EXTENSION)).toHaveLength(1); // deqm-3
      expect(r.improvementNotation?.coding?.[0]?.code).toMatch(/^(increase|decrease)$/); // deqm-2
      expect(r.group?.[0]?.population?.length).toBe(5); // deqm-5
      expect(r.id).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
    }
    const cms2 = ofType<fhir4.MeasureReport>(bundle, 'MeasureReport').find((r) => r.measure.includes('/cms2|'));
    expect(cms2?.evaluatedResource).toEqual([{ reference: 'Encounter/e1' }]);
  });

  it('maps gap statuses: not met before the due date is prospective, inverse numerator is a gap, met is closed, excluded is not applicable', () => {
    const statusOf = (b: fhir4.Bundle) => {
      const urls = byUrl(b);
      const [c] = ofType<fhir4.Composition>(b, 'Composition');
      return Object.fromEntries(
        c!.section!.map((s) => {
          const i = urls.get(s.entry![0]!.reference!) as fhir4.DetectedIssue;
          return [s.title, `${statusCode(i)?.code}/${i.status}`];
        }),
      );
    };
    expect(statusOf(bundle)).toEqual({
      'Depression screening': 'prospective-gap/final',
      'Glycemic status > 9%': 'prospective-gap/final',
      'Breast cancer screening': 'closed-gap/final',
      'Colorectal cancer screening': 'not-applicable/final',
      // unknown: provisional populations (in the denominator, numerator 0) and a preliminary issue
      'Controlling high blood pressure': 'open-gap/preliminary',
    });
    const atPeriodEnd = toGapsBundle(graceEvaluation('2026-12-31'), { date: DATE });
    expect(statusOf(atPeriodEnd)['Depression screening']).toBe('open-gap/final');
    expect(statusOf(atPeriodEnd)['Glycemic status > 9%']).toBe('open-gap/final');
  });

  it('marks the inverse measure report with improvementNotation decrease', () => {
    const cms122 = ofType<fhir4.MeasureReport>(bundle, 'MeasureReport').find((r) => r.measure.includes('/cms122|'));
    expect(cms122?.improvementNotation?.coding?.[0]?.code).toBe('decrease');
  });

  it('is deterministic, differs per patient, and does not mutate the evaluation', () => {
    const evaluation = graceEvaluation();
    const before = JSON.stringify(evaluation);
    const a = toGapsBundle(evaluation, { date: DATE });
    expect(JSON.stringify(evaluation)).toBe(before);
    expect(toGapsBundle(evaluation, { date: DATE })).toEqual(a);
    const other = toGapsBundle({ ...evaluation, patient: 'Patient/alan-turing' }, { date: DATE });
    expect(other.identifier?.value).not.toBe(a.identifier?.value);
    expect(deterministicUuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('turns a date-only report date into a midnight-UTC instant for Bundle.timestamp', () => {
    expect(toGapsBundle(graceEvaluation(), { date: '2026-11-23' }).timestamp).toBe('2026-11-23T00:00:00Z');
  });

  it('includes the given Patient resource', () => {
    const grace = patient('grace-hopper', 'Grace', 'Hopper');
    const b = toGapsBundle(graceEvaluation(), { date: DATE, patient: grace });
    expect(ofType<fhir4.Patient>(b, 'Patient')[0]).toMatchObject({
      id: 'grace-hopper',
      name: [{ given: ['Grace'], family: 'Hopper' }],
    });
  });

  it('is a collection without a Composition when there is no measure (no section possible)', () => {
    const b = toGapsBundle({ ...graceEvaluation(), measures: [], gaps: [] }, { date: DATE });
    expect(b.type).toBe('collection');
    expect(ofType(b, 'Composition')).toHaveLength(0);
  });

  it('builds a valid document from a real evaluation (one section per evaluated measure)', () => {
    const ada = patient('ada-lovelace', 'Ada', 'Lovelace', '1960-12-10');
    const evaluation = evaluatePatient(recordFromResources([ada, visit('2026-04-02')]), {
      period: PERIOD,
      asOf: '2026-11-23',
    });
    const b = toGapsBundle(evaluation, { date: DATE, patient: ada });
    const [c] = ofType<fhir4.Composition>(b, 'Composition');
    expect(c!.section).toHaveLength(evaluation.measures.length);
    const urls = byUrl(b);
    for (const r of entries(b).flatMap((e) => referencesIn(e.resource))) {
      expect(urls.has(r)).toBe(true);
    }
  });
});
