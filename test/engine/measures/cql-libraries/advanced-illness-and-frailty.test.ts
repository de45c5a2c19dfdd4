import { describe, expect, it } from 'vitest';
import {
  advancedIllnessAndFrailtyExclusion,
  frailtyByAgeBandExclusion,
  nursingHomeExclusion,
} from '../../../../src/engine/measures/cql-libraries/advanced-illness-and-frailty.ts';
import { medicationRequestPeriod } from '../../../../src/engine/cql/medication-request-period.ts';
import { cqlText } from '../../../../src/engine/cql/date-time.ts';
import { FRAILTY_DEVICE } from '../../../../src/engine/valuesets/catalog/frailty-device.ts';
import { FRAILTY_SYMPTOM } from '../../../../src/engine/valuesets/catalog/frailty-symptom.ts';
import { DEMENTIA_MEDICATIONS } from '../../../../src/engine/valuesets/catalog/dementia-medications.ts';
import { ADVANCED_ILLNESS } from '../../../../src/engine/valuesets/catalog/advanced-illness.ts';
import { concept, condition, conceptOf, contextFor, observation, patient } from '../aco-fixtures.ts';

const walker: fhir4.DeviceRequest = {
  resourceType: 'DeviceRequest',
  id: 'walker',
  status: 'completed',
  intent: 'order',
  subject: { reference: 'Patient/x' },
  codeCodeableConcept: conceptOf(FRAILTY_DEVICE),
  authoredOn: '2026-03-01',
};
const donepezil = (authoredOn: string, days: number): fhir4.MedicationRequest => ({
  resourceType: 'MedicationRequest',
  id: 'med',
  status: 'active',
  intent: 'order',
  subject: { reference: 'Patient/x' },
  medicationCodeableConcept: conceptOf(DEMENTIA_MEDICATIONS),
  authoredOn,
  dispenseRequest: {
    expectedSupplyDuration: { value: days, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' },
  },
});
const excluded = (birth: string, resources: fhir4.Resource[]) =>
  advancedIllnessAndFrailtyExclusion(contextFor(patient('p', birth), resources)).length > 0;

describe('AdvancedIllnessandFrailty: 66 and over with frailty and advanced illness', () => {
  it('excludes at 66 (birthday on the last day of the period), not at 65', () => {
    const both = [walker, condition('ai', ADVANCED_ILLNESS, '2026-02-01')];
    expect(excluded('1960-12-31', both)).toBe(true);
    expect(excluded('1961-01-01', both)).toBe(false);
  });

  it('needs both frailty and advanced illness', () => {
    expect(excluded('1950-01-01', [walker])).toBe(false);
    expect(excluded('1950-01-01', [condition('ai', ADVANCED_ILLNESS, '2026-02-01')])).toBe(false);
  });

  it('counts a frailty symptom and medical equipment in use as frailty', () => {
    const ai = condition('ai', ADVANCED_ILLNESS, '2025-01-01');
    expect(excluded('1950-01-01', [ai, observation('s', conceptOf(FRAILTY_SYMPTOM), '2026-06-01')])).toBe(true);
    const equipment = observation('eq', concept('http://loinc.org', '98181-1'), '2026-06-01', {
      valueCodeableConcept: conceptOf(FRAILTY_DEVICE),
    });
    expect(excluded('1950-01-01', [ai, equipment])).toBe(true);
  });

  it('counts a dementia medication whose supply reaches the year before the period', () => {
    // authored 3 Oct 2024 for 90 days: covers 3 Oct 2024 .. 31 Dec 2024 — the day before the window
    expect(excluded('1950-01-01', [walker, donepezil('2024-10-03', 90)])).toBe(false);
    // one day more reaches 1 Jan 2025, the first day of "the year before the period"
    expect(excluded('1950-01-01', [walker, donepezil('2024-10-03', 91)])).toBe(true);
  });

  it('CMS165 band: frailty alone from 81, not at 80', () => {
    expect(frailtyByAgeBandExclusion(contextFor(patient('p', '1945-12-31'), [walker])).length).toBeGreaterThan(0);
    expect(frailtyByAgeBandExclusion(contextFor(patient('p', '1946-01-01'), [walker])).length).toBe(0);
  });
});

describe('CumulativeMedicationDuration medicationRequestPeriod', () => {
  it('runs from authoredOn for the expected supply times one plus refills', () => {
    const m = {
      ...donepezil('2026-01-10', 30),
      dispenseRequest: { ...donepezil('2026-01-10', 30).dispenseRequest, numberOfRepeatsAllowed: 2 },
    };
    const iv = medicationRequestPeriod(m)!;
    expect([cqlText(iv.low!), cqlText(iv.high!)]).toEqual(['2026-01-10', '2026-04-09']);
  });

  it('computes the days from quantity and daily dose when no supply duration is given', () => {
    const m: fhir4.MedicationRequest = {
      ...donepezil('2026-01-01', 1),
      dispenseRequest: { quantity: { value: 60 } },
      dosageInstruction: [
        {
          timing: { repeat: { frequency: 2, period: 1, periodUnit: 'd' } },
          doseAndRate: [{ doseQuantity: { value: 1 } }],
        },
      ],
    };
    const iv = medicationRequestPeriod(m)!;
    expect(cqlText(iv.high!)).toBe('2026-01-30');
  });

  it('has no period without a start or a duration', () => {
    expect(medicationRequestPeriod({ ...donepezil('2026-01-01', 1), authoredOn: undefined })).toBeNull();
  });
});

describe('Living long term in a nursing home (66 and over)', () => {
  const housing = (id: string, day: string, code: string) =>
    observation(id, concept('http://loinc.org', '71802-3'), day, {
      valueCodeableConcept: concept('http://snomed.info/sct', code),
    });
  const ltc = (birth: string, resources: fhir4.Resource[]) =>
    nursingHomeExclusion(contextFor(patient('p', birth), resources)).length > 0;

  it('uses the most recent housing status on or before the period end', () => {
    expect(ltc('1950-01-01', [housing('a', '2026-02-01', '160734000')])).toBe(true);
    expect(ltc('1950-01-01', [housing('a', '2026-02-01', '160734000'), housing('b', '2026-09-01', '160903007')])).toBe(
      false,
    );
    expect(ltc('1950-01-01', [housing('a', '2026-02-01', '160734000'), housing('b', '2027-01-01', '160903007')])).toBe(
      true,
    );
  });

  it('does not apply at 65', () => {
    expect(ltc('1961-01-01', [housing('a', '2026-02-01', '160734000')])).toBe(false);
  });
});
