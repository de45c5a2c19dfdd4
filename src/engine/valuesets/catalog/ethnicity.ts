/** Ethnicity (VSAC 2.16.840.1.114222.4.11.837, expansion 20121025, as the measure package pins it): 2 codes. Authored by src/cli/author-value-sets.ts. */
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const ETHNICITY: ValueSetDef = {
  url: vsacUrl('2.16.840.1.114222.4.11.837'),
  oid: '2.16.840.1.114222.4.11.837',
  name: 'Ethnicity',
  version: '20121025',
  codes: [
    ['urn:oid:2.16.840.1.113883.6.238', '2135-2', 'Hispanic or Latino'],
    ['urn:oid:2.16.840.1.113883.6.238', '2186-5', 'Not Hispanic or Latino'],
  ],
};
