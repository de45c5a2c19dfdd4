/** ESRD Monthly Outpatient Services (VSAC 2.16.840.1.113883.3.464.1003.109.12.1014, expansion 20170504, as the measure package pins it): 25 codes. Authored by src/cli/author-value-sets.ts. */
import { CPT } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const ESRD_MONTHLY_OUTPATIENT_SERVICES: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.109.12.1014'),
  oid: '2.16.840.1.113883.3.464.1003.109.12.1014',
  name: 'ESRD Monthly Outpatient Services',
  version: '20170504',
  codes: [
    [
      CPT,
      '90951',
      'End-stage renal disease (ESRD) related services monthly, for patients younger than 2 years of age to include monitoring for the adequacy of nutrition, assessment of growth and development, and counseling of parents; with 4 or more face-to-face visits by a physician or other qualified health care professional per month',
    ],
    [
      CPT,
      '90952',
      'End-stage renal disease (ESRD) related services monthly, for patients younger than 2 years of age to include monitoring for the adequacy of nutrition, assessment of growth and development, and counseling of parents; with 2-3 face-to-face visits by a physician or other qualified health care professional per month',
    ],
    [
      CPT,
      '90953',
      'End-stage renal disease (ESRD) related services monthly, for patients younger than 2 years of age to include monitoring for the adequacy of nutrition, assessment of growth and development, and counseling of parents; with 1 face-to-face visit by a physician or other qualified health care professional per month',
    ],
    [
      CPT,
      '90954',
      'End-stage renal disease (ESRD) related services monthly, for patients 2-11 years of age to include monitoring for the adequacy of nutrition, assessment of growth and development, and counseling of parents; with 4 or more face-to-face visits by a physician or other qualified health care professional per month',
    ],
    [
      CPT,
      '90955',
      'End-stage renal disease (ESRD) related services monthly, for patients 2-11 years of age to include monitoring for the adequacy of nutrition, assessment of growth and development, and counseling of parents; with 2-3 face-to-face visits by a physician or other qualified health care professional per month',
    ],
    [
      CPT,
      '90956',
      'End-stage renal disease (ESRD) related services monthly, for patients 2-11 years of age to include monitoring for the adequacy of nutrition, assessment of growth and development, and counseling of parents; with 1 face-to-face visit by a physician or other qualified health care professional per month',
    ],
    [
      CPT,
      '90957',
      'End-stage renal disease (ESRD) related services monthly, for patients 12-19 years of age to include monitoring for the adequacy of nutrition, assessment of growth and development, and counseling of parents; with 4 or more face-to-face visits by a physician or other qualified health care professional per month',
    ],
    [
      CPT,
      '90958',
      'End-stage renal disease (ESRD) related services monthly, for patients 12-19 years of age to include monitoring for the adequacy of nutrition, assessment of growth and development, and counseling of parents; with 2-3 face-to-face visits by a physician or other qualified health care professional per month',
    ],
    [
      CPT,
      '90959',
      'End-stage renal disease (ESRD) related services monthly, for patients 12-19 years of age to include monitoring for the adequacy of nutrition, assessment of growth and development, and counseling of parents; with 1 face-to-face visit by a physician or other qualified health care professional per month',
    ],
    [
      CPT,
      '90960',
      'End-stage renal disease (ESRD) related services monthly, for patients 20 years of age and older; with 4 or more face-to-face visits by a physician or other qualified health care professional per month',
    ],
    [
      CPT,
      '90961',
      'End-stage renal disease (ESRD) related services monthly, for patients 20 years of age and older; with 2-3 face-to-face visits by a physician or other qualified health care professional per month',
    ],
    [
      CPT,
      '90962',
      'End-stage renal disease (ESRD) related services monthly, for patients 20 years of age and older; with 1 face-to-face visit by a physician or other qualified health care professional per month',
    ],
    [
      CPT,
      '90963',
      'End-stage renal disease (ESRD) related services for home dialysis per full month, for patients younger than 2 years of age to include monitoring for the adequacy of nutrition, assessment of growth and development, and counseling of parents',
    ],
    [
      CPT,
      '90964',
      'End-stage renal disease (ESRD) related services for home dialysis per full month, for patients 2-11 years of age to include monitoring for the adequacy of nutrition, assessment of growth and development, and counseling of parents',
    ],
    [
      CPT,
      '90965',
      'End-stage renal disease (ESRD) related services for home dialysis per full month, for patients 12-19 years of age to include monitoring for the adequacy of nutrition, assessment of growth and development, and counseling of parents',
    ],
    [
      CPT,
      '90966',
      'End-stage renal disease (ESRD) related services for home dialysis per full month, for patients 20 years of age and older',
    ],
    [
      CPT,
      '90967',
      'End-stage renal disease (ESRD) related services for dialysis less than a full month of service, per day; for patients younger than 2 years of age',
    ],
    [
      CPT,
      '90968',
      'End-stage renal disease (ESRD) related services for dialysis less than a full month of service, per day; for patients 2-11 years of age',
    ],
    [
      CPT,
      '90969',
      'End-stage renal disease (ESRD) related services for dialysis less than a full month of service, per day; for patients 12-19 years of age',
    ],
    [
      CPT,
      '90970',
      'End-stage renal disease (ESRD) related services for dialysis less than a full month of service, per day; for patients 20 years of age and older',
    ],
    [CPT, '90989', 'Dialysis training, patient, including helper where applicable, any mode, completed course'],
    [
      CPT,
      '90993',
      'Dialysis training, patient, including helper where applicable, any mode, course not completed, per training session',
    ],
    [CPT, '90997', 'Hemoperfusion (eg, with activated charcoal or resin)'],
    [CPT, '90999', 'Unlisted dialysis procedure, inpatient or outpatient'],
    [CPT, '99512', 'Home visit for hemodialysis'],
  ],
};
