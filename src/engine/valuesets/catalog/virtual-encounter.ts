/** Virtual Encounter (VSAC 2.16.840.1.113883.3.464.1003.101.12.1089, expansion 20210224, as the measure package pins it): 16 codes. Authored by src/cli/author-value-sets.ts. */
import { CPT, HCPCS } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const VIRTUAL_ENCOUNTER: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.101.12.1089'),
  oid: '2.16.840.1.113883.3.464.1003.101.12.1089',
  name: 'Virtual Encounter',
  version: '20210224',
  codes: [
    [
      CPT,
      '98970',
      'Qualified nonphysician health care professional online digital assessment and management, for an established patient, for up to 7 days, cumulative time during the 7 days; 5-10 minutes',
    ],
    [
      CPT,
      '98971',
      'Qualified nonphysician health care professional online digital assessment and management, for an established patient, for up to 7 days, cumulative time during the 7 days; 11-20 minutes',
    ],
    [
      CPT,
      '98972',
      'Qualified nonphysician health care professional online digital assessment and management, for an established patient, for up to 7 days, cumulative time during the 7 days; 21 or more minutes',
    ],
    [
      CPT,
      '98980',
      'Remote therapeutic monitoring treatment management services, physician or other qualified health care professional time in a calendar month requiring at least one interactive communication with the patient or caregiver during the calendar month; first 20 minutes',
    ],
    [
      CPT,
      '98981',
      'Remote therapeutic monitoring treatment management services, physician or other qualified health care professional time in a calendar month requiring at least one interactive communication with the patient or caregiver during the calendar month; each additional 20 minutes (List separately in addition to code for primary procedure)',
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
      CPT,
      '99457',
      'Remote physiologic monitoring treatment management services, clinical staff/physician/other qualified health care professional time in a calendar month requiring interactive communication with the patient/caregiver during the month; first 20 minutes',
    ],
    [
      CPT,
      '99458',
      'Remote physiologic monitoring treatment management services, clinical staff/physician/other qualified health care professional time in a calendar month requiring interactive communication with the patient/caregiver during the month; each additional 20 minutes (List separately in addition to code for primary procedure)',
    ],
    [
      HCPCS,
      'G0071',
      'Payment for communication technology-based services for 5 minutes or more of a virtual (non-face-to-face) communication between an rural health clinic (rhc) or federally qualified health center (fqhc) practitioner and rhc or fqhc patient, or 5 minutes or more of remote evaluation of recorded video and/or images by an rhc or fqhc practitioner, occurring in lieu of an office visit; rhc or fqhc only',
    ],
    [
      HCPCS,
      'G2010',
      'Remote evaluation of recorded video and/or images submitted by an established patient (e.g., store and forward), including interpretation with follow-up with the patient within 24 business hours, not originating from a related e/m service provided within the previous 7 days nor leading to an e/m service or procedure within the next 24 hours or soonest available appointment',
    ],
    [
      HCPCS,
      'G2012',
      'Brief communication technology-based service, e.g. virtual check-in, by a physician or other qualified health care professional who can report evaluation and management services, provided to an established patient, not originating from a related e/m service provided within the previous 7 days nor leading to an e/m service or procedure within the next 24 hours or soonest available appointment; 5-10 minutes of medical discussion',
    ],
    [
      HCPCS,
      'G2250',
      'Remote assessment of recorded video and/or images submitted by an established patient (e.g., store and forward), including interpretation with follow-up with the patient within 24 business hours, not originating from a related service provided within the previous 7 days nor leading to a service or procedure within the next 24 hours or soonest available appointment',
    ],
    [
      HCPCS,
      'G2251',
      'Brief communication technology-based service, e.g. virtual check-in, by a qualified health care professional who cannot report evaluation and management services, provided to an established patient, not originating from a related service provided within the previous 7 days nor leading to a service or procedure within the next 24 hours or soonest available appointment; 5-10 minutes of clinical discussion',
    ],
    [
      HCPCS,
      'G2252',
      'Brief communication technology-based service, e.g. virtual check-in, by a physician or other qualified health care professional who can report evaluation and management services, provided to an established patient, not originating from a related e/m service provided within the previous 7 days nor leading to an e/m service or procedure within the next 24 hours or soonest available appointment; 11-20 minutes of medical discussion',
    ],
  ],
};
