/** Palliative or Hospice Care (VSAC 2.16.840.1.113883.3.600.1.1579, expansion 20210224): 10 codes. Authored by src/cli/author-value-sets.ts. */
import { SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const PALLIATIVE_OR_HOSPICE_CARE: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.600.1.1579'),
  oid: '2.16.840.1.113883.3.600.1.1579',
  name: 'Palliative or Hospice Care',
  version: '20210224',
  codes: [
    [SNOMED, '103735009', 'Palliative care (regime/therapy)'],
    [SNOMED, '133918004', 'Comfort measures (regime/therapy)'],
    [SNOMED, '182964004', 'Terminal care (regime/therapy)'],
    [SNOMED, '305284002', 'Admission by palliative care physician (procedure)'],
    [SNOMED, '305381007', 'Admission to palliative care department (procedure)'],
    [SNOMED, '305981001', 'Referral by palliative care physician (procedure)'],
    [SNOMED, '306237005', 'Referral to palliative care service (procedure)'],
    [SNOMED, '306288008', 'Referral to palliative care physician (procedure)'],
    [SNOMED, '385736008', 'Dying care (regime/therapy)'],
    [SNOMED, '385763009', 'Hospice care (regime/therapy)'],
  ],
};
