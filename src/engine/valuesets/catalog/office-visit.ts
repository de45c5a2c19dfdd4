/** Office Visit (VSAC 2.16.840.1.113883.3.464.1003.101.12.1001, expansion 20180310, as the measure package pins it): 14 codes. Authored by src/cli/author-value-sets.ts. */
import { CPT, SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const OFFICE_VISIT: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.101.12.1001'),
  oid: '2.16.840.1.113883.3.464.1003.101.12.1001',
  name: 'Office Visit',
  version: '20180310',
  codes: [
    [SNOMED, '185349003', 'Encounter for check up (procedure)'],
    [SNOMED, '185463005', 'Visit out of hours (procedure)'],
    [SNOMED, '185464004', 'Out of hours visit - not night visit (procedure)'],
    [SNOMED, '185465003', 'Weekend visit (procedure)'],
    [SNOMED, '3391000175108', 'Office visit for pediatric care and assessment (procedure)'],
    [SNOMED, '439740005', 'Postoperative follow-up visit (procedure)'],
    [
      CPT,
      '99202',
      'Office or other outpatient visit for the evaluation and management of a new patient, which requires a medically appropriate history and/or examination and straightforward medical decision making. When using total time on the date of the encounter for code selection, 15 minutes must be met or exceeded.',
    ],
    [
      CPT,
      '99203',
      'Office or other outpatient visit for the evaluation and management of a new patient, which requires a medically appropriate history and/or examination and low level of medical decision making. When using total time on the date of the encounter for code selection, 30 minutes must be met or exceeded.',
    ],
    [
      CPT,
      '99204',
      'Office or other outpatient visit for the evaluation and management of a new patient, which requires a medically appropriate history and/or examination and moderate level of medical decision making. When using total time on the date of the encounter for code selection, 45 minutes must be met or exceeded.',
    ],
    [
      CPT,
      '99205',
      'Office or other outpatient visit for the evaluation and management of a new patient, which requires a medically appropriate history and/or examination and high level of medical decision making. When using total time on the date of the encounter for code selection, 60 minutes must be met or exceeded.',
    ],
    [
      CPT,
      '99212',
      'Office or other outpatient visit for the evaluation and management of an established patient, which requires a medically appropriate history and/or examination and straightforward medical decision making. When using total time on the date of the encounter for code selection, 10 minutes must be met or exceeded.',
    ],
    [
      CPT,
      '99213',
      'Office or other outpatient visit for the evaluation and management of an established patient, which requires a medically appropriate history and/or examination and low level of medical decision making. When using total time on the date of the encounter for code selection, 20 minutes must be met or exceeded.',
    ],
    [
      CPT,
      '99214',
      'Office or other outpatient visit for the evaluation and management of an established patient, which requires a medically appropriate history and/or examination and moderate level of medical decision making. When using total time on the date of the encounter for code selection, 30 minutes must be met or exceeded.',
    ],
    [
      CPT,
      '99215',
      'Office or other outpatient visit for the evaluation and management of an established patient, which requires a medically appropriate history and/or examination and high level of medical decision making. When using total time on the date of the encounter for code selection, 40 minutes must be met or exceeded.',
    ],
  ],
};
