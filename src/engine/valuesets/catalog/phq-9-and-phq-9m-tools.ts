/** PHQ 9 and PHQ 9M Tools (VSAC 2.16.840.1.113883.3.67.1.101.1.263, expansion 20220219): 2 codes. Authored by src/cli/author-value-sets.ts. */
import { LOINC } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const PHQ_9_AND_PHQ_9M_TOOLS: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.67.1.101.1.263'),
  oid: '2.16.840.1.113883.3.67.1.101.1.263',
  name: 'PHQ 9 and PHQ 9M Tools',
  version: '20220219',
  codes: [
    [LOINC, '44261-6', 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]'],
    [LOINC, '89204-2', 'Patient Health Questionnaire-9: Modified for Teens total score [Reported.PHQ.Teen]'],
  ],
};
