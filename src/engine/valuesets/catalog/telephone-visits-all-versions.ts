/** Telephone Visits, every published version (VSAC 2.16.840.1.113883.3.464.1003.101.12.1080: 20250205+20210220 and the current list): 19 codes — for rules outside the eCQMs only. Authored by src/cli/author-value-sets.ts. */
import { CPT, SNOMED } from '../../codes/code-systems.ts';
import { type ValueSetDef } from '../value-set.ts';

export const TELEPHONE_VISITS_ALL_VERSIONS: ValueSetDef = {
  url: 'https://caregap.example.org/fhir/ValueSet/2.16.840.1.113883.3.464.1003.101.12.1080-all-versions',
  oid: '2.16.840.1.113883.3.464.1003.101.12.1080-all-versions',
  name: 'Telephone Visits',
  version: '20250205+20210220',
  codes: [
    [SNOMED, '185317003', 'Telephone encounter (procedure)'],
    [SNOMED, '314849005', 'Telephone contact by consultant (procedure)'],
    [SNOMED, '386472008', 'Telephone consultation (procedure)'],
    [SNOMED, '386473003', 'Telephone follow-up (procedure)'],
    [SNOMED, '401267002', 'Telephone triage encounter (procedure)'],
    [
      CPT,
      '98008',
      'Synchronous audio-only visit for the evaluation and management of a new patient, which requires a medically appropriate history and/or examination, straightforward medical decision making, and more than 10 minutes of medical discussion. When using total time on the date of the encounter for code selection, 15 minutes must be met or exceeded.',
    ],
    [
      CPT,
      '98009',
      'Synchronous audio-only visit for the evaluation and management of a new patient, which requires a medically appropriate history and/or examination, low medical decision making, and more than 10 minutes of medical discussion. When using total time on the date of the encounter for code selection, 30 minutes must be met or exceeded.',
    ],
    [
      CPT,
      '98010',
      'Synchronous audio-only visit for the evaluation and management of a new patient, which requires a medically appropriate history and/or examination, moderate medical decision making, and more than 10 minutes of medical discussion. When using total time on the date of the encounter for code selection, 45 minutes must be met or exceeded.',
    ],
    [
      CPT,
      '98011',
      'Synchronous audio-only visit for the evaluation and management of a new patient, which requires a medically appropriate history and/or examination, high medical decision making, and more than 10 minutes of medical discussion. When using total time on the date of the encounter for code selection, 60 minutes must be met or exceeded.',
    ],
    [
      CPT,
      '98012',
      'Synchronous audio-only visit for the evaluation and management of an established patient, which requires a medically appropriate history and/or examination, straightforward medical decision making, and more than 10 minutes of medical discussion. When using total time on the date of the encounter for code selection, 10 minutes must be exceeded.',
    ],
    [
      CPT,
      '98013',
      'Synchronous audio-only visit for the evaluation and management of an established patient, which requires a medically appropriate history and/or examination, low medical decision making, and more than 10 minutes of medical discussion. When using total time on the date of the encounter for code selection, 20 minutes must be met or exceeded.',
    ],
    [
      CPT,
      '98014',
      'Synchronous audio-only visit for the evaluation and management of an established patient, which requires a medically appropriate history and/or examination, moderate medical decision making, and more than 10 minutes of medical discussion. When using total time on the date of the encounter for code selection, 30 minutes must be met or exceeded.',
    ],
    [
      CPT,
      '98015',
      'Synchronous audio-only visit for the evaluation and management of an established patient, which requires a medically appropriate history and/or examination, high medical decision making, and more than 10 minutes of medical discussion. When using total time on the date of the encounter for code selection, 40 minutes must be met or exceeded.',
    ],
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
