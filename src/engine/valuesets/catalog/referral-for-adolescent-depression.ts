/** Referral for Adolescent Depression (VSAC 2.16.840.1.113883.3.526.3.1570, expansion 20200307, as the measure package pins it): 17 codes. Authored by src/cli/author-value-sets.ts. */
import { SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const REFERRAL_FOR_ADOLESCENT_DEPRESSION: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.526.3.1570'),
  oid: '2.16.840.1.113883.3.526.3.1570',
  name: 'Referral for Adolescent Depression',
  version: '20200307',
  codes: [
    [SNOMED, '1186918003', 'Referral to intellectual disability psychiatrist (procedure)'],
    [SNOMED, '1186920000', 'Referral to intellectual disability psychiatry service (procedure)'],
    [SNOMED, '183524004', 'Referral to psychiatry service (procedure)'],
    [SNOMED, '183583007', 'Refer to mental health worker (procedure)'],
    [SNOMED, '183866009', 'Referral to emergency clinic (procedure)'],
    [SNOMED, '306136006', 'Referral to liaison psychiatry service (procedure)'],
    [SNOMED, '306226009', 'Referral to mental health counseling service (procedure)'],
    [SNOMED, '306227000', 'Referral for mental health counseling (procedure)'],
    [SNOMED, '306252003', 'Referral to mental health counselor (procedure)'],
    [SNOMED, '306291008', 'Referral to child and adolescent psychiatrist (procedure)'],
    [SNOMED, '308459004', 'Referral to psychologist (procedure)'],
    [SNOMED, '308477009', 'Referral to psychiatrist (procedure)'],
    [SNOMED, '309627007', 'Child referral - clinical psychologist (procedure)'],
    [SNOMED, '390866009', 'Referral to mental health team (procedure)'],
    [SNOMED, '703978000', 'Referral to primary care service (procedure)'],
    [SNOMED, '710914003', 'Referral to family therapy (procedure)'],
    [SNOMED, '711281004', 'Referral to support group (procedure)'],
  ],
};
