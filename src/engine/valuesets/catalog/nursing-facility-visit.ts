/** Nursing Facility Visit (VSAC 2.16.840.1.113883.3.464.1003.101.12.1012, expansion 20240110): 11 codes. Authored by src/cli/author-value-sets.ts. */
import { CPT, SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const NURSING_FACILITY_VISIT: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.101.12.1012'),
  oid: '2.16.840.1.113883.3.464.1003.101.12.1012',
  name: 'Nursing Facility Visit',
  version: '20240110',
  codes: [
    [SNOMED, '18170008', 'Subsequent nursing facility visit (procedure)'],
    [
      SNOMED,
      '207195004',
      'History and physical examination with evaluation and management of nursing facility patient (procedure)',
    ],
    [
      CPT,
      '99304',
      'Initial nursing facility care, per day, for the evaluation and management of a patient, which requires a medically appropriate history and/or examination and straightforward or low level of medical decision making. When using total time on the date of the encounter for code selection, 25 minutes must be met or exceeded.',
    ],
    [
      CPT,
      '99305',
      'Initial nursing facility care, per day, for the evaluation and management of a patient, which requires a medically appropriate history and/or examination and moderate level of medical decision making. When using total time on the date of the encounter for code selection, 35 minutes must be met or exceeded.',
    ],
    [
      CPT,
      '99306',
      'Initial nursing facility care, per day, for the evaluation and management of a patient, which requires a medically appropriate history and/or examination and high level of medical decision making. When using total time on the date of the encounter for code selection, 50 minutes must be met or exceeded.',
    ],
    [
      CPT,
      '99307',
      'Subsequent nursing facility care, per day, for the evaluation and management of a patient, which requires a medically appropriate history and/or examination and straightforward medical decision making. When using total time on the date of the encounter for code selection, 10 minutes must be met or exceeded.',
    ],
    [
      CPT,
      '99308',
      'Subsequent nursing facility care, per day, for the evaluation and management of a patient, which requires a medically appropriate history and/or examination and low level of medical decision making. When using total time on the date of the encounter for code selection, 20 minutes must be met or exceeded.',
    ],
    [
      CPT,
      '99309',
      'Subsequent nursing facility care, per day, for the evaluation and management of a patient, which requires a medically appropriate history and/or examination and moderate level of medical decision making. When using total time on the date of the encounter for code selection, 30 minutes must be met or exceeded.',
    ],
    [
      CPT,
      '99310',
      'Subsequent nursing facility care, per day, for the evaluation and management of a patient, which requires a medically appropriate history and/or examination and high level of medical decision making. When using total time on the date of the encounter for code selection, 45 minutes must be met or exceeded.',
    ],
    [CPT, '99315', 'Nursing facility discharge management; 30 minutes or less total time on the date of the encounter'],
    [
      CPT,
      '99316',
      'Nursing facility discharge management; more than 30 minutes total time on the date of the encounter',
    ],
  ],
};
