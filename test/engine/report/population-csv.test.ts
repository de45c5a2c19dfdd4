/**
 * The population table as CSV: Ben (not met for CMS2, gap open) gives a measure row and a gap row,
 * and a closing action with commas and quotes is quoted per RFC 4180.
 */
import { describe, expect, it } from 'vitest';
import { csvField, csvHeader, csvRows } from '../../../src/engine/report/population-csv.ts';
import type { PatientEvaluation } from '../../../src/engine/types.ts';

const BEN: PatientEvaluation = {
  patient: 'Patient/ben', period: { start: '2026-01-01', end: '2026-12-31' }, asOf: '2026-12-31', flags: [], actions: [], issues: [],
  measures: [{
    id: 'cms2', measureUrl: 'https://example.org/Measure/cms2', version: '1', title: 'Depression screening', status: 'not-met', evidence: [],
    populations: { 'initial-population': 1, denominator: 1, 'denominator-exclusion': 0, 'denominator-exception': 0, numerator: 0 },
    closes: { what: 'Screen for depression, "PHQ-9" preferred', due: '2026-12-31' },
  }],
  gaps: [{ id: 'fuh-7', title: 'Follow-up after MH stay', status: 'open', due: '2026-06-08', closes: 'Follow-up visit\nwithin 7 days', why: 'discharged', evidence: [] }],
};

describe('population CSV', () => {
  it('has a header naming patient, id, kind, status, the five counts, due and closes', () => {
    expect(csvHeader()).toBe('patient,id,kind,status,initial-population,denominator,denominator-exclusion,denominator-exception,numerator,due,closes');
  });

  it('writes Ben\'s CMS2 row with counts and the quoted closing action', () => {
    expect(csvRows(BEN)[0]).toBe('Patient/ben,cms2,measure,not-met,1,1,0,0,0,2026-12-31,"Screen for depression, ""PHQ-9"" preferred"');
  });

  it('writes Ben\'s open FUH gap with empty counts and a quoted line break', () => {
    expect(csvRows(BEN)[1]).toBe('Patient/ben,fuh-7,gap,open,,,,,,2026-06-08,"Follow-up visit\nwithin 7 days"');
  });

  it('gives every row as many fields as the header', () => {
    expect(csvRows({ ...BEN, measures: [{ ...BEN.measures[0]!, closes: undefined, status: 'met' }], gaps: [] })).toEqual(['Patient/ben,cms2,measure,met,1,1,0,0,0,,']);
  });

  it('leaves plain fields unquoted and quotes a carriage return', () => {
    expect([csvField('a'), csvField(3), csvField(undefined), csvField('a\rb')]).toEqual(['a', '3', '', '"a\rb"']);
  });

  it('writes nothing for a patient with no measure and no gap', () => {
    expect(csvRows({ ...BEN, measures: [], gaps: [] })).toEqual([]);
  });
});
