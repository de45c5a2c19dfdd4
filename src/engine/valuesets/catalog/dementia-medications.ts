/** Dementia Medications (VSAC 2.16.840.1.113883.3.464.1003.196.12.1510, expansion 20190315, as the measure package pins it): 33 codes. Authored by src/cli/author-value-sets.ts. */
import { RXNORM } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const DEMENTIA_MEDICATIONS: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.196.12.1510'),
  oid: '2.16.840.1.113883.3.464.1003.196.12.1510',
  name: 'Dementia Medications',
  version: '20190315',
  codes: [
    [RXNORM, '1100184', 'donepezil hydrochloride 23 MG Oral Tablet'],
    [RXNORM, '1308569', '24 HR rivastigmine 0.554 MG/HR Transdermal System'],
    [
      RXNORM,
      '1599803',
      '24 HR donepezil hydrochloride 10 MG / memantine hydrochloride 28 MG Extended Release Oral Capsule',
    ],
    [
      RXNORM,
      '1599805',
      '24 HR donepezil hydrochloride 10 MG / memantine hydrochloride 14 MG Extended Release Oral Capsule',
    ],
    [
      RXNORM,
      '1805420',
      '24 HR donepezil hydrochloride 10 MG / memantine hydrochloride 21 MG Extended Release Oral Capsule',
    ],
    [
      RXNORM,
      '1805425',
      '24 HR donepezil hydrochloride 10 MG / memantine hydrochloride 7 MG Extended Release Oral Capsule',
    ],
    [
      RXNORM,
      '1858970',
      '{7 (24 HR donepezil hydrochloride 10 MG / memantine hydrochloride 14 MG Extended Release Oral Capsule) / 7 (24 HR donepezil hydrochloride 10 MG / memantine hydrochloride 21 MG Extended Release Oral Capsule) / 7 (24 HR donepezil hydrochloride 10 MG / memantine hydrochloride 28 MG Extended Release Oral Capsule) / 7 (24 HR donepezil hydrochloride 10 MG / memantine hydrochloride 7 MG Extended Release Oral Capsule) } Pack',
    ],
    [RXNORM, '310436', 'galantamine 4 MG Oral Tablet'],
    [RXNORM, '310437', 'galantamine 8 MG Oral Tablet'],
    [RXNORM, '312835', 'rivastigmine 3 MG Oral Capsule'],
    [RXNORM, '312836', 'rivastigmine 6 MG Oral Capsule'],
    [RXNORM, '314214', 'rivastigmine 1.5 MG Oral Capsule'],
    [RXNORM, '314215', 'rivastigmine 4.5 MG Oral Capsule'],
    [RXNORM, '579148', 'galantamine 12 MG Oral Tablet'],
    [RXNORM, '725021', '24 HR rivastigmine 0.192 MG/HR Transdermal System'],
    [RXNORM, '725023', '24 HR rivastigmine 0.396 MG/HR Transdermal System'],
    [RXNORM, '860695', '24 HR galantamine hydrobromide 16 MG Extended Release Oral Capsule'],
    [RXNORM, '860707', '24 HR galantamine hydrobromide 24 MG Extended Release Oral Capsule'],
    [RXNORM, '860715', '24 HR galantamine hydrobromide 8 MG Extended Release Oral Capsule'],
    [RXNORM, '860901', 'galantamine hydrobromide 4 MG/ML Oral Solution'],
    [RXNORM, '996561', 'memantine hydrochloride 10 MG Oral Tablet'],
    [RXNORM, '996571', 'memantine hydrochloride 5 MG Oral Tablet'],
    [
      RXNORM,
      '996572',
      '{21 (memantine hydrochloride 10 MG Oral Tablet) / 28 (memantine hydrochloride 5 MG Oral Tablet) } Pack',
    ],
    [RXNORM, '996594', '24 HR memantine hydrochloride 14 MG Extended Release Oral Capsule'],
    [RXNORM, '996603', '24 HR memantine hydrochloride 21 MG Extended Release Oral Capsule'],
    [RXNORM, '996609', '24 HR memantine hydrochloride 28 MG Extended Release Oral Capsule'],
    [RXNORM, '996615', '24 HR memantine hydrochloride 7 MG Extended Release Oral Capsule'],
    [
      RXNORM,
      '996624',
      '{7 (24 HR memantine hydrochloride 14 MG Extended Release Oral Capsule) / 7 (24 HR memantine hydrochloride 21 MG Extended Release Oral Capsule) / 7 (24 HR memantine hydrochloride 28 MG Extended Release Oral Capsule) / 7 (24 HR memantine hydrochloride 7 MG Extended Release Oral Capsule) } Pack',
    ],
    [RXNORM, '996740', 'memantine hydrochloride 2 MG/ML Oral Solution'],
    [RXNORM, '997220', 'donepezil hydrochloride 10 MG Disintegrating Oral Tablet'],
    [RXNORM, '997223', 'donepezil hydrochloride 10 MG Oral Tablet'],
    [RXNORM, '997226', 'donepezil hydrochloride 5 MG Disintegrating Oral Tablet'],
    [RXNORM, '997229', 'donepezil hydrochloride 5 MG Oral Tablet'],
  ],
};
