/** Care Services in Long Term Residential Facility (VSAC 2.16.840.1.113883.3.464.1003.101.12.1014, expansion 20240203): 2 codes. Authored by src/cli/author-value-sets.ts. */
import { SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const CARE_SERVICES_IN_LONG_TERM_RESIDENTIAL_FACILITY: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.101.12.1014'),
  oid: '2.16.840.1.113883.3.464.1003.101.12.1014',
  name: 'Care Services in Long Term Residential Facility',
  version: '20240203',
  codes: [
    [
      SNOMED,
      '209099002',
      'History and physical examination with management of domiciliary or rest home patient (procedure)',
    ],
    [SNOMED, '210098006', 'Domiciliary or rest home patient evaluation and management (procedure)'],
  ],
};
