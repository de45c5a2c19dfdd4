/** Discharge Services Nursing Facility (VSAC 2.16.840.1.113883.3.464.1003.101.12.1013, expansion 20170504): 2 codes. Authored by src/cli/author-value-sets.ts. */
import { CPT } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const DISCHARGE_SERVICES_NURSING_FACILITY: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.101.12.1013'),
  oid: '2.16.840.1.113883.3.464.1003.101.12.1013',
  name: 'Discharge Services Nursing Facility',
  version: '20170504',
  codes: [
    [CPT, '99315', 'Nursing facility discharge management; 30 minutes or less total time on the date of the encounter'],
    [
      CPT,
      '99316',
      'Nursing facility discharge management; more than 30 minutes total time on the date of the encounter',
    ],
  ],
};
