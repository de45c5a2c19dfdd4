/** Preventive Care Services Group Counseling (VSAC 2.16.840.1.113883.3.464.1003.101.12.1027, expansion 20170504): 2 codes. Authored by src/cli/author-value-sets.ts. */
import { CPT } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const PREVENTIVE_CARE_SERVICES_GROUP_COUNSELING: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.101.12.1027'),
  oid: '2.16.840.1.113883.3.464.1003.101.12.1027',
  name: 'Preventive Care Services Group Counseling',
  version: '20170504',
  codes: [
    [
      CPT,
      '99411',
      'Preventive medicine counseling and/or risk factor reduction intervention(s) provided to individuals in a group setting (separate procedure); approximately 30 minutes',
    ],
    [
      CPT,
      '99412',
      'Preventive medicine counseling and/or risk factor reduction intervention(s) provided to individuals in a group setting (separate procedure); approximately 60 minutes',
    ],
  ],
};
