/** HPV Test (VSAC 2.16.840.1.113883.3.464.1003.110.12.1059, expansion 20170504): 18 codes. Authored by src/cli/author-value-sets.ts. */
import { LOINC } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const HPV_TEST: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.110.12.1059'),
  oid: '2.16.840.1.113883.3.464.1003.110.12.1059',
  name: 'HPV Test',
  version: '20170504',
  codes: [
    [
      LOINC,
      '104132-6',
      'Human papilloma virus 16 and 18 and 31 and 45+33+52+58 and 35+39+51+56+59+66+68 DNA [Interpretation] in Cervix by NAA with probe detection',
    ],
    [LOINC, '104170-6', 'Human papilloma virus 31+33+52+58 DNA [Presence] in Cervix by NAA with probe detection'],
    [LOINC, '21440-3', 'Human papilloma virus 16+18+31+33+35+45+51+52+56 DNA [Presence] in Cervix by Probe'],
    [
      LOINC,
      '30167-1',
      'Human papilloma virus 16+18+31+33+35+39+45+51+52+56+58+59+68 DNA [Presence] in Cervix by Probe with signal amplification',
    ],
    [
      LOINC,
      '38372-9',
      'Human papilloma virus 6+11+16+18+31+33+35+39+42+43+44+45+51+52+56+58+59+68 DNA [Presence] in Cervix by Probe with signal amplification',
    ],
    [LOINC, '59263-4', 'Human papilloma virus 16 DNA [Presence] in Cervix by Probe with signal amplification'],
    [LOINC, '59264-2', 'Human papilloma virus 18 DNA [Presence] in Cervix by Probe with signal amplification'],
    [
      LOINC,
      '59420-0',
      'Human papilloma virus 16+18+31+33+35+39+45+51+52+56+58+59+66+68 DNA [Presence] in Cervix by Probe with signal amplification',
    ],
    [LOINC, '69002-4', 'Human papilloma virus E6+E7 mRNA [Presence] in Cervix by NAA with probe detection'],
    [
      LOINC,
      '71431-1',
      'Human papilloma virus 31+33+35+39+45+51+52+56+58+59+66+68 DNA [Presence] in Cervix by NAA with probe detection',
    ],
    [LOINC, '75694-0', 'Human papilloma virus 18+45 E6+E7 mRNA [Presence] in Cervix by NAA with probe detection'],
    [
      LOINC,
      '77379-6',
      'Human papilloma virus 16 and 18 and 31+33+35+39+45+51+52+56+58+59+66+68 DNA [Interpretation] in Cervix',
    ],
    [LOINC, '77399-4', 'Human papilloma virus 16 DNA [Presence] in Cervix by NAA with probe detection'],
    [LOINC, '77400-0', 'Human papilloma virus 18 DNA [Presence] in Cervix by NAA with probe detection'],
    [
      LOINC,
      '82354-2',
      'Human papilloma virus 16 and 18+45 E6+E7 mRNA [Identifier] in Cervix by NAA with probe detection',
    ],
    [LOINC, '82456-5', 'Human papilloma virus 16 E6+E7 mRNA [Presence] in Cervix by NAA with probe detection'],
    [
      LOINC,
      '82675-0',
      'Human papilloma virus 16+18+31+33+35+39+45+51+52+56+58+59+66+68 DNA [Presence] in Cervix by NAA with probe detection',
    ],
    [LOINC, '95539-3', 'Human papilloma virus 31 DNA [Presence] in Cervix by NAA with probe detection'],
  ],
};
