/** Psych Visit Psychotherapy (VSAC 2.16.840.1.113883.3.526.3.1496, expansion 20190315): 16 codes. Authored by src/cli/author-value-sets.ts. */
import { CPT, SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const PSYCH_VISIT_PSYCHOTHERAPY: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.526.3.1496'),
  oid: '2.16.840.1.113883.3.526.3.1496',
  name: 'Psych Visit Psychotherapy',
  version: '20190315',
  codes: [
    [SNOMED, '183381005', 'General psychotherapy (regime/therapy)'],
    [SNOMED, '183382003', 'Psychotherapy - behavioral (regime/therapy)'],
    [SNOMED, '183383008', 'Psychotherapy - cognitive (regime/therapy)'],
    [SNOMED, '18512000', 'Individual psychotherapy (regime/therapy)'],
    [SNOMED, '302242004', 'Long-term psychodynamic psychotherapy (regime/therapy)'],
    [SNOMED, '304820009', 'Developmental psychodynamic psychotherapy (regime/therapy)'],
    [SNOMED, '304822001', 'Psychodynamic-interpersonal psychotherapy (regime/therapy)'],
    [SNOMED, '314034001', 'Psychodynamic psychotherapy (regime/therapy)'],
    [SNOMED, '38678006', 'Client-centered psychotherapy (regime/therapy)'],
    [SNOMED, '401157001', 'Brief solution focused psychotherapy (regime/therapy)'],
    [SNOMED, '443730003', 'Interpersonal psychotherapy (regime/therapy)'],
    [SNOMED, '75516001', 'Psychotherapy (regime/therapy)'],
    [SNOMED, '90102008', 'Social psychotherapy (regime/therapy)'],
    [CPT, '90832', 'Psychotherapy, 30 minutes with patient'],
    [CPT, '90834', 'Psychotherapy, 45 minutes with patient'],
    [CPT, '90837', 'Psychotherapy, 60 minutes with patient'],
  ],
};
