/** Encounter Inpatient (VSAC 2.16.840.1.113883.3.666.5.307, expansion 20200307, as the measure package pins it): 3 codes. Authored by src/cli/author-value-sets.ts. */
import { SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const ENCOUNTER_INPATIENT: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.666.5.307'),
  oid: '2.16.840.1.113883.3.666.5.307',
  name: 'Encounter Inpatient',
  version: '20200307',
  codes: [
    [SNOMED, '183452005', 'Emergency hospital admission (procedure)'],
    [SNOMED, '32485007', 'Hospital admission (procedure)'],
    [SNOMED, '8715000', 'Hospital admission, elective (procedure)'],
  ],
};
