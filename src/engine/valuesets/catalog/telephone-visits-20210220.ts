/** Telephone Visits (VSAC 2.16.840.1.113883.3.464.1003.101.12.1080, expansion 20210220, as the measure package pins it): 11 codes. Authored by src/cli/author-value-sets.ts. */
import { CPT, SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const TELEPHONE_VISITS_20210220: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.101.12.1080'),
  oid: '2.16.840.1.113883.3.464.1003.101.12.1080',
  name: 'Telephone Visits',
  version: '20210220',
  codes: [
    [SNOMED, '185317003', 'Telephone encounter (procedure)'],
    [SNOMED, '314849005', 'Telephone contact by consultant (procedure)'],
    [SNOMED, '386472008', 'Telephone consultation (procedure)'],
    [SNOMED, '386473003', 'Telephone follow-up (procedure)'],
    [SNOMED, '401267002', 'Telephone triage encounter (procedure)'],
    [
      CPT,
      '98966',
      'Telephone assessment and management service provided by a qualified nonphysician health care professional to an established patient, parent, or guardian not originating from a related assessment and management service provided within the previous 7 days nor leading to an assessment and management service or procedure within the next 24 hours or soonest available appointment; 5-10 minutes of medical discussion',
    ],
    [
      CPT,
      '98967',
      'Telephone assessment and management service provided by a qualified nonphysician health care professional to an established patient, parent, or guardian not originating from a related assessment and management service provided within the previous 7 days nor leading to an assessment and management service or procedure within the next 24 hours or soonest available appointment; 11-20 minutes of medical discussion',
    ],
    [
      CPT,
      '98968',
      'Telephone assessment and management service provided by a qualified nonphysician health care professional to an established patient, parent, or guardian not originating from a related assessment and management service provided within the previous 7 days nor leading to an assessment and management service or procedure within the next 24 hours or soonest available appointment; 21-30 minutes of medical discussion',
    ],
    [
      CPT,
      '99441',
      'Telephone evaluation and management service by a physician or other qualified health care professional who may report evaluation and management services provided to an established patient, parent, or guardian not originating from a related E/M service provided within the previous 7 days nor leading to an E/M service or procedure within the next 24 hours or soonest available appointment; 5-10 minutes of medical discussion',
    ],
    [
      CPT,
      '99442',
      'Telephone evaluation and management service by a physician or other qualified health care professional who may report evaluation and management services provided to an established patient, parent, or guardian not originating from a related E/M service provided within the previous 7 days nor leading to an E/M service or procedure within the next 24 hours or soonest available appointment; 11-20 minutes of medical discussion',
    ],
    [
      CPT,
      '99443',
      'Telephone evaluation and management service by a physician or other qualified health care professional who may report evaluation and management services provided to an established patient, parent, or guardian not originating from a related E/M service provided within the previous 7 days nor leading to an E/M service or procedure within the next 24 hours or soonest available appointment; 21-30 minutes of medical discussion',
    ],
  ],
};
