/**
 * Who a patient-level row is about: name, birth date, MRN (the `MR` identifier, else the first),
 * a phone to call, and the attributed clinician — Patient.generalPractitioner, else the
 * practitioner of most qualifying visits (the Encounters the measures cite), else unattributed.
 * Malformed Patient fields give an empty field, never a crash.
 */
import { describe, expect, it } from 'vitest';
import {
  attributedClinician,
  clinicianKey,
  clinicianLabel,
  contactPhone,
  medicalRecordNumber,
  patientIdentity,
  patientName,
} from '../../../src/engine/report/patient-identity.ts';
import { recordFromResources } from '../../../src/engine/record.ts';
import type { MeasureResult } from '../../../src/engine/types.ts';

const MR = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] };
const MARIA: fhir4.Patient = {
  resourceType: 'Patient',
  id: 'maria',
  name: [
    { use: 'old', given: ['Maria'], family: 'Lopez' },
    { use: 'official', given: ['Maria', 'José'], family: 'Garcia' },
  ],
  birthDate: '1961-03-14',
  identifier: [
    { system: 'urn:oid:2.16.840.1.113883.4.1', value: '999-12-3456' },
    { type: MR, system: 'urn:oid:1.2.3', value: 'MRN-7781' },
  ],
  telecom: [
    { system: 'email', value: 'm@example.org' },
    { system: 'phone', value: '555-0100', use: 'work' },
    { system: 'phone', value: '555-0199', use: 'old' },
    { system: 'phone', value: '555-0142', use: 'mobile' },
  ],
};

/** A finished visit with its practitioners (PPRF = primary performer). */
function visit(
  id: string,
  start: string,
  ...participants: Array<{ ref: string; display?: string; type?: string }>
): fhir4.Encounter {
  return {
    resourceType: 'Encounter',
    id,
    status: 'finished',
    class: { code: 'AMB' },
    subject: { reference: 'Patient/maria' },
    period: { start },
    participant: participants.map((p) => ({
      individual: { reference: p.ref, ...(p.display ? { display: p.display } : {}) },
      ...(p.type
        ? {
            type: [
              { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: p.type }] },
            ],
          }
        : {}),
    })),
  };
}
/** The measures citing the given Encounters as qualifying visits. */
function citing(...ids: string[]): { measures: MeasureResult[] } {
  const m: MeasureResult = {
    id: 'cms2',
    measureUrl: 'x',
    version: '1',
    title: 'x',
    status: 'met',
    populations: {
      'initial-population': 1,
      denominator: 1,
      'denominator-exclusion': 0,
      'denominator-exception': 0,
      numerator: 1,
    },
    evidence: ids.map((id) => ({ reference: `Encounter/${id}`, rule: 'qualifying-encounter' })),
  };
  return { measures: [m] };
}

describe('patient identity', () => {
  it('names Maria from her official name, not the old one', () => {
    expect(patientName(MARIA)).toBe('Maria José Garcia');
    expect(patientName({ resourceType: 'Patient', name: [{ text: '  Ana  Rivera ' }] })).toBe('Ana  Rivera');
    expect(patientName({ resourceType: 'Patient' })).toBeUndefined();
  });

  it('takes the MR-typed identifier as MRN, else the first identifier', () => {
    expect(medicalRecordNumber(MARIA)).toBe('MRN-7781');
    expect(medicalRecordNumber({ resourceType: 'Patient', identifier: [{ value: 'A-1' }, { value: 'B-2' }] })).toBe(
      'A-1',
    );
    expect(medicalRecordNumber({ resourceType: 'Patient', identifier: [{ type: MR }] })).toBeUndefined();
  });

  it('calls the mobile before the work phone, never an old one or an email', () => {
    expect(contactPhone(MARIA)).toBe('555-0142');
    expect(
      contactPhone({
        resourceType: 'Patient',
        telecom: [{ system: 'phone', value: '555-0001', period: { end: '2020-01-01' } }],
      }),
    ).toBeUndefined();
  });

  it('attributes to Patient.generalPractitioner, with its display', () => {
    const p = {
      ...MARIA,
      generalPractitioner: [
        { reference: 'Organization/clinic' },
        { reference: 'Practitioner/dr-rivera', display: 'Dr. Ana Rivera' },
      ],
    };
    expect(attributedClinician(recordFromResources([p]))).toEqual({
      reference: 'Practitioner/dr-rivera',
      display: 'Dr. Ana Rivera',
      source: 'general-practitioner',
    });
  });

  it('without a general practitioner, attributes to the practitioner of most qualifying visits', () => {
    const record = recordFromResources([
      { ...MARIA, generalPractitioner: [{ reference: 'Organization/clinic' }] } as fhir4.Patient,
      visit('v1', '2026-02-01', { ref: 'Practitioner/chen', display: 'NP Lily Chen' }),
      visit('v2', '2026-05-01', { ref: 'Practitioner/chen' }),
      visit('v3', '2026-09-01', { ref: 'Practitioner/okafor', display: 'Dr. Chidi Okafor' }),
      // not a qualifying visit: does not count, however many there are
      visit('ed1', '2026-10-01', { ref: 'Practitioner/okafor' }),
      visit('ed2', '2026-10-02', { ref: 'Practitioner/okafor' }),
    ]);
    expect(attributedClinician(record, citing('v1', 'v2', 'v3'))).toEqual({
      reference: 'Practitioner/chen',
      display: 'NP Lily Chen',
      source: 'qualifying-visits',
    });
  });

  it('counts the primary performer of a visit that types its participants, and breaks a tie by the latest visit', () => {
    const record = recordFromResources([
      MARIA,
      visit(
        'v1',
        '2026-02-01',
        { ref: 'Practitioner/chen', type: 'PPRF' },
        { ref: 'Practitioner/student', type: 'PART' },
      ),
      visit('v2', '2026-06-01', { ref: 'Practitioner/okafor' }),
    ]);
    expect(attributedClinician(record, citing('v1', 'v2'))?.reference).toBe('Practitioner/okafor');
    expect(attributedClinician(record, citing('v1'))?.reference).toBe('Practitioner/chen');
  });

  it('leaves a patient with neither a general practitioner nor a qualifying visit unattributed', () => {
    const c = attributedClinician(
      recordFromResources([MARIA, visit('v1', '2026-02-01', { ref: 'Practitioner/chen' })]),
      citing(),
    );
    expect(c).toBeUndefined();
    expect([clinicianKey(c), clinicianLabel(c)]).toEqual(['unattributed', 'Unattributed']);
  });

  it('gathers the extract for a row, and survives malformed Patient fields', () => {
    expect(patientIdentity(recordFromResources([MARIA]))).toEqual({
      patient: 'Patient/maria',
      name: 'Maria José Garcia',
      birthDate: '1961-03-14',
      mrn: 'MRN-7781',
      phone: '555-0142',
    });
    const bad = {
      resourceType: 'Patient',
      id: 'x',
      name: 'Maria',
      identifier: { value: 1 },
      telecom: [null, 7],
      generalPractitioner: 'Dr',
    } as unknown as fhir4.Patient;
    expect(patientIdentity(recordFromResources([bad]))).toEqual({ patient: 'Patient/x' });
  });
});
