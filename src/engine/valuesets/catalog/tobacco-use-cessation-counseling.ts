/** Tobacco Use Cessation Counseling (VSAC 2.16.840.1.113883.3.526.3.509, expansion 20170504): 20 codes. Authored by src/cli/author-value-sets.ts. */
import { CPT, SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const TOBACCO_USE_CESSATION_COUNSELING: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.526.3.509'),
  oid: '2.16.840.1.113883.3.526.3.509',
  name: 'Tobacco Use Cessation Counseling',
  version: '20170504',
  codes: [
    [SNOMED, '1148687006', 'Education about cessation of electronic cigarette use (procedure)'],
    [SNOMED, '171055003', 'Pregnancy smoking education (procedure)'],
    [SNOMED, '185795007', 'Stop smoking monitoring verbal invite (procedure)'],
    [SNOMED, '185796008', 'Stop smoking monitoring telephone invite (procedure)'],
    [SNOMED, '225323000', 'Smoking cessation education (procedure)'],
    [SNOMED, '225324006', 'Smoking effects education (procedure)'],
    [SNOMED, '310429001', 'Smoking monitoring invitation (procedure)'],
    [SNOMED, '315232003', 'Referral to stop-smoking clinic (procedure)'],
    [SNOMED, '384742004', 'Smoking cessation assistance (regime/therapy)'],
    [SNOMED, '395700008', 'Referral to smoking cessation advisor (procedure)'],
    [SNOMED, '449841000124108', 'Referral to tobacco use cessation clinic (procedure)'],
    [SNOMED, '449851000124105', 'Referral to tobacco use cessation counselor (procedure)'],
    [SNOMED, '449861000124107', 'Referral to tobacco use cessation counseling program (procedure)'],
    [SNOMED, '449871000124100', 'Referral to tobacco use quit line (procedure)'],
    [SNOMED, '702388001', 'Tobacco use cessation education (procedure)'],
    [SNOMED, '710081004', 'Smoking cessation therapy (regime/therapy)'],
    [SNOMED, '711028002', 'Counseling about tobacco use (procedure)'],
    [SNOMED, '713700008', 'Smoking cessation drug therapy (regime/therapy)'],
    [
      CPT,
      '99406',
      'Smoking and tobacco use cessation counseling visit; intermediate, greater than 3 minutes up to 10 minutes',
    ],
    [CPT, '99407', 'Smoking and tobacco use cessation counseling visit; intensive, greater than 10 minutes'],
  ],
};
