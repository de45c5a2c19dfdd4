/** Contact or Office Visit (VSAC 2.16.840.1.113762.1.4.1080.5, expansion 20220219): 40 codes. Authored by src/cli/author-value-sets.ts. */
import { CPT, HCPCS } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const CONTACT_OR_OFFICE_VISIT: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113762.1.4.1080.5'),
  oid: '2.16.840.1.113762.1.4.1080.5',
  name: 'Contact or Office Visit',
  version: '20220219',
  codes: [
    [CPT, '90791', 'Psychiatric diagnostic evaluation'],
    [CPT, '90792', 'Psychiatric diagnostic evaluation with medical services'],
    [CPT, '90832', 'Psychotherapy, 30 minutes with patient'],
    [CPT, '90834', 'Psychotherapy, 45 minutes with patient'],
    [CPT, '90837', 'Psychotherapy, 60 minutes with patient'],
    [CPT, '90839', 'Psychotherapy for crisis; first 60 minutes'],
    [
      CPT,
      '96156',
      'Health behavior assessment, or re-assessment (ie, health-focused clinical interview, behavioral observations, clinical decision making)',
    ],
    [CPT, '96158', 'Health behavior intervention, individual, face-to-face; initial 30 minutes'],
    [
      CPT,
      '96159',
      'Health behavior intervention, individual, face-to-face; each additional 15 minutes (List separately in addition to code for primary service)',
    ],
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
      '99202',
      'Office or other outpatient visit for the evaluation and management of a new patient, which requires a medically appropriate history and/or examination and straightforward medical decision making. When using total time on the date of the encounter for code selection, 15 minutes must be met or exceeded.',
    ],
    [
      CPT,
      '99203',
      'Office or other outpatient visit for the evaluation and management of a new patient, which requires a medically appropriate history and/or examination and low level of medical decision making. When using total time on the date of the encounter for code selection, 30 minutes must be met or exceeded.',
    ],
    [
      CPT,
      '99204',
      'Office or other outpatient visit for the evaluation and management of a new patient, which requires a medically appropriate history and/or examination and moderate level of medical decision making. When using total time on the date of the encounter for code selection, 45 minutes must be met or exceeded.',
    ],
    [
      CPT,
      '99205',
      'Office or other outpatient visit for the evaluation and management of a new patient, which requires a medically appropriate history and/or examination and high level of medical decision making. When using total time on the date of the encounter for code selection, 60 minutes must be met or exceeded.',
    ],
    [
      CPT,
      '99211',
      'Office or other outpatient visit for the evaluation and management of an established patient that may not require the presence of a physician or other qualified health care professional',
    ],
    [
      CPT,
      '99212',
      'Office or other outpatient visit for the evaluation and management of an established patient, which requires a medically appropriate history and/or examination and straightforward medical decision making. When using total time on the date of the encounter for code selection, 10 minutes must be met or exceeded.',
    ],
    [
      CPT,
      '99213',
      'Office or other outpatient visit for the evaluation and management of an established patient, which requires a medically appropriate history and/or examination and low level of medical decision making. When using total time on the date of the encounter for code selection, 20 minutes must be met or exceeded.',
    ],
    [
      CPT,
      '99214',
      'Office or other outpatient visit for the evaluation and management of an established patient, which requires a medically appropriate history and/or examination and moderate level of medical decision making. When using total time on the date of the encounter for code selection, 30 minutes must be met or exceeded.',
    ],
    [
      CPT,
      '99215',
      'Office or other outpatient visit for the evaluation and management of an established patient, which requires a medically appropriate history and/or examination and high level of medical decision making. When using total time on the date of the encounter for code selection, 40 minutes must be met or exceeded.',
    ],
    [
      CPT,
      '99384',
      'Initial comprehensive preventive medicine evaluation and management of an individual including an age and gender appropriate history, examination, counseling/anticipatory guidance/risk factor reduction interventions, and the ordering of laboratory/diagnostic procedures, new patient; adolescent (age 12 through 17 years)',
    ],
    [
      CPT,
      '99385',
      'Initial comprehensive preventive medicine evaluation and management of an individual including an age and gender appropriate history, examination, counseling/anticipatory guidance/risk factor reduction interventions, and the ordering of laboratory/diagnostic procedures, new patient; 18-39 years',
    ],
    [
      CPT,
      '99386',
      'Initial comprehensive preventive medicine evaluation and management of an individual including an age and gender appropriate history, examination, counseling/anticipatory guidance/risk factor reduction interventions, and the ordering of laboratory/diagnostic procedures, new patient; 40-64 years',
    ],
    [
      CPT,
      '99387',
      'Initial comprehensive preventive medicine evaluation and management of an individual including an age and gender appropriate history, examination, counseling/anticipatory guidance/risk factor reduction interventions, and the ordering of laboratory/diagnostic procedures, new patient; 65 years and older',
    ],
    [
      CPT,
      '99394',
      'Periodic comprehensive preventive medicine reevaluation and management of an individual including an age and gender appropriate history, examination, counseling/anticipatory guidance/risk factor reduction interventions, and the ordering of laboratory/diagnostic procedures, established patient; adolescent (age 12 through 17 years)',
    ],
    [
      CPT,
      '99395',
      'Periodic comprehensive preventive medicine reevaluation and management of an individual including an age and gender appropriate history, examination, counseling/anticipatory guidance/risk factor reduction interventions, and the ordering of laboratory/diagnostic procedures, established patient; 18-39 years',
    ],
    [
      CPT,
      '99396',
      'Periodic comprehensive preventive medicine reevaluation and management of an individual including an age and gender appropriate history, examination, counseling/anticipatory guidance/risk factor reduction interventions, and the ordering of laboratory/diagnostic procedures, established patient; 40-64 years',
    ],
    [
      CPT,
      '99397',
      'Periodic comprehensive preventive medicine reevaluation and management of an individual including an age and gender appropriate history, examination, counseling/anticipatory guidance/risk factor reduction interventions, and the ordering of laboratory/diagnostic procedures, established patient; 65 years and older',
    ],
    [
      CPT,
      '99421',
      'Online digital evaluation and management service, for an established patient, for up to 7 days, cumulative time during the 7 days; 5-10 minutes',
    ],
    [
      CPT,
      '99422',
      'Online digital evaluation and management service, for an established patient, for up to 7 days, cumulative time during the 7 days; 11-20 minutes',
    ],
    [
      CPT,
      '99423',
      'Online digital evaluation and management service, for an established patient, for up to 7 days, cumulative time during the 7 days; 21 or more minutes',
    ],
    [
      HCPCS,
      'G0402',
      'Initial preventive physical examination; face-to-face visit, services limited to new beneficiary during the first 12 months of medicare enrollment',
    ],
    [HCPCS, 'G0438', 'Annual wellness visit; includes a personalized prevention plan of service (pps), initial visit'],
    [
      HCPCS,
      'G0439',
      'Annual wellness visit, includes a personalized prevention plan of service (pps), subsequent visit',
    ],
  ],
};
