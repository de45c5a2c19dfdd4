/** Federal Administrative Sex (VSAC 2.16.840.1.113762.1.4.1021.121, expansion 20250228, as the measure package pins it): 2 codes. Authored by src/cli/author-value-sets.ts. */
import { SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const FEDERAL_ADMINISTRATIVE_SEX: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113762.1.4.1021.121'),
  oid: '2.16.840.1.113762.1.4.1021.121',
  name: 'Federal Administrative Sex',
  version: '20250228',
  codes: [
    [SNOMED, '248152002', 'Female (finding)'],
    [SNOMED, '248153007', 'Male (finding)'],
  ],
};
