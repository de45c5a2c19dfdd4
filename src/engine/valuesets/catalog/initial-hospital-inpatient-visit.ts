/** Initial Hospital Inpatient Visit (VSAC 2.16.840.1.113883.3.464.1003.101.12.1004, expansion 20170504): 3 codes. Authored by src/cli/author-value-sets.ts. */
import { CPT } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const INITIAL_HOSPITAL_INPATIENT_VISIT: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.101.12.1004'),
  oid: '2.16.840.1.113883.3.464.1003.101.12.1004',
  name: 'Initial Hospital Inpatient Visit',
  version: '20170504',
  codes: [
    [
      CPT,
      '99221',
      'Initial hospital inpatient or observation care, per day, for the evaluation and management of a patient, which requires a medically appropriate history and/or examination and straightforward or low level medical decision making. When using total time on the date of the encounter for code selection, 40 minutes must be met or exceeded.',
    ],
    [
      CPT,
      '99222',
      'Initial hospital inpatient or observation care, per day, for the evaluation and management of a patient, which requires a medically appropriate history and/or examination and moderate level of medical decision making. When using total time on the date of the encounter for code selection, 55 minutes must be met or exceeded.',
    ],
    [
      CPT,
      '99223',
      'Initial hospital inpatient or observation care, per day, for the evaluation and management of a patient, which requires a medically appropriate history and/or examination and high level of medical decision making. When using total time on the date of the encounter for code selection, 75 minutes must be met or exceeded.',
    ],
  ],
};
