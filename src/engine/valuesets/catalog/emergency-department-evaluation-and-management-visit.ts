/** Emergency Department Evaluation and Management Visit (VSAC 2.16.840.1.113883.3.464.1003.101.12.1010, expansion 20210928, as the measure package pins it): 6 codes. Authored by src/cli/author-value-sets.ts. */
import { CPT, SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const EMERGENCY_DEPARTMENT_EVALUATION_AND_MANAGEMENT_VISIT: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.101.12.1010'),
  oid: '2.16.840.1.113883.3.464.1003.101.12.1010',
  name: 'Emergency Department Evaluation and Management Visit',
  version: '20210928',
  codes: [
    [SNOMED, '4525004', 'Emergency department patient visit (procedure)'],
    [
      CPT,
      '99281',
      'Emergency department visit for the evaluation and management of a patient that may not require the presence of a physician or other qualified health care professional',
    ],
    [
      CPT,
      '99282',
      'Emergency department visit for the evaluation and management of a patient, which requires a medically appropriate history and/or examination and straightforward medical decision making',
    ],
    [
      CPT,
      '99283',
      'Emergency department visit for the evaluation and management of a patient, which requires a medically appropriate history and/or examination and low level of medical decision making',
    ],
    [
      CPT,
      '99284',
      'Emergency department visit for the evaluation and management of a patient, which requires a medically appropriate history and/or examination and moderate level of medical decision making',
    ],
    [
      CPT,
      '99285',
      'Emergency department visit for the evaluation and management of a patient, which requires a medically appropriate history and/or examination and high level of medical decision making',
    ],
  ],
};
