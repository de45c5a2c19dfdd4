/** Home Healthcare Services (VSAC 2.16.840.1.113883.3.464.1003.101.12.1016, expansion 20240110, as the measure package pins it): 19 codes. Authored by src/cli/author-value-sets.ts. */
import { CPT, SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const HOME_HEALTHCARE_SERVICES: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.101.12.1016'),
  oid: '2.16.840.1.113883.3.464.1003.101.12.1016',
  name: 'Home Healthcare Services',
  version: '20240110',
  codes: [
    [SNOMED, '185460008', 'Home visit request by patient (procedure)'],
    [SNOMED, '185462000', 'Home visit request by relative (procedure)'],
    [SNOMED, '185466002', 'Home visit for urgent condition (procedure)'],
    [SNOMED, '185467006', 'Home visit for acute condition (procedure)'],
    [SNOMED, '185468001', 'Home visit for chronic condition (procedure)'],
    [SNOMED, '185470005', 'Home visit elderly assessment (procedure)'],
    [SNOMED, '225929007', 'Joint home visit (procedure)'],
    [SNOMED, '315205008', 'Bank holiday home visit (procedure)'],
    [SNOMED, '439708006', 'Home visit (procedure)'],
    [SNOMED, '698704008', 'Home visit for rheumatology service (procedure)'],
    [SNOMED, '704126008', 'Home visit for anticoagulant drug monitoring (procedure)'],
    [
      CPT,
      '99341',
      'Home or residence visit for the evaluation and management of a new patient, which requires a medically appropriate history and/or examination and straightforward medical decision making. When using total time on the date of the encounter for code selection, 15 minutes must be met or exceeded.',
    ],
    [
      CPT,
      '99342',
      'Home or residence visit for the evaluation and management of a new patient, which requires a medically appropriate history and/or examination and low level of medical decision making. When using total time on the date of the encounter for code selection, 30 minutes must be met or exceeded.',
    ],
    [
      CPT,
      '99344',
      'Home or residence visit for the evaluation and management of a new patient, which requires a medically appropriate history and/or examination and moderate level of medical decision making. When using total time on the date of the encounter for code selection, 60 minutes must be met or exceeded.',
    ],
    [
      CPT,
      '99345',
      'Home or residence visit for the evaluation and management of a new patient, which requires a medically appropriate history and/or examination and high level of medical decision making. When using total time on the date of the encounter for code selection, 75 minutes must be met or exceeded.',
    ],
    [
      CPT,
      '99347',
      'Home or residence visit for the evaluation and management of an established patient, which requires a medically appropriate history and/or examination and straightforward medical decision making. When using total time on the date of the encounter for code selection, 20 minutes must be met or exceeded.',
    ],
    [
      CPT,
      '99348',
      'Home or residence visit for the evaluation and management of an established patient, which requires a medically appropriate history and/or examination and low level of medical decision making. When using total time on the date of the encounter for code selection, 30 minutes must be met or exceeded.',
    ],
    [
      CPT,
      '99349',
      'Home or residence visit for the evaluation and management of an established patient, which requires a medically appropriate history and/or examination and moderate level of medical decision making. When using total time on the date of the encounter for code selection, 40 minutes must be met or exceeded.',
    ],
    [
      CPT,
      '99350',
      'Home or residence visit for the evaluation and management of an established patient, which requires a medically appropriate history and/or examination and high level of medical decision making. When using total time on the date of the encounter for code selection, 60 minutes must be met or exceeded.',
    ],
  ],
};
