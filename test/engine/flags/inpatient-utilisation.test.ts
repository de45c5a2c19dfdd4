import { describe, expect, it } from 'vitest';
import { daysBefore, flag, flagsFor, inpatientStay } from './flag-fixtures.ts';

const BIPOLAR: [string, string] = ['F31.2', 'Bipolar disorder, current episode manic severe with psychotic features'];
const PNEUMONIA: [string, string] = ['J18.9', 'Pneumonia, unspecified organism'];

describe('recent psychiatric admission (asOf 23 Nov 2026)', () => {
  it('flags a psychiatric discharge 3 days ago as high, naming the diagnosis and dates', () => {
    const f = flag(flagsFor([inpatientStay(daysBefore(10), daysBefore(3), { dx: BIPOLAR })]), 'psych-admission-recent');
    expect(f).toMatchObject({
      severity: 'high',
      statement:
        'Discharged 20 Nov 2026 (3 days ago) from an inpatient psychiatric stay for Bipolar disorder, current episode manic severe with psychotic features (F31.2), admitted 13 Nov 2026.',
    });
  });

  it('is high at 30 days after discharge and moderate at 31', () => {
    expect(
      flag(flagsFor([inpatientStay(daysBefore(40), daysBefore(30), { dx: BIPOLAR })]), 'psych-admission-recent')
        ?.severity,
    ).toBe('high');
    expect(
      flag(flagsFor([inpatientStay(daysBefore(40), daysBefore(31), { dx: BIPOLAR })]), 'psych-admission-recent')
        ?.severity,
    ).toBe('moderate');
  });

  it('counts a discharge 90 days ago but not 91 days ago', () => {
    expect(
      flag(flagsFor([inpatientStay(daysBefore(95), daysBefore(90), { dx: BIPOLAR })]), 'psych-admission-recent'),
    ).toBeDefined();
    expect(
      flag(flagsFor([inpatientStay(daysBefore(95), daysBefore(91), { dx: BIPOLAR })]), 'psych-admission-recent'),
    ).toBeUndefined();
  });

  it('does not flag a medical admission or a patient still admitted', () => {
    expect(
      flag(flagsFor([inpatientStay(daysBefore(10), daysBefore(3), { dx: PNEUMONIA })]), 'psych-admission-recent'),
    ).toBeUndefined();
    expect(
      flag(flagsFor([inpatientStay(daysBefore(3), undefined, { dx: BIPOLAR })]), 'psych-admission-recent'),
    ).toBeUndefined();
  });

  it('counts an intentional self-harm poisoning (T39.012A) as a mental-health principal diagnosis', () => {
    const stay = inpatientStay(daysBefore(6), daysBefore(4), {
      dx: ['T39.012A', 'Poisoning by aspirin, intentional self-harm, initial encounter'],
    });
    expect(flag(flagsFor([stay]), 'psych-admission-recent')).toBeDefined();
  });

  it('reads the principal diagnosis from Encounter.diagnosis rank 1 via the Condition', () => {
    const stay = inpatientStay(daysBefore(12), daysBefore(5), { dx: PNEUMONIA });
    stay.diagnosis = [
      { condition: { reference: 'Condition/dx-2' }, rank: 2 },
      { condition: { reference: 'Condition/dx-1' }, rank: 1 },
    ];
    const dx1: fhir4.Condition = {
      resourceType: 'Condition',
      id: 'dx-1',
      subject: { reference: 'Patient/p' },
      code: {
        coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'F20.0', display: 'Paranoid schizophrenia' }],
      },
    };
    const dx2: fhir4.Condition = {
      resourceType: 'Condition',
      id: 'dx-2',
      subject: { reference: 'Patient/p' },
      code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'E11.9', display: 'Type 2 diabetes' }] },
    };
    expect(flag(flagsFor([stay, dx1, dx2]), 'psych-admission-recent')?.statement).toContain(
      'Paranoid schizophrenia (F20.0)',
    );
  });
});

describe('readmission within 30 days (asOf 23 Nov 2026)', () => {
  it('flags an admission 30 days after the previous discharge', () => {
    const f = flag(
      flagsFor([inpatientStay('2026-03-01', '2026-03-05'), inpatientStay('2026-04-04', '2026-04-08')]),
      'readmission',
    );
    expect(f).toMatchObject({
      severity: 'high',
      statement: 'Readmitted 30 days after discharge: discharged 5 Mar 2026, readmitted 4 Apr 2026.',
    });
  });

  it('does not flag an admission 31 days after the previous discharge', () => {
    expect(
      flag(
        flagsFor([inpatientStay('2026-03-01', '2026-03-05'), inpatientStay('2026-04-05', '2026-04-08')]),
        'readmission',
      ),
    ).toBeUndefined();
  });

  it('treats a same-day re-admission as a transfer, not a readmission', () => {
    expect(
      flag(
        flagsFor([inpatientStay('2026-03-01', '2026-03-05'), inpatientStay('2026-03-05', '2026-03-09')]),
        'readmission',
      ),
    ).toBeUndefined();
  });

  it('only looks at readmissions in the last 12 months (365 days counts, 366 does not)', () => {
    const at = (n: number) => [
      inpatientStay(daysBefore(n + 12), daysBefore(n + 10)),
      inpatientStay(daysBefore(n), daysBefore(n - 2)),
    ];
    expect(flag(flagsFor(at(365)), 'readmission')).toBeDefined();
    expect(flag(flagsFor(at(366)), 'readmission')).toBeUndefined();
  });

  it('counts several readmissions and reports the latest', () => {
    const f = flag(
      flagsFor([
        inpatientStay('2026-02-01', '2026-02-03'),
        inpatientStay('2026-02-10', '2026-02-12'),
        inpatientStay('2026-03-01', '2026-03-04'),
      ]),
      'readmission',
    );
    expect(f?.statement).toBe(
      'Readmitted 17 days after discharge: discharged 12 Feb 2026, readmitted 1 Mar 2026 (2 readmissions in 12 months).',
    );
  });
});
