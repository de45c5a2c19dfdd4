import { describe, expect, it } from 'vitest';
import { displayName, localIsoDate, summarisePatient } from '../../src/app/patient-summary.ts';

const maria: fhir4.Patient = {
  resourceType: 'Patient',
  id: 'maria',
  name: [
    { use: 'usual', given: ['Mari'] },
    { use: 'official', given: ['Maria', 'Elena'], family: 'Lopez' },
  ],
  gender: 'female',
  birthDate: '1980-03-15',
};

describe('patient summary', () => {
  it('shows the official name, age and sex of Maria Lopez', () => {
    expect(summarisePatient(maria, '2026-03-15')).toEqual({
      name: 'Maria Elena Lopez',
      age: 46,
      birthDate: '1980-03-15',
      sex: 'Female',
    });
  });

  it('does not count the birthday before it arrives', () => {
    expect(summarisePatient(maria, '2026-03-14').age).toBe(45);
  });

  it('copes with a patient who has no name, sex or birth date', () => {
    expect(summarisePatient({ resourceType: 'Patient' }, '2026-03-15')).toEqual({
      name: 'Unnamed patient',
      sex: 'Unknown',
    });
  });

  it('falls back to name text', () => {
    expect(displayName({ resourceType: 'Patient', name: [{ text: 'J. Doe' }] })).toBe('J. Doe');
  });

  it('formats a local date', () => {
    expect(localIsoDate(new Date(2026, 0, 5, 23, 0))).toBe('2026-01-05');
  });
});
