/**
 * The outreach worklist on 2026-06-10: one row per open gap still closable (due the day before
 * asOf: left out; due on asOf: in, 0 days left; due the day after: in, 1 day left; no due date: in,
 * last), with who the patient is and how to reach them, sorted by due date, then risk (highest flag
 * severity, then number of flags), then name.
 */
import { describe, expect, it } from 'vitest';
import {
  compareWorklistRows,
  isActionableGap,
  worklistLines,
  worklistRows,
  type PatientIdentity,
} from '../../../src/engine/index.ts';
import type { FlagResult, GapResult, PatientEvaluation } from '../../../src/engine/types.ts';
import { parseCsv } from './parse-csv.ts';

const AS_OF = '2026-06-10';
const gap = (id: string, status: GapResult['status'], due?: string): GapResult => ({
  id,
  title: `Gap ${id}`,
  status,
  ...(due ? { due } : {}),
  closes: `Close ${id}`,
  why: `Why ${id}`,
  evidence: [],
});
const flag = (severity: FlagResult['severity']): FlagResult => ({
  id: `f-${severity}`,
  severity,
  statement: 's',
  evidence: [],
});
function patient(
  id: string,
  gaps: GapResult[],
  flags: FlagResult[] = [],
): Pick<PatientEvaluation, 'patient' | 'asOf' | 'gaps' | 'flags'> {
  return { patient: `Patient/${id}`, asOf: AS_OF, gaps, flags };
}
const who = (id: string, name: string): PatientIdentity => ({
  patient: `Patient/${id}`,
  name,
  birthDate: '1970-01-01',
  mrn: `MRN-${id}`,
  phone: '555-0100',
  clinician: { reference: 'Practitioner/chen', display: 'NP Lily Chen', source: 'general-practitioner' },
});

describe('worklist', () => {
  it('keeps open gaps due on or after asOf (and without a due date), not missed, closed or unknown ones', () => {
    expect(isActionableGap(gap('a', 'open', '2026-06-09'), AS_OF)).toBe(false);
    expect(isActionableGap(gap('a', 'open', '2026-06-10'), AS_OF)).toBe(true);
    expect(isActionableGap(gap('a', 'open', '2026-06-11'), AS_OF)).toBe(true);
    expect(isActionableGap(gap('a', 'open'), AS_OF)).toBe(true);
    for (const s of ['closed', 'unknown', 'not-applicable'] as const) {
      expect(isActionableGap(gap('a', s, '2026-07-01'), AS_OF)).toBe(false);
    }
  });

  it('gives days left from asOf (0 on the due day) and who to call', () => {
    const rows = worklistRows(
      patient(
        'ana',
        [gap('fuh-7', 'open', '2026-06-10'), gap('fuh-30', 'open', '2026-07-03'), gap('old', 'open', '2026-06-09')],
        [flag('moderate')],
      ),
      who('ana', 'Ana Rivera'),
    );
    expect(rows.map((r) => [r.gapId, r.due, r.daysLeft])).toEqual([
      ['fuh-7', '2026-06-10', 0],
      ['fuh-30', '2026-07-03', 23],
    ]);
    expect(rows[0]).toMatchObject({
      name: 'Ana Rivera',
      birthDate: '1970-01-01',
      mrn: 'MRN-ana',
      phone: '555-0100',
      clinician: 'NP Lily Chen',
      risk: 'moderate',
      flags: 1,
      action: 'Close fuh-7',
      reason: 'Why fuh-7',
    });
  });

  it('sorts by due date, then risk (high before moderate, more flags first), then name; undated last', () => {
    const rows = [
      ...worklistRows(patient('zoe', [gap('g', 'open', '2026-06-12')], [flag('high')]), who('zoe', 'Zoe')),
      ...worklistRows(
        patient('amy', [gap('g', 'open', '2026-06-12')], [flag('moderate'), flag('moderate')]),
        who('amy', 'Amy'),
      ),
      ...worklistRows(
        patient('bob', [gap('g', 'open', '2026-06-12')], [flag('high'), flag('info')]),
        who('bob', 'Bob'),
      ),
      ...worklistRows(patient('cat', [gap('g', 'open', '2026-06-11'), gap('h', 'open')]), who('cat', 'Cat')),
      ...worklistRows(patient('dan', [gap('g', 'open', '2026-06-12')], [flag('high')]), who('dan', 'Dan')),
    ].sort(compareWorklistRows);
    expect(rows.map((r) => `${r.name}:${r.gapId}`)).toEqual(['Cat:g', 'Bob:g', 'Dan:g', 'Zoe:g', 'Amy:g', 'Cat:h']);
  });

  it('writes a CSV whose rows identify the person, formula-safe and RFC 4180-quoted', () => {
    const hostile = { ...who('eve', '=HYPERLINK("http://evil.example","Eve")'), phone: '+1 555-0100', mrn: '-42' };
    const lines = worklistLines(
      worklistRows(
        patient('eve', [{ ...gap('cms2', 'open', '2026-12-31'), closes: 'Screen, then "PHQ-9"\nif positive' }]),
        hostile,
      ),
    );
    const [header, row] = parseCsv(lines.join('\r\n') + '\r\n');
    expect(header).toEqual([
      'name',
      'birth-date',
      'mrn',
      'phone',
      'clinician',
      'gap-id',
      'gap-title',
      'due',
      'days-left',
      'risk',
      'flags',
      'action',
      'reason',
      'patient',
    ]);
    expect(row).toEqual([
      '\'=HYPERLINK("http://evil.example","Eve")',
      '1970-01-01',
      "'-42",
      "'+1 555-0100",
      'NP Lily Chen',
      'cms2',
      'Gap cms2',
      '2026-12-31',
      '204',
      'none',
      '0',
      'Screen, then "PHQ-9"\nif positive',
      'Why cms2',
      'Patient/eve',
    ]);
  });

  it('is only a header when nobody has an open gap', () => {
    expect(
      worklistLines(worklistRows(patient('ann', [gap('g', 'closed', '2026-07-01')]), who('ann', 'Ann'))),
    ).toHaveLength(1);
  });
});
