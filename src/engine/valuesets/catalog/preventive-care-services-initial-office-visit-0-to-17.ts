/** Preventive Care Services, Initial Office Visit, 0 to 17 (VSAC 2.16.840.1.113883.3.464.1003.101.12.1022, expansion 20170504): 4 codes. Authored by src/cli/author-value-sets.ts. */
import { CPT } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const PREVENTIVE_CARE_SERVICES_INITIAL_OFFICE_VISIT_0_TO_17: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.101.12.1022'),
  oid: '2.16.840.1.113883.3.464.1003.101.12.1022',
  name: 'Preventive Care Services, Initial Office Visit, 0 to 17',
  version: '20170504',
  codes: [
    [
      CPT,
      '99381',
      'Initial comprehensive preventive medicine evaluation and management of an individual including an age and gender appropriate history, examination, counseling/anticipatory guidance/risk factor reduction interventions, and the ordering of laboratory/diagnostic procedures, new patient; infant (age younger than 1 year)',
    ],
    [
      CPT,
      '99382',
      'Initial comprehensive preventive medicine evaluation and management of an individual including an age and gender appropriate history, examination, counseling/anticipatory guidance/risk factor reduction interventions, and the ordering of laboratory/diagnostic procedures, new patient; early childhood (age 1 through 4 years)',
    ],
    [
      CPT,
      '99383',
      'Initial comprehensive preventive medicine evaluation and management of an individual including an age and gender appropriate history, examination, counseling/anticipatory guidance/risk factor reduction interventions, and the ordering of laboratory/diagnostic procedures, new patient; late childhood (age 5 through 11 years)',
    ],
    [
      CPT,
      '99384',
      'Initial comprehensive preventive medicine evaluation and management of an individual including an age and gender appropriate history, examination, counseling/anticipatory guidance/risk factor reduction interventions, and the ordering of laboratory/diagnostic procedures, new patient; adolescent (age 12 through 17 years)',
    ],
  ],
};
