/** Preventive Care Services Individual Counseling (VSAC 2.16.840.1.113883.3.464.1003.101.12.1026, expansion 20170504): 4 codes. Authored by src/cli/author-value-sets.ts. */
import { CPT } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const PREVENTIVE_CARE_SERVICES_INDIVIDUAL_COUNSELING: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.101.12.1026'),
  oid: '2.16.840.1.113883.3.464.1003.101.12.1026',
  name: 'Preventive Care Services Individual Counseling',
  version: '20170504',
  codes: [
    [
      CPT,
      '99401',
      'Preventive medicine counseling and/or risk factor reduction intervention(s) provided to an individual (separate procedure); approximately 15 minutes',
    ],
    [
      CPT,
      '99402',
      'Preventive medicine counseling and/or risk factor reduction intervention(s) provided to an individual (separate procedure); approximately 30 minutes',
    ],
    [
      CPT,
      '99403',
      'Preventive medicine counseling and/or risk factor reduction intervention(s) provided to an individual (separate procedure); approximately 45 minutes',
    ],
    [
      CPT,
      '99404',
      'Preventive medicine counseling and/or risk factor reduction intervention(s) provided to an individual (separate procedure); approximately 60 minutes',
    ],
  ],
};
