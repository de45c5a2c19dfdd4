/** Dysthymia (VSAC 2.16.840.1.113883.3.67.1.101.1.254, expansion 20220219): 11 codes. Authored by src/cli/author-value-sets.ts. */
import { ICD10CM, SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const DYSTHYMIA: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.67.1.101.1.254'),
  oid: '2.16.840.1.113883.3.67.1.101.1.254',
  name: 'Dysthymia',
  version: '20220219',
  codes: [
    [ICD10CM, 'F34.1', 'Dysthymic disorder'],
    [SNOMED, '1153575004', 'Persistent depressive disorder (disorder)'],
    [SNOMED, '19694002', 'Late onset dysthymia (disorder)'],
    [SNOMED, '2506003', 'Early onset dysthymia (disorder)'],
    [SNOMED, '3109008', 'Secondary dysthymia early onset (disorder)'],
    [SNOMED, '36170009', 'Secondary dysthymia late onset (disorder)'],
    [SNOMED, '38451003', 'Primary dysthymia early onset (disorder)'],
    [SNOMED, '67711008', 'Primary dysthymia late onset (disorder)'],
    [SNOMED, '78667006', 'Dysthymia (disorder)'],
    [SNOMED, '83176005', 'Primary dysthymia (disorder)'],
    [SNOMED, '85080004', 'Secondary dysthymia (disorder)'],
  ],
};
