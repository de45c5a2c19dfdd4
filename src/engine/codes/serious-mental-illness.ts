/**
 * Serious mental illness for the `smi` flag: schizophrenia spectrum, bipolar disorder, and major
 * depression that is recurrent or severe (measures.md §6 "common SMI core"; issue 12 §4). NOT a
 * single mild or moderate depressive episode (F32.0 / F32.1 / F32.9, SNOMED 36923009 "Major
 * depression, single episode") and not mixed anxiety and depressive disorder (F41.2).
 * ICD-10-CM: F20–F29, F30–F31, F32.2, F32.3, F33 (every recurrent major depressive disorder).
 * SNOMED, authored from the official VSAC value sets in the catalog (valuesets/catalog/):
 *  - every SNOMED code of "Schizophrenia or Psychotic Disorder" 2.16.840.1.113883.3.464.1003.105.12.1104
 *    and "Bipolar Disorder" 2.16.840.1.113883.3.67.1.101.1.128;
 *  - the SNOMED codes of "Major Depression" 2.16.840.1.113883.3.464.1003.105.12.1007 and "Major
 *    Depression Including Remission" 2.16.840.113883.3.67.1.101.3.2444 whose display says the
 *    disorder is recurrent, severe (not "moderately severe") or psychotic.
 */
import { SNOMED, normalizeSystem } from './code-systems.ts';
import type { DiagnosisGroup } from './diagnosis-groups.ts';
import type { ValueSetDef } from '../valuesets/value-set.ts';
import { BIPOLAR_DISORDER } from '../valuesets/catalog/bipolar-disorder.ts';
import { MAJOR_DEPRESSION } from '../valuesets/catalog/major-depression.ts';
import { MAJOR_DEPRESSION_INCLUDING_REMISSION } from '../valuesets/catalog/major-depression-including-remission.ts';
import { SCHIZOPHRENIA_OR_PSYCHOTIC_DISORDER } from '../valuesets/catalog/schizophrenia-or-psychotic-disorder.ts';

const range = (letter: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${letter}${String(from + i).padStart(2, '0')}`);

/** SNOMED codes of a value set, optionally only those whose display passes a test. */
function snomedOf(vs: ValueSetDef, keep: (display: string) => boolean = () => true): string[] {
  return vs.codes
    .filter(([system, , display]) => normalizeSystem(system) === SNOMED && keep(display))
    .map(([, code]) => code);
}

/** A major-depression display that is recurrent, severe (not "moderately severe") or psychotic. */
export function isRecurrentOrSevereDepression(display: string): boolean {
  const d = display.toLowerCase();
  return (
    d.includes('recurrent') || d.includes('psychotic') || (d.includes('severe') && !d.includes('moderately severe'))
  );
}

/** The SMI group (see the file comment). */
export const SERIOUS_MENTAL_ILLNESS: DiagnosisGroup = {
  id: 'smi',
  label: 'Serious mental illness',
  icd10Prefixes: [...range('F', 20, 29), 'F30', 'F31', 'F322', 'F323', 'F33'],
  snomed: [
    ...new Set([
      ...snomedOf(SCHIZOPHRENIA_OR_PSYCHOTIC_DISORDER),
      ...snomedOf(BIPOLAR_DISORDER),
      ...snomedOf(MAJOR_DEPRESSION, isRecurrentOrSevereDepression),
      ...snomedOf(MAJOR_DEPRESSION_INCLUDING_REMISSION, isRecurrentOrSevereDepression),
    ]),
  ],
  source:
    'SMI core (measures.md §6): F20–F29, F30–F31, F32.2, F32.3, F33; SNOMED from VSAC 2.16.840.1.113883.3.464.1003.105.12.1104, ' +
    '2.16.840.1.113883.3.67.1.101.1.128, and the recurrent / severe / psychotic members of 2.16.840.1.113883.3.464.1003.105.12.1007 and 2.16.840.113883.3.67.1.101.3.2444.',
};
