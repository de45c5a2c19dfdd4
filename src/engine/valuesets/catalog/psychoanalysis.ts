/** Psychoanalysis (VSAC 2.16.840.1.113883.3.526.3.1141, expansion 20190315): 3 codes. Authored by src/cli/author-value-sets.ts. */
import { CPT, SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const PSYCHOANALYSIS: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.526.3.1141'),
  oid: '2.16.840.1.113883.3.526.3.1141',
  name: 'Psychoanalysis',
  version: '20190315',
  codes: [
    [SNOMED, '28988002', 'Psychoanalysis in depth (procedure)'],
    [SNOMED, '61436009', 'Psychoanalysis (procedure)'],
    [CPT, '90845', 'Psychoanalysis'],
  ],
};
