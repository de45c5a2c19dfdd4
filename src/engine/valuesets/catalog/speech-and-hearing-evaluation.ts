/** Speech and Hearing Evaluation (VSAC 2.16.840.1.113883.3.526.3.1530, expansion 20190315): 11 codes. Authored by src/cli/author-value-sets.ts. */
import { CPT, SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const SPEECH_AND_HEARING_EVALUATION: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.526.3.1530'),
  oid: '2.16.840.1.113883.3.526.3.1530',
  name: 'Speech and Hearing Evaluation',
  version: '20190315',
  codes: [
    [SNOMED, '26342005', 'Medical evaluation for speech, language and/or hearing problems (regime/therapy)'],
    [SNOMED, '41375007', 'Medical evaluation of hearing problem (procedure)'],
    [SNOMED, '77837000', 'Medical evaluation of speech, language and hearing problem (procedure)'],
    [SNOMED, '91515000', 'Special audiologic evaluation for functional hearing loss (procedure)'],
    [CPT, '92521', 'Evaluation of speech fluency (eg, stuttering, cluttering)'],
    [
      CPT,
      '92522',
      'Evaluation of speech sound production (eg, articulation, phonological process, apraxia, dysarthria)',
    ],
    [
      CPT,
      '92523',
      'Evaluation of speech sound production (eg, articulation, phonological process, apraxia, dysarthria); with evaluation of language comprehension and expression (eg, receptive and expressive language)',
    ],
    [CPT, '92524', 'Behavioral and qualitative analysis of voice and resonance'],
    [
      CPT,
      '92540',
      'Basic vestibular evaluation, includes spontaneous nystagmus test with eccentric gaze fixation nystagmus, with recording, positional nystagmus test, minimum of 4 positions, with recording, optokinetic nystagmus test, bidirectional foveal and peripheral stimulation, with recording, and oscillating tracking test, with recording',
    ],
    [CPT, '92557', 'Comprehensive audiometry threshold evaluation and speech recognition (92553 and 92556 combined)'],
    [CPT, '92625', 'Assessment of tinnitus (includes pitch, loudness matching, and masking)'],
  ],
};
