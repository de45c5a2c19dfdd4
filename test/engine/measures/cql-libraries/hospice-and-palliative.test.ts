import { describe, expect, it } from 'vitest';
import { hospiceEvidence } from '../../../../src/engine/measures/cql-libraries/hospice.ts';
import { palliativeCareEvidence } from '../../../../src/engine/measures/cql-libraries/palliative-care.ts';
import { ENCOUNTER_INPATIENT } from '../../../../src/engine/valuesets/catalog/encounter-inpatient.ts';
import { HOSPICE_ENCOUNTER } from '../../../../src/engine/valuesets/catalog/hospice-encounter.ts';
import { HOSPICE_CARE_AMBULATORY } from '../../../../src/engine/valuesets/catalog/hospice-care-ambulatory.ts';
import { HOSPICE_DIAGNOSIS } from '../../../../src/engine/valuesets/catalog/hospice-diagnosis.ts';
import { PALLIATIVE_CARE_DIAGNOSIS } from '../../../../src/engine/valuesets/catalog/palliative-care-diagnosis.ts';
import { PALLIATIVE_CARE_ENCOUNTER } from '../../../../src/engine/valuesets/catalog/palliative-care-encounter.ts';
import { PALLIATIVE_CARE_INTERVENTION } from '../../../../src/engine/valuesets/catalog/palliative-care-intervention.ts';
import {
  concept,
  condition,
  conceptOf,
  contextFor,
  encounter,
  observation,
  patient,
  procedure,
} from '../aco-fixtures.ts';

const ruth = patient('ruth', '1950-01-15');
const hospice = (resources: fhir4.Resource[]) => hospiceEvidence(contextFor(ruth, resources)).length > 0;
const palliative = (resources: fhir4.Resource[]) => palliativeCareEvidence(contextFor(ruth, resources)).length > 0;
const toHospice = { dischargeDisposition: concept('http://snomed.info/sct', '428361000124107') };

describe('Hospice."Has Hospice Services"', () => {
  it('counts an inpatient stay discharged to hospice on the first day of the period', () => {
    expect(
      hospice([encounter('stay', ENCOUNTER_INPATIENT, '2025-12-20', '2026-01-01', { hospitalization: toHospice })]),
    ).toBe(true);
  });

  it('does not count a discharge to hospice on the last day of the year before', () => {
    expect(
      hospice([encounter('stay', ENCOUNTER_INPATIENT, '2025-12-20', '2025-12-31', { hospitalization: toHospice })]),
    ).toBe(false);
  });

  it('does not count an inpatient stay discharged home', () => {
    const home = {
      dischargeDisposition: concept('http://terminology.hl7.org/CodeSystem/discharge-disposition', 'home'),
    };
    expect(
      hospice([encounter('stay', ENCOUNTER_INPATIENT, '2026-02-01', '2026-02-05', { hospitalization: home })]),
    ).toBe(false);
  });

  it('counts a hospice encounter that started before and overlaps the period', () => {
    expect(hospice([encounter('h', HOSPICE_ENCOUNTER, '2025-11-01', '2026-01-01')])).toBe(true);
  });

  it('does not count a hospice encounter that is not finished', () => {
    expect(hospice([encounter('h', HOSPICE_ENCOUNTER, '2026-03-01', '2026-03-01', { status: 'cancelled' })])).toBe(
      false,
    );
  });

  it('counts an MDS hospice assessment answered yes, not one answered no', () => {
    const mds = (id: string, answer: string) =>
      observation(id, concept('http://loinc.org', '45755-6'), '2026-05-01', {
        valueCodeableConcept: concept('http://snomed.info/sct', answer),
      });
    expect(hospice([mds('yes', '373066001')])).toBe(true);
    expect(hospice([mds('no', '373067005')])).toBe(false);
  });

  it('counts an active ambulatory hospice order authored in the period', () => {
    const order: fhir4.ServiceRequest = {
      resourceType: 'ServiceRequest',
      id: 'o',
      status: 'active',
      intent: 'order',
      subject: { reference: 'Patient/ruth' },
      code: conceptOf(HOSPICE_CARE_AMBULATORY),
      authoredOn: '2026-08-01',
    };
    expect(hospice([order])).toBe(true);
    expect(hospice([{ ...order, intent: 'proposal' } as fhir4.ServiceRequest])).toBe(false);
  });

  it('counts hospice care performed and a hospice diagnosis overlapping the period', () => {
    expect(hospice([procedure('p', HOSPICE_CARE_AMBULATORY, '2026-07-01')])).toBe(true);
    expect(hospice([condition('d', HOSPICE_DIAGNOSIS, '2026-12-31')])).toBe(true);
    expect(hospice([condition('d', HOSPICE_DIAGNOSIS, '2027-01-01')])).toBe(false);
  });
});

describe('PalliativeCare."Has Palliative Care in the Measurement Period"', () => {
  it('counts a FACIT-Pal assessment in the period but not one entered in error', () => {
    const facit = observation('f', concept('http://loinc.org', '71007-9'), '2026-04-01');
    expect(palliative([facit])).toBe(true);
    expect(palliative([{ ...facit, status: 'entered-in-error' } as fhir4.Observation])).toBe(false);
  });

  it('counts a palliative diagnosis, encounter or intervention overlapping the period', () => {
    expect(palliative([condition('d', PALLIATIVE_CARE_DIAGNOSIS, '2024-01-01')])).toBe(true);
    expect(palliative([encounter('e', PALLIATIVE_CARE_ENCOUNTER, '2026-06-01', '2026-06-01')])).toBe(true);
    expect(palliative([procedure('p', PALLIATIVE_CARE_INTERVENTION, { start: '2025-12-01', end: '2026-01-01' })])).toBe(
      true,
    );
  });

  it('does not count palliative care that ended the day before the period', () => {
    expect(palliative([procedure('p', PALLIATIVE_CARE_INTERVENTION, { start: '2025-12-01', end: '2025-12-31' })])).toBe(
      false,
    );
  });
});
