/** Substance Use Disorder Short Acting Medication Administration (VSAC 2.16.840.1.113883.3.464.1003.1157, expansion 20211102): 10 codes. Authored by src/cli/author-value-sets.ts. */
import { HCPCS, SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const SUBSTANCE_USE_DISORDER_SHORT_ACTING_MEDICATION_ADMINISTRATION: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.1157'),
  oid: '2.16.840.1.113883.3.464.1003.1157',
  name: 'Substance Use Disorder Short Acting Medication Administration',
  version: '20211102',
  codes: [
    [SNOMED, '1254709001', 'Referral to substance use disorder treatment program (procedure)'],
    [SNOMED, '310653000', 'Drug addiction therapy using methadone (regime/therapy)'],
    [
      HCPCS,
      'G2067',
      'Medication assisted treatment, methadone; weekly bundle including dispensing and/or administration, substance use counseling, individual and group therapy, and toxicology testing, if performed (provision of the services by a medicare-enrolled opioid treatment program)',
    ],
    [
      HCPCS,
      'G2068',
      'Medication assisted treatment, buprenorphine (oral); weekly bundle including dispensing and/or administration, substance use counseling, individual and group therapy, and toxicology testing if performed (provision of the services by a medicare-enrolled opioid treatment program)',
    ],
    [
      HCPCS,
      'G2078',
      'Take-home supply of methadone; up to 7 additional day supply (provision of the services by a medicare-enrolled opioid treatment program); list separately in addition to code for primary procedure',
    ],
    [
      HCPCS,
      'G2079',
      'Take-home supply of buprenorphine (oral); up to 7 additional day supply (provision of the services by a medicare-enrolled opioid treatment program); list separately in addition to code for primary procedure',
    ],
    [HCPCS, 'H0006', 'Alcohol and/or drug services; case management'],
    [
      HCPCS,
      'H0020',
      'Alcohol and/or drug services; methadone administration and/or service (provision of the drug by a licensed program)',
    ],
    [
      HCPCS,
      'H0028',
      'Alcohol and/or drug prevention problem identification and referral service (e.g., student assistance and employee assistance programs), does not include assessment',
    ],
    [HCPCS, 'H0033', 'Oral medication administration, direct observation'],
  ],
};
