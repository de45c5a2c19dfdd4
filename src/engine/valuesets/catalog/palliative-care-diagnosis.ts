/** Palliative Care Diagnosis (VSAC 2.16.840.1.113883.3.464.1003.1167, expansion 20220820, as the measure package pins it): 4 codes. Authored by src/cli/author-value-sets.ts. */
import { ICD10CM, SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const PALLIATIVE_CARE_DIAGNOSIS: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.1167'),
  oid: '2.16.840.1.113883.3.464.1003.1167',
  name: 'Palliative Care Diagnosis',
  version: '20220820',
  codes: [
    [ICD10CM, 'Z51.5', 'Encounter for palliative care'],
    [SNOMED, '305686008', 'Seen by palliative care physician (finding)'],
    [SNOMED, '305824005', 'Seen by palliative care medicine service (finding)'],
    [SNOMED, '441874000', 'Seen by palliative care service (finding)'],
  ],
};
