/** Audiology Visit (VSAC 2.16.840.1.113883.3.464.1003.101.12.1066, expansion 20170504): 4 codes. Authored by src/cli/author-value-sets.ts. */
import { CPT } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const AUDIOLOGY_VISIT: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.101.12.1066'),
  oid: '2.16.840.1.113883.3.464.1003.101.12.1066',
  name: 'Audiology Visit',
  version: '20170504',
  codes: [
    [
      CPT,
      '92540',
      'Basic vestibular evaluation, includes spontaneous nystagmus test with eccentric gaze fixation nystagmus, with recording, positional nystagmus test, minimum of 4 positions, with recording, optokinetic nystagmus test, bidirectional foveal and peripheral stimulation, with recording, and oscillating tracking test, with recording',
    ],
    [CPT, '92541', 'Spontaneous nystagmus test, including gaze and fixation nystagmus, with recording'],
    [CPT, '92542', 'Positional nystagmus test, minimum of 4 positions, with recording'],
    [
      CPT,
      '92548',
      'Computerized dynamic posturography sensory organization test (CDP-SOT), 6 conditions (ie, eyes open, eyes closed, visual sway, platform sway, eyes closed platform sway, platform and visual sway), including interpretation and report',
    ],
  ],
};
