/** Pap Test (VSAC 2.16.840.1.113883.3.464.1003.108.12.1017, expansion 20170504): 10 codes. Authored by src/cli/author-value-sets.ts. */
import { LOINC } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const PAP_TEST: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.108.12.1017'),
  oid: '2.16.840.1.113883.3.464.1003.108.12.1017',
  name: 'Pap Test',
  version: '20170504',
  codes: [
    [LOINC, '10524-7', 'Microscopic observation [Identifier] in Cervix by Cyto stain'],
    [LOINC, '18500-9', 'Microscopic observation [Identifier] in Cervix by Cyto stain.thin prep'],
    [LOINC, '19762-4', 'General categories [Interpretation] of Cervical or vaginal smear or scraping by Cyto stain'],
    [LOINC, '19764-0', 'Statement of adequacy [Interpretation] of Cervical or vaginal smear or scraping by Cyto stain'],
    [LOINC, '19765-7', 'Microscopic observation [Identifier] in Cervical or vaginal smear or scraping by Cyto stain'],
    [
      LOINC,
      '19766-5',
      'Microscopic observation [Identifier] in Cervical or vaginal smear or scraping by Cyto stain Narrative',
    ],
    [LOINC, '19774-9', 'Cytology study comment Cervical or vaginal smear or scraping Cyto stain'],
    [LOINC, '33717-0', 'Cervical AndOr vaginal cytology study'],
    [LOINC, '47527-7', 'Cytology report of Cervical or vaginal smear or scraping Cyto stain.thin prep'],
    [LOINC, '47528-5', 'Cytology report of Cervical or vaginal smear or scraping Cyto stain'],
  ],
};
