import { describe, expect, it } from 'vitest';
import { condition, flag, flagsFor, medication, medications } from './flag-fixtures.ts';

describe('multiple chronic conditions (MCC groups)', () => {
  it('does not flag one group (diabetes twice still counts as one group)', () => {
    expect(
      flag(
        flagsFor([condition('E11.9', 'Type 2 diabetes'), condition('E11.65', 'Type 2 diabetes with hyperglycemia')]),
        'multiple-chronic-conditions',
      ),
    ).toBeUndefined();
  });

  it('flags two groups, naming them', () => {
    expect(
      flag(
        flagsFor([condition('E11.9', 'Type 2 diabetes'), condition('I50.22', 'Chronic systolic heart failure')]),
        'multiple-chronic-conditions',
      ),
    ).toMatchObject({
      severity: 'moderate',
      statement: '2 of the 8 MCC chronic-condition groups: diabetes and heart failure.',
    });
  });

  it('reads SNOMED COPD and ICD-10 atrial fibrillation', () => {
    const f = flag(
      flagsFor([
        condition('13645005', 'Chronic obstructive lung disease', { system: 'http://snomed.info/sct' }),
        condition('I48.91', 'Atrial fibrillation'),
      ]),
      'multiple-chronic-conditions',
    );
    expect(f?.statement).toBe('2 of the 8 MCC chronic-condition groups: atrial fibrillation and COPD/asthma.');
  });

  it('does not count a resolved condition, nor hypertension (not an MCC group)', () => {
    expect(
      flag(
        flagsFor([
          condition('E11.9', 'Type 2 diabetes'),
          condition('I63.9', 'Cerebral infarction', { clinicalStatus: 'resolved' }),
          condition('I10', 'Essential hypertension'),
        ]),
        'multiple-chronic-conditions',
      ),
    ).toBeUndefined();
  });

  it('does not count transient global amnesia (G45.4) as stroke/TIA', () => {
    expect(
      flag(
        flagsFor([condition('E11.9', 'Type 2 diabetes'), condition('G45.4', 'Transient global amnesia')]),
        'multiple-chronic-conditions',
      ),
    ).toBeUndefined();
    expect(
      flag(
        flagsFor([condition('E11.9', 'Type 2 diabetes'), condition('G45.9', 'Transient cerebral ischemic attack')]),
        'multiple-chronic-conditions',
      ),
    ).toBeDefined();
  });
});

describe('polypharmacy', () => {
  it('raises no flag at 4 active medications', () => {
    expect(flag(flagsFor(medications(4)), 'polypharmacy')).toBeUndefined();
  });

  it('is moderate at 5 and 9, high at 10', () => {
    expect(flag(flagsFor(medications(5)), 'polypharmacy')).toMatchObject({
      severity: 'moderate',
      statement: '5 distinct active medications on the medication list.',
    });
    expect(flag(flagsFor(medications(9)), 'polypharmacy')?.severity).toBe('moderate');
    expect(flag(flagsFor(medications(10)), 'polypharmacy')?.severity).toBe('high');
  });

  it('counts one drug ordered twice once', () => {
    const meds = [
      ...medications(4),
      medication('310385', 'fluoxetine 20 MG Oral Capsule'),
      medication('310385', 'fluoxetine 20 MG Oral Capsule'),
    ];
    expect(flag(flagsFor(meds), 'polypharmacy')?.statement).toBe(
      '5 distinct active medications on the medication list.',
    );
  });

  it('does not count stopped, completed, proposed or entered-in-error requests', () => {
    const meds = [
      ...medications(4),
      medication('197361', 'amlodipine 5 MG', { status: 'stopped' }),
      medication('314076', 'lisinopril 10 MG', { status: 'completed' }),
      medication('860975', 'metformin 500 MG', { intent: 'proposal' }),
      medication('617312', 'atorvastatin 10 MG', { status: 'entered-in-error' }),
    ];
    expect(flag(flagsFor(meds), 'polypharmacy')).toBeUndefined();
  });

  it('counts a plan-intent request', () => {
    expect(
      flag(flagsFor([...medications(4), medication('860975', 'metformin 500 MG', { intent: 'plan' })]), 'polypharmacy'),
    ).toBeDefined();
  });
});
