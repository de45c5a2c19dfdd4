/** Palliative Care Encounter (VSAC 2.16.840.1.113883.3.464.1003.101.12.1090, expansion 20210224, as the measure package pins it): 8 codes. Authored by src/cli/author-value-sets.ts. */
import { HCPCS, SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const PALLIATIVE_CARE_ENCOUNTER: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.101.12.1090'),
  oid: '2.16.840.1.113883.3.464.1003.101.12.1090',
  name: 'Palliative Care Encounter',
  version: '20210224',
  codes: [
    [SNOMED, '305284002', 'Admission by palliative care physician (procedure)'],
    [SNOMED, '305381007', 'Admission to palliative care department (procedure)'],
    [SNOMED, '305686008', 'Seen by palliative care physician (finding)'],
    [SNOMED, '305824005', 'Seen by palliative care medicine service (finding)'],
    [SNOMED, '441874000', 'Seen by palliative care service (finding)'],
    [SNOMED, '4901000124101', 'Palliative care education (procedure)'],
    [SNOMED, '713281006', 'Consultation for palliative care (procedure)'],
    [
      HCPCS,
      'G9054',
      'Oncology; primary focus of visit; supervising, coordinating or managing care of patient with terminal cancer or for whom other medical illness prevents further cancer treatment; includes symptom management, end-of-life care planning, management of palliative therapies (for use in a medicare-approved demonstration project)',
    ],
  ],
};
