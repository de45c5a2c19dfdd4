/** Discharge Services Hospital Inpatient Same Day Discharge (VSAC 2.16.840.1.113883.3.464.1003.101.12.1006, expansion 20170504): 3 codes. Authored by src/cli/author-value-sets.ts. */
import { CPT } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const DISCHARGE_SERVICES_HOSPITAL_INPATIENT_SAME_DAY_DISCHARGE: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.101.12.1006'),
  oid: '2.16.840.1.113883.3.464.1003.101.12.1006',
  name: 'Discharge Services Hospital Inpatient Same Day Discharge',
  version: '20170504',
  codes: [
    [
      CPT,
      '99234',
      'Hospital inpatient or observation care, for the evaluation and management of a patient including admission and discharge on the same date, which requires a medically appropriate history and/or examination and straightforward or low level of medical decision making. When using total time on the date of the encounter for code selection, 45 minutes must be met or exceeded.',
    ],
    [
      CPT,
      '99235',
      'Hospital inpatient or observation care, for the evaluation and management of a patient including admission and discharge on the same date, which requires a medically appropriate history and/or examination and moderate level of medical decision making. When using total time on the date of the encounter for code selection, 70 minutes must be met or exceeded.',
    ],
    [
      CPT,
      '99236',
      'Hospital inpatient or observation care, for the evaluation and management of a patient including admission and discharge on the same date, which requires a medically appropriate history and/or examination and high level of medical decision making. When using total time on the date of the encounter for code selection, 85 minutes must be met or exceeded.',
    ],
  ],
};
