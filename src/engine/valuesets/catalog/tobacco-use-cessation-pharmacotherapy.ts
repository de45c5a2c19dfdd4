/** Tobacco Use Cessation Pharmacotherapy (VSAC 2.16.840.1.113883.3.526.3.1190, expansion 20170504): 29 codes. Authored by src/cli/author-value-sets.ts. */
import { RXNORM } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const TOBACCO_USE_CESSATION_PHARMACOTHERAPY: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.526.3.1190'),
  oid: '2.16.840.1.113883.3.526.3.1190',
  name: 'Tobacco Use Cessation Pharmacotherapy',
  version: '20170504',
  codes: [
    [RXNORM, '1232585', '24 HR bupropion hydrochloride 450 MG Extended Release Oral Tablet'],
    [
      RXNORM,
      '1551468',
      '12 HR bupropion hydrochloride 90 MG / naltrexone hydrochloride 8 MG Extended Release Oral Tablet',
    ],
    [RXNORM, '1797886', 'nicotine 0.5 MG/ACTUAT Metered Dose Nasal Spray'],
    [RXNORM, '1801289', 'Smoking Cessation 12 HR bupropion hydrochloride 150 MG Extended Release Oral Tablet'],
    [RXNORM, '198029', '24 HR nicotine 0.583 MG/HR Transdermal System'],
    [RXNORM, '198030', '24 HR nicotine 0.875 MG/HR Transdermal System'],
    [RXNORM, '198031', '24 HR nicotine 0.292 MG/HR Transdermal System'],
    [RXNORM, '250983', 'nicotine 4 MG Inhalation Solution'],
    [RXNORM, '2572365', 'varenicline 0.03 MG/ACTUAT Nasal Spray'],
    [
      RXNORM,
      '2611260',
      'bupropion hydrochloride 105 MG / dextromethorphan hydrobromide 45 MG Extended Release Oral Tablet',
    ],
    [RXNORM, '311975', 'nicotine 4 MG Chewing Gum'],
    [RXNORM, '314119', 'nicotine 2 MG Chewing Gum'],
    [RXNORM, '359817', 'nicotine 2 MG Oral Lozenge'],
    [RXNORM, '359818', 'nicotine 4 MG Oral Lozenge'],
    [RXNORM, '636671', 'varenicline 0.5 MG Oral Tablet'],
    [RXNORM, '636676', 'varenicline 1 MG Oral Tablet'],
    [RXNORM, '749289', '{11 (varenicline 0.5 MG Oral Tablet) / 42 (varenicline 1 MG Oral Tablet) } Pack'],
    [RXNORM, '749788', '{56 (varenicline 1 MG Oral Tablet) } Pack'],
    [
      RXNORM,
      '892244',
      '{14 (24 HR nicotine 0.292 MG/HR Transdermal System) / 14 (24 HR nicotine 0.583 MG/HR Transdermal System) / 28 (24 HR nicotine 0.875 MG/HR Transdermal System) } Pack',
    ],
    [RXNORM, '993503', '12 HR bupropion hydrochloride 100 MG Extended Release Oral Tablet'],
    [RXNORM, '993518', '12 HR bupropion hydrochloride 150 MG Extended Release Oral Tablet'],
    [RXNORM, '993536', '12 HR bupropion hydrochloride 200 MG Extended Release Oral Tablet'],
    [RXNORM, '993541', '24 HR bupropion hydrochloride 150 MG Extended Release Oral Tablet'],
    [RXNORM, '993550', '24 HR bupropion hydrobromide 174 MG Extended Release Oral Tablet'],
    [RXNORM, '993557', '24 HR bupropion hydrochloride 300 MG Extended Release Oral Tablet'],
    [RXNORM, '993567', '24 HR bupropion hydrobromide 348 MG Extended Release Oral Tablet'],
    [RXNORM, '993681', '24 HR bupropion hydrobromide 522 MG Extended Release Oral Tablet'],
    [RXNORM, '993687', 'bupropion hydrochloride 100 MG Oral Tablet'],
    [RXNORM, '993691', 'bupropion hydrochloride 75 MG Oral Tablet'],
  ],
};
