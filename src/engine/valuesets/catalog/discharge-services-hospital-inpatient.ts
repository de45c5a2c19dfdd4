/** Discharge Services Hospital Inpatient (VSAC 2.16.840.1.113883.3.464.1003.101.12.1007, expansion 20170504): 2 codes. Authored by src/cli/author-value-sets.ts. */
import { CPT } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const DISCHARGE_SERVICES_HOSPITAL_INPATIENT: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.101.12.1007'),
  oid: '2.16.840.1.113883.3.464.1003.101.12.1007',
  name: 'Discharge Services Hospital Inpatient',
  version: '20170504',
  codes: [
    [
      CPT,
      '99238',
      'Hospital inpatient or observation discharge day management; 30 minutes or less on the date of the encounter',
    ],
    [
      CPT,
      '99239',
      'Hospital inpatient or observation discharge day management; more than 30 minutes on the date of the encounter',
    ],
  ],
};
