/** Preventive Care Services Initial Office Visit, 18 and Up (VSAC 2.16.840.1.113883.3.464.1003.101.12.1023, expansion 20170504, as the measure package pins it): 3 codes. Authored by src/cli/author-value-sets.ts. */
import { CPT } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const PREVENTIVE_CARE_SERVICES_INITIAL_OFFICE_VISIT_18_AND_UP: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.101.12.1023'),
  oid: '2.16.840.1.113883.3.464.1003.101.12.1023',
  name: 'Preventive Care Services Initial Office Visit, 18 and Up',
  version: '20170504',
  codes: [
    [
      CPT,
      '99385',
      'Initial comprehensive preventive medicine evaluation and management of an individual including an age and gender appropriate history, examination, counseling/anticipatory guidance/risk factor reduction interventions, and the ordering of laboratory/diagnostic procedures, new patient; 18-39 years',
    ],
    [
      CPT,
      '99386',
      'Initial comprehensive preventive medicine evaluation and management of an individual including an age and gender appropriate history, examination, counseling/anticipatory guidance/risk factor reduction interventions, and the ordering of laboratory/diagnostic procedures, new patient; 40-64 years',
    ],
    [
      CPT,
      '99387',
      'Initial comprehensive preventive medicine evaluation and management of an individual including an age and gender appropriate history, examination, counseling/anticipatory guidance/risk factor reduction interventions, and the ordering of laboratory/diagnostic procedures, new patient; 65 years and older',
    ],
  ],
};
