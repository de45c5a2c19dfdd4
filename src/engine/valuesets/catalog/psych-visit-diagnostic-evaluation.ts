/** Psych Visit Diagnostic Evaluation (VSAC 2.16.840.1.113883.3.526.3.1492, expansion 20190315): 6 codes. Authored by src/cli/author-value-sets.ts. */
import { CPT, SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const PSYCH_VISIT_DIAGNOSTIC_EVALUATION: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.526.3.1492'),
  oid: '2.16.840.1.113883.3.526.3.1492',
  name: 'Psych Visit Diagnostic Evaluation',
  version: '20190315',
  codes: [
    [SNOMED, '10197000', 'Psychiatric interview and evaluation (procedure)'],
    [SNOMED, '165172002', 'Diagnostic psychiatric interview (procedure)'],
    [SNOMED, '68338001', 'Interactive medical psychiatric diagnostic interview (procedure)'],
    [SNOMED, '79094001', 'Initial psychiatric interview with mental status and evaluation (procedure)'],
    [CPT, '90791', 'Psychiatric diagnostic evaluation'],
    [CPT, '90792', 'Psychiatric diagnostic evaluation with medical services'],
  ],
};
