/** Annual Wellness Visit (VSAC 2.16.840.1.113883.3.526.3.1240, expansion 20190315, as the measure package pins it): 8 codes. Authored by src/cli/author-value-sets.ts. */
import { HCPCS, SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const ANNUAL_WELLNESS_VISIT: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.526.3.1240'),
  oid: '2.16.840.1.113883.3.526.3.1240',
  name: 'Annual Wellness Visit',
  version: '20190315',
  codes: [
    [SNOMED, '444971000124105', 'Annual wellness visit (procedure)'],
    [SNOMED, '456201000124103', 'Medicare annual wellness visit (procedure)'],
    [SNOMED, '86013001', 'Periodic reevaluation and management of healthy individual (procedure)'],
    [SNOMED, '866149003', 'Annual visit (procedure)'],
    [SNOMED, '90526000', 'Initial evaluation and management of healthy individual (procedure)'],
    [
      HCPCS,
      'G0402',
      'Initial preventive physical examination; face-to-face visit, services limited to new beneficiary during the first 12 months of medicare enrollment',
    ],
    [HCPCS, 'G0438', 'Annual wellness visit; includes a personalized prevention plan of service (pps), initial visit'],
    [
      HCPCS,
      'G0439',
      'Annual wellness visit, includes a personalized prevention plan of service (pps), subsequent visit',
    ],
  ],
};
