/** HbA1c Laboratory Test (VSAC 2.16.840.1.113883.3.464.1003.198.12.1013, expansion 20170504, as the measure package pins it): 5 codes. Authored by src/cli/author-value-sets.ts. */
import { LOINC } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const HBA1C_LABORATORY_TEST: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.198.12.1013'),
  oid: '2.16.840.1.113883.3.464.1003.198.12.1013',
  name: 'HbA1c Laboratory Test',
  version: '20170504',
  codes: [
    [LOINC, '17855-8', 'Hemoglobin A1c/Hemoglobin.total in Blood by calculation'],
    [LOINC, '17856-6', 'Hemoglobin A1c/Hemoglobin.total in Blood by HPLC'],
    [LOINC, '4548-4', 'Hemoglobin A1c/Hemoglobin.total in Blood'],
    [LOINC, '4549-2', 'Hemoglobin A1c/Hemoglobin.total in Blood by Electrophoresis'],
    [LOINC, '96595-4', 'Hemoglobin A1c/Hemoglobin.total in DBS'],
  ],
};
