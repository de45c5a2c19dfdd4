/** Race (VSAC 2.16.840.1.114222.4.11.836, expansion 20121025, as the measure package pins it): 6 codes. Authored by src/cli/author-value-sets.ts. */
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const RACE: ValueSetDef = {
  url: vsacUrl('2.16.840.1.114222.4.11.836'),
  oid: '2.16.840.1.114222.4.11.836',
  name: 'Race',
  version: '20121025',
  codes: [
    ['urn:oid:2.16.840.1.113883.6.238', '1002-5', 'American Indian or Alaska Native'],
    ['urn:oid:2.16.840.1.113883.6.238', '2028-9', 'Asian'],
    ['urn:oid:2.16.840.1.113883.6.238', '2054-5', 'Black or African American'],
    ['urn:oid:2.16.840.1.113883.6.238', '2076-8', 'Native Hawaiian or Other Pacific Islander'],
    ['urn:oid:2.16.840.1.113883.6.238', '2106-3', 'White'],
    ['urn:oid:2.16.840.1.113883.6.238', '2131-1', 'Other Race'],
  ],
};
