/** Substance Use Disorder Long Acting Medication Administration (VSAC 2.16.840.1.113883.3.464.1003.1156, expansion 20211102): 15 codes. Authored by src/cli/author-value-sets.ts. */
import { HCPCS } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const SUBSTANCE_USE_DISORDER_LONG_ACTING_MEDICATION_ADMINISTRATION: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.1156'),
  oid: '2.16.840.1.113883.3.464.1003.1156',
  name: 'Substance Use Disorder Long Acting Medication Administration',
  version: '20211102',
  codes: [
    [
      HCPCS,
      'G2069',
      'Medication assisted treatment, buprenorphine (injectable) administered on a monthly basis; bundle including dispensing and/or administration, substance use counseling, individual and group therapy, and toxicology testing if performed (provision of the services by a medicare-enrolled opioid treatment program)',
    ],
    [
      HCPCS,
      'G2073',
      'Medication assisted treatment, naltrexone; weekly bundle including dispensing and/or administration, substance use counseling, individual and group therapy, and toxicology testing if performed (provision of the services by a medicare-enrolled opioid treatment program)',
    ],
    [
      HCPCS,
      'H0020',
      'Alcohol and/or drug services; methadone administration and/or service (provision of the drug by a licensed program)',
    ],
    [HCPCS, 'H0033', 'Oral medication administration, direct observation'],
    [HCPCS, 'J0571', 'Buprenorphine, oral, 1 mg'],
    [HCPCS, 'J0572', 'Buprenorphine/naloxone, oral, less than or equal to 3 mg buprenorphine'],
    [HCPCS, 'J0573', 'Buprenorphine/naloxone, oral, greater than 3 mg, but less than or equal to 6 mg buprenorphine'],
    [HCPCS, 'J0574', 'Buprenorphine/naloxone, oral, greater than 6 mg, but less than or equal to 10 mg buprenorphine'],
    [HCPCS, 'J0575', 'Buprenorphine/naloxone, oral, greater than 10 mg buprenorphine'],
    [HCPCS, 'J0577', 'Injection, buprenorphine extended-release (brixadi), less than or equal to 7 days of therapy'],
    [
      HCPCS,
      'J0578',
      'Injection, buprenorphine extended release (brixadi), greater than 7 days and up to 28 days of therapy',
    ],
    [HCPCS, 'J2315', 'Injection, naltrexone, depot form, 1 mg'],
    [HCPCS, 'Q9991', 'Injection, buprenorphine extended-release (sublocade), less than or equal to 100 mg'],
    [HCPCS, 'Q9992', 'Injection, buprenorphine extended-release (sublocade), greater than 100 mg'],
    [HCPCS, 'S0109', 'Methadone, oral, 5 mg'],
  ],
};
