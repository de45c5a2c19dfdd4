/** Hospice Encounter (VSAC 2.16.840.1.113883.3.464.1003.1003, expansion 20210820, as the measure package pins it): 26 codes. Authored by src/cli/author-value-sets.ts. */
import { HCPCS, SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const HOSPICE_ENCOUNTER: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.1003'),
  oid: '2.16.840.1.113883.3.464.1003.1003',
  name: 'Hospice Encounter',
  version: '20210820',
  codes: [
    [SNOMED, '183919006', 'Urgent admission to hospice (procedure)'],
    [SNOMED, '183920000', 'Routine admission to hospice (procedure)'],
    [SNOMED, '183921001', 'Admission to hospice for respite (procedure)'],
    [SNOMED, '305336008', 'Admission to hospice (procedure)'],
    [SNOMED, '305911006', 'Seen in hospice (finding)'],
    [SNOMED, '385765002', 'Hospice care management (procedure)'],
    [HCPCS, 'G9473', 'Services performed by chaplain in the hospice setting, each 15 minutes'],
    [HCPCS, 'G9474', 'Services performed by dietary counselor in the hospice setting, each 15 minutes'],
    [HCPCS, 'G9475', 'Services performed by other counselor in the hospice setting, each 15 minutes'],
    [HCPCS, 'G9476', 'Services performed by volunteer in the hospice setting, each 15 minutes'],
    [HCPCS, 'G9477', 'Services performed by care coordinator in the hospice setting, each 15 minutes'],
    [HCPCS, 'G9478', 'Services performed by other qualified therapist in the hospice setting, each 15 minutes'],
    [HCPCS, 'G9479', 'Services performed by qualified pharmacist in the hospice setting, each 15 minutes'],
    [
      HCPCS,
      'Q5003',
      'Hospice care provided in nursing long term care facility (ltc) or non-skilled nursing facility (nf)',
    ],
    [HCPCS, 'Q5004', 'Hospice care provided in skilled nursing facility (snf)'],
    [HCPCS, 'Q5005', 'Hospice care provided in inpatient hospital'],
    [HCPCS, 'Q5006', 'Hospice care provided in inpatient hospice facility'],
    [HCPCS, 'Q5007', 'Hospice care provided in long term care facility'],
    [HCPCS, 'Q5008', 'Hospice care provided in inpatient psychiatric facility'],
    [HCPCS, 'Q5010', 'Hospice home care provided in a hospice facility'],
    [HCPCS, 'S9126', 'Hospice care, in the home, per diem'],
    [HCPCS, 'T2042', 'Hospice routine home care; per diem'],
    [HCPCS, 'T2043', 'Hospice continuous home care; per hour'],
    [HCPCS, 'T2044', 'Hospice inpatient respite care; per diem'],
    [HCPCS, 'T2045', 'Hospice general inpatient care; per diem'],
    [HCPCS, 'T2046', 'Hospice long term care, room and board only; per diem'],
  ],
};
