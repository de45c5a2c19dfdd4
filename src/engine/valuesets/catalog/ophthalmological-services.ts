/** Ophthalmological Services (VSAC 2.16.840.1.113883.3.526.3.1285, expansion 20210209): 8 codes. Authored by src/cli/author-value-sets.ts. */
import { CPT, SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const OPHTHALMOLOGICAL_SERVICES: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.526.3.1285'),
  oid: '2.16.840.1.113883.3.526.3.1285',
  name: 'Ophthalmological Services',
  version: '20210209',
  codes: [
    [SNOMED, '359960003', 'Ophthalmologic examination and evaluation under general anesthesia, limited (procedure)'],
    [SNOMED, '36228007', 'Ophthalmic examination and evaluation (procedure)'],
    [SNOMED, '66902005', 'Ophthalmic examination and evaluation, follow-up (procedure)'],
    [SNOMED, '78831002', 'Comprehensive eye examination (procedure)'],
    [
      CPT,
      '92002',
      'Ophthalmological services: medical examination and evaluation with initiation of diagnostic and treatment program; intermediate, new patient',
    ],
    [
      CPT,
      '92004',
      'Ophthalmological services: medical examination and evaluation with initiation of diagnostic and treatment program; comprehensive, new patient, 1 or more visits',
    ],
    [
      CPT,
      '92012',
      'Ophthalmological services: medical examination and evaluation, with initiation or continuation of diagnostic and treatment program; intermediate, established patient',
    ],
    [
      CPT,
      '92014',
      'Ophthalmological services: medical examination and evaluation, with initiation or continuation of diagnostic and treatment program; comprehensive, established patient, 1 or more visits',
    ],
  ],
};
