/** Palliative Care Intervention (VSAC 2.16.840.1.113883.3.464.1003.198.12.1135, expansion 20210224, as the measure package pins it): 9 codes. Authored by src/cli/author-value-sets.ts. */
import { SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const PALLIATIVE_CARE_INTERVENTION: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.198.12.1135'),
  oid: '2.16.840.1.113883.3.464.1003.198.12.1135',
  name: 'Palliative Care Intervention',
  version: '20210224',
  codes: [
    [SNOMED, '103735009', 'Palliative care (regime/therapy)'],
    [SNOMED, '105402000', 'Visit of patient by chaplain during palliative care (regime/therapy)'],
    [SNOMED, '1841000124106', 'Palliative care medication review (procedure)'],
    [SNOMED, '395669003', 'Specialist palliative care treatment (regime/therapy)'],
    [SNOMED, '395670002', 'Specialist palliative care treatment - inpatient (regime/therapy)'],
    [SNOMED, '395694002', 'Specialist palliative care treatment - daycare (regime/therapy)'],
    [SNOMED, '395695001', 'Specialist palliative care treatment - outpatient (regime/therapy)'],
    [SNOMED, '433181000124107', 'Documentation of palliative care medication action plan (procedure)'],
    [SNOMED, '443761007', 'Anticipatory palliative care (regime/therapy)'],
  ],
};
