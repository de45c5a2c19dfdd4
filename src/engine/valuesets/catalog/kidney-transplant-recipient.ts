/** Kidney Transplant Recipient (VSAC 2.16.840.1.113883.3.464.1003.109.12.1029, expansion 20240112, as the measure package pins it): 1 codes. Authored by src/cli/author-value-sets.ts. */
import { ICD10CM } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const KIDNEY_TRANSPLANT_RECIPIENT: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.109.12.1029'),
  oid: '2.16.840.1.113883.3.464.1003.109.12.1029',
  name: 'Kidney Transplant Recipient',
  version: '20240112',
  codes: [[ICD10CM, 'Z94.0', 'Kidney transplant status']],
};
