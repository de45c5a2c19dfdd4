/** Personality Disorder Emotionally Labile (VSAC 2.16.840.1.113883.3.67.1.101.1.246, expansion 20240214): 15 codes. Authored by src/cli/author-value-sets.ts. */
import { ICD10CM, SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const PERSONALITY_DISORDER_EMOTIONALLY_LABILE: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.67.1.101.1.246'),
  oid: '2.16.840.1.113883.3.67.1.101.1.246',
  name: 'Personality Disorder Emotionally Labile',
  version: '20240214',
  codes: [
    [ICD10CM, 'F34.0', 'Cyclothymic disorder'],
    [ICD10CM, 'F60.3', 'Borderline personality disorder'],
    [ICD10CM, 'F60.4', 'Histrionic personality disorder'],
    [ICD10CM, 'F68.10', 'Factitious disorder imposed on self, unspecified'],
    [ICD10CM, 'F68.11', 'Factitious disorder imposed on self, with predominantly psychological signs and symptoms'],
    [ICD10CM, 'F68.12', 'Factitious disorder imposed on self, with predominantly physical signs and symptoms'],
    [
      ICD10CM,
      'F68.13',
      'Factitious disorder imposed on self, with combined psychological and physical signs and symptoms',
    ],
    [SNOMED, '191765005', 'Emotionally unstable personality disorder (disorder)'],
    [SNOMED, '20010003', 'Borderline personality disorder (disorder)'],
    [SNOMED, '21586000', "Munchausen's syndrome (disorder)"],
    [SNOMED, '24315006', 'Factitious disorder with combined physical AND psychological symptoms (disorder)'],
    [SNOMED, '430744005', 'Factitious disorder with predominantly physical signs and symptoms (disorder)'],
    [SNOMED, '430751001', 'Factitious disorder with predominantly psychological signs and symptoms (disorder)'],
    [SNOMED, '55341008', 'Histrionic personality disorder (disorder)'],
    [SNOMED, '76105009', 'Cyclothymia (disorder)'],
  ],
};
