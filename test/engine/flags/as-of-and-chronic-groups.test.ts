/**
 * Issue 12 §4: nothing dated after the as-of date counts for a flag (a prescription written next
 * year is not polypharmacy today), checked flag by flag; and the multiple-chronic-conditions groups
 * read the SNOMED codes of each condition's official VSAC value set (src/engine/codes/chronic-condition-groups.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  AS_OF,
  condition,
  daysBefore,
  deviceRequest,
  edVisit,
  flag,
  flagsFor,
  gad7Total,
  inpatientStay,
  medication,
  medications,
  phq9Item9,
  scoreTotal,
  sdohAnswer,
  SNOMED,
} from './flag-fixtures.ts';
import { epochDay, isoDay } from '../../../src/engine/cql/calendar-days.ts';

const after = isoDay(epochDay(AS_OF) + 1);

describe('nothing dated after asOf counts (asOf 23 Nov 2026)', () => {
  it('counts five prescriptions written up to asOf as polypharmacy, but not when the fifth is written the day after', () => {
    const four = medications(4);
    const fifth = (authoredOn: string) => ({ ...medication('999001', 'Sertraline 50 MG Oral Tablet'), authoredOn });
    expect(flag(flagsFor([...four, fifth(AS_OF)]), 'polypharmacy')?.statement).toBe(
      '5 distinct active medications on the medication list.',
    );
    expect(flag(flagsFor([...four, fifth(after)]), 'polypharmacy')).toBeUndefined();
  });

  it('ignores a hospital bed ordered the day after asOf for the high-needs approximation', () => {
    const bed = (authoredOn: string) => ({ ...deviceRequest('E0250', 'Hospital bed, fixed height'), authoredOn });
    expect(flag(flagsFor([bed(AS_OF)]), 'high-needs-approx')).toBeDefined();
    expect(flag(flagsFor([bed(after)]), 'high-needs-approx')).toBeUndefined();
  });

  it('ignores a diagnosis with onset after asOf, and one recorded after asOf', () => {
    expect(flag(flagsFor([condition('F20.9', 'Schizophrenia', { onset: after })]), 'smi')).toBeUndefined();
    const recordedLater = condition('F20.9', 'Schizophrenia', { onset: '2020-01-01' });
    recordedLater.recordedDate = after;
    expect(flag(flagsFor([recordedLater]), 'smi')).toBeUndefined();
  });

  it('counts a diagnosis resolved only after asOf as current on asOf', () => {
    const c = condition('F31.9', 'Bipolar disorder, unspecified', { clinicalStatus: 'resolved', onset: '2019-02-01' });
    c.abatementDateTime = after;
    expect(flag(flagsFor([c]), 'smi')).toBeDefined();
    c.abatementDateTime = AS_OF;
    expect(flag(flagsFor([c]), 'smi')).toBeUndefined();
  });

  it('ignores an ED visit, a psychiatric admission, a screen and scores dated after asOf', () => {
    const later = [
      edVisit(after),
      inpatientStay(after, undefined, { dx: ['F20.9', 'Schizophrenia'] }),
      phq9Item9(after, 3),
      scoreTotal(after, 25),
      gad7Total(after, 20),
      sdohAnswer(after, '95618-5', 'LA6482-9'),
    ];
    expect(flagsFor(later).map((f) => f.id)).toEqual([]);
  });

  it('counts the same ED visit and PHQ-9 on asOf itself', () => {
    expect(
      flagsFor([edVisit(AS_OF), scoreTotal(AS_OF, 25)])
        .map((f) => f.id)
        .sort(),
    ).toEqual(['depression-severity', 'ed-recent']);
  });
});

describe('multiple chronic conditions from the SNOMED codes of official value sets', () => {
  it.each([
    ['433144002', 'Chronic kidney disease stage 3', 'chronic kidney disease'],
    ['700379002', 'Chronic kidney disease stage 3B', 'chronic kidney disease'],
    ['731000119105', 'Chronic kidney disease stage 3 due to type 2 diabetes mellitus', 'chronic kidney disease'],
    ['88805009', 'Chronic congestive heart failure (VSAC 2.16.840.1.113883.3.526.3.376)', 'heart failure'],
    ['185086009', 'Chronic obstructive bronchitis', 'COPD/asthma'],
    ['87433001', 'Pulmonary emphysema', 'COPD/asthma'],
    ['233678006', 'Childhood asthma (VSAC 2.16.840.1.113883.3.526.3.362)', 'COPD/asthma'],
    ['26929004', "Alzheimer's disease", 'dementia'],
    [
      '401314000',
      'Acute non-ST segment elevation myocardial infarction (VSAC 2.16.840.1.113883.3.526.3.403)',
      'acute myocardial infarction',
    ],
    ['49436004', 'Atrial fibrillation (VSAC 2.16.840.1.113883.3.117.1.7.1.202)', 'atrial fibrillation'],
    ['422504002', 'Ischemic stroke (VSAC 2.16.840.1.113883.3.117.1.7.1.247)', 'stroke/TIA'],
  ] as const)('groups SNOMED %s (%s) as %s', (code, display, label) => {
    const f = flag(
      flagsFor([
        condition(code, display, { system: SNOMED }),
        condition('E11.9', 'Type 2 diabetes mellitus without complications'),
      ]),
      'multiple-chronic-conditions',
    );
    expect(f?.statement).toContain(label);
    expect(f?.statement).toContain('diabetes');
  });

  it('does not group a single acute condition outside the eight groups (pneumonia) with diabetes', () => {
    expect(
      flag(
        flagsFor([
          condition('233604007', 'Pneumonia', { system: SNOMED }),
          condition('E11.9', 'Type 2 diabetes mellitus'),
        ]),
        'multiple-chronic-conditions',
      ),
    ).toBeUndefined();
  });

  it('counts conditions current on asOf only: heart failure diagnosed the day after asOf does not make two groups', () => {
    expect(
      flag(
        flagsFor([
          condition('84114007', 'Heart failure', { system: SNOMED, onset: after }),
          condition('E11.9', 'Type 2 diabetes mellitus'),
        ]),
        'multiple-chronic-conditions',
      ),
    ).toBeUndefined();
    expect(
      flag(
        flagsFor([
          condition('84114007', 'Heart failure', { system: SNOMED, onset: daysBefore(0) }),
          condition('E11.9', 'Type 2 diabetes mellitus'),
        ]),
        'multiple-chronic-conditions',
      ),
    ).toBeDefined();
  });
});
