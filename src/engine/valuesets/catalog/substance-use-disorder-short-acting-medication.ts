/** Substance Use Disorder Short Acting Medication (VSAC 2.16.840.1.113883.3.464.1003.1150, expansion 20240124): 21 codes. Authored by src/cli/author-value-sets.ts. */
import { RXNORM } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const SUBSTANCE_USE_DISORDER_SHORT_ACTING_MEDICATION: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.1150'),
  oid: '2.16.840.1.113883.3.464.1003.1150',
  name: 'Substance Use Disorder Short Acting Medication',
  version: '20240124',
  codes: [
    [RXNORM, '1010600', 'buprenorphine 2 MG / naloxone 0.5 MG Sublingual Film'],
    [RXNORM, '1010604', 'buprenorphine 8 MG / naloxone 2 MG Sublingual Film'],
    [RXNORM, '1307056', 'buprenorphine 4 MG / naloxone 1 MG Sublingual Film'],
    [RXNORM, '1307061', 'buprenorphine 12 MG / naloxone 3 MG Sublingual Film'],
    [RXNORM, '1431076', 'buprenorphine 1.4 MG / naloxone 0.36 MG Sublingual Tablet'],
    [RXNORM, '1431102', 'buprenorphine 5.7 MG / naloxone 1.4 MG Sublingual Tablet'],
    [RXNORM, '1483744', 'naltrexone hydrochloride 50 MG Oral Tablet'],
    [RXNORM, '1542390', 'buprenorphine 2.1 MG / naloxone 0.3 MG Buccal Film'],
    [RXNORM, '1544851', 'buprenorphine 4.2 MG / naloxone 0.7 MG Buccal Film'],
    [RXNORM, '1544854', 'buprenorphine 6.3 MG / naloxone 1 MG Buccal Film'],
    [RXNORM, '1597568', 'buprenorphine 11.4 MG / naloxone 2.9 MG Sublingual Tablet'],
    [RXNORM, '1597573', 'buprenorphine 8.6 MG / naloxone 2.1 MG Sublingual Tablet'],
    [RXNORM, '1666338', 'buprenorphine 2.9 MG / naloxone 0.71 MG Sublingual Tablet'],
    [RXNORM, '1864412', 'buprenorphine 0.7 MG / naloxone 0.18 MG Sublingual Tablet'],
    [RXNORM, '197623', 'disulfiram 250 MG Oral Tablet'],
    [RXNORM, '197624', 'disulfiram 500 MG Oral Tablet'],
    [RXNORM, '351264', 'buprenorphine 2 MG Sublingual Tablet'],
    [RXNORM, '351265', 'buprenorphine 8 MG Sublingual Tablet'],
    [RXNORM, '351266', 'buprenorphine 2 MG / naloxone 0.5 MG Sublingual Tablet'],
    [RXNORM, '351267', 'buprenorphine 8 MG / naloxone 2 MG Sublingual Tablet'],
    [RXNORM, '835726', 'acamprosate calcium 333 MG Delayed Release Oral Tablet'],
  ],
};
