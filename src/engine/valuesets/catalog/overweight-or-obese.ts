/** Overweight or Obese (VSAC 2.16.840.1.113762.1.4.1047.502, expansion 20180309): 25 codes. Authored by src/cli/author-value-sets.ts. */
import { ICD10CM, SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const OVERWEIGHT_OR_OBESE: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113762.1.4.1047.502'),
  oid: '2.16.840.1.113762.1.4.1047.502',
  name: 'Overweight or Obese',
  version: '20180309',
  codes: [
    [ICD10CM, 'E66.01', 'Morbid (severe) obesity due to excess calories'],
    [ICD10CM, 'E66.09', 'Other obesity due to excess calories'],
    [ICD10CM, 'E66.1', 'Drug-induced obesity'],
    [ICD10CM, 'E66.2', 'Morbid (severe) obesity with alveolar hypoventilation'],
    [ICD10CM, 'E66.3', 'Overweight'],
    [ICD10CM, 'E66.9', 'Obesity, unspecified'],
    [SNOMED, '1187531009', 'Obesity due to pituitary disease (disorder)'],
    [SNOMED, '162863004', 'Body mass index 25-29 - overweight (finding)'],
    [SNOMED, '162864005', 'Body mass index 30+ - obesity (finding)'],
    [SNOMED, '190966007', 'Extreme obesity with alveolar hypoventilation (disorder)'],
    [SNOMED, '238131007', 'Overweight (finding)'],
    [SNOMED, '238136002', 'Morbid obesity (disorder)'],
    [SNOMED, '408512008', 'Body mass index 40+ - severely obese (finding)'],
    [SNOMED, '414915002', 'Obese (finding)'],
    [SNOMED, '414916001', 'Obesity (disorder)'],
    [SNOMED, '415530009', 'Simple obesity (disorder)'],
    [SNOMED, '443371000124107', 'Obese class I (finding)'],
    [SNOMED, '443381000124105', 'Obese class II (finding)'],
    [SNOMED, '722595002', 'Overweight in adulthood with body mass index of 25 or more but less than 30 (finding)'],
    [SNOMED, '783549006', 'Obesity due to centrosomal protein 19 deficiency (disorder)'],
    [
      SNOMED,
      '783556000',
      'Severe early-onset obesity insulin resistance syndrome due to SH2B adaptor protein 1 deficiency (disorder)',
    ],
    [SNOMED, '783719006', 'Obesity due to SIM bHLH transcription factor 1 deficiency (disorder)'],
    [SNOMED, '785722006', 'Obesity due to leptin receptor gene deficiency (disorder)'],
    [SNOMED, '819948005', 'Obese class III (finding)'],
    [SNOMED, '83911000119104', 'Severe obesity (disorder)'],
  ],
};
