/** Patient Declined (VSAC 2.16.840.1.113883.3.526.3.1582, expansion 20200307): 3 codes. Authored by src/cli/author-value-sets.ts. */
import { SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const PATIENT_DECLINED: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.526.3.1582'),
  oid: '2.16.840.1.113883.3.526.3.1582',
  name: 'Patient Declined',
  version: '20200307',
  codes: [
    [SNOMED, '183945002', 'Procedure declined for religious reason (situation)'],
    [SNOMED, '413311005', 'Patient non-compliant - declined intervention / support (situation)'],
    [SNOMED, '895451009', 'Referral to service declined by subject (situation)'],
  ],
};
