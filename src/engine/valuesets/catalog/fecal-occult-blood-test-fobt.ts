/** Fecal Occult Blood Test (FOBT) (VSAC 2.16.840.1.113883.3.464.1003.198.12.1011, expansion 20171219, as the measure package pins it): 16 codes. Authored by src/cli/author-value-sets.ts. */
import { LOINC } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const FECAL_OCCULT_BLOOD_TEST_FOBT: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.198.12.1011'),
  oid: '2.16.840.1.113883.3.464.1003.198.12.1011',
  name: 'Fecal Occult Blood Test (FOBT)',
  version: '20171219',
  codes: [
    [LOINC, '12503-9', 'Hemoglobin.gastrointestinal [Presence] in Stool --4th specimen'],
    [LOINC, '12504-7', 'Hemoglobin.gastrointestinal [Presence] in Stool --5th specimen'],
    [LOINC, '14563-1', 'Hemoglobin.gastrointestinal [Presence] in Stool --1st specimen'],
    [LOINC, '14564-9', 'Hemoglobin.gastrointestinal [Presence] in Stool --2nd specimen'],
    [LOINC, '14565-6', 'Hemoglobin.gastrointestinal [Presence] in Stool --3rd specimen'],
    [LOINC, '2335-8', 'Hemoglobin.gastrointestinal [Presence] in Stool'],
    [LOINC, '27396-1', 'Hemoglobin.gastrointestinal [Mass/mass] in Stool'],
    [LOINC, '27401-9', 'Hemoglobin.gastrointestinal [Presence] in Stool --6th specimen'],
    [LOINC, '27925-7', 'Hemoglobin.gastrointestinal [Presence] in Stool --7th specimen'],
    [LOINC, '27926-5', 'Hemoglobin.gastrointestinal [Presence] in Stool --8th specimen'],
    [LOINC, '29771-3', 'Hemoglobin.gastrointestinal.lower [Presence] in Stool by Immunoassay'],
    [LOINC, '56490-6', 'Hemoglobin.gastrointestinal.lower [Presence] in Stool by Immunoassay --2nd specimen'],
    [LOINC, '56491-4', 'Hemoglobin.gastrointestinal.lower [Presence] in Stool by Immunoassay --3rd specimen'],
    [LOINC, '57905-2', 'Hemoglobin.gastrointestinal.lower [Presence] in Stool by Immunoassay --1st specimen'],
    [LOINC, '58453-2', 'Hemoglobin.gastrointestinal.lower [Mass/volume] in Stool by Immunoassay'],
    [LOINC, '80372-6', 'Hemoglobin.gastrointestinal [Presence] in Stool by Rapid immunoassay'],
  ],
};
