/**
 * The intent of an ICD-10-CM poisoning, toxic-effect or asphyxiation code (T36–T65, T71).
 *
 * ICD-10-CM tabular, chapter 19: in these categories the intent is the last character before the
 * 7th-character extension (A initial, D subsequent, S sequela), with `X` placeholders skipped when a
 * subcategory is shorter than six characters — T43.222A (6th character), T42.72XA, T43.92XA,
 * T58.02XA (5th character, then the X placeholder), T71.162A (hanging, 6th). Digits:
 * 1 accidental, 2 intentional self-harm, 3 assault, 4 undetermined, 5 adverse effect,
 * 6 underdosing (measures.md §5.1). Codes of five characters or fewer (e.g. T43.22, the SSRI
 * subcategory) carry no intent and are read as unknown rather than guessed.
 */
import { ICD10CM, normalizeSystem } from './code-systems.ts';

/** Intent of a T36–T65 / T71 code. */
export type PoisoningIntent =
  'accidental' | 'intentional-self-harm' | 'assault' | 'undetermined' | 'adverse-effect' | 'underdosing';

const INTENT_BY_DIGIT: Readonly<Record<string, PoisoningIntent>> = {
  '1': 'accidental',
  '2': 'intentional-self-harm',
  '3': 'assault',
  '4': 'undetermined',
  '5': 'adverse-effect',
  '6': 'underdosing',
};

const EXTENSIONS = new Set(['A', 'D', 'S']);

/** ICD-10-CM code without the dot, upper case. */
function dotless(code: string): string {
  return code.replace('.', '').trim().toUpperCase();
}

/** The T category number (36 for T36…), or undefined for any other code. */
export function tCategory(code: string): number | undefined {
  const k = dotless(code);
  if (k[0] !== 'T' || !/^\d\d$/.test(k.slice(1, 3))) {
    return undefined;
  }
  return Number(k.slice(1, 3));
}

/**
 * The intent an ICD-10-CM T36–T65 or T71 code records, or undefined when the code is another code,
 * is not specific enough to carry one, or is malformed.
 */
export function icd10PoisoningIntent(coding: fhir4.Coding | undefined): PoisoningIntent | undefined {
  if (!coding?.code || !coding.system || normalizeSystem(coding.system) !== ICD10CM) {
    return undefined;
  }
  const cat = tCategory(coding.code);
  if (cat === undefined || !((cat >= 36 && cat <= 65) || cat === 71)) {
    return undefined;
  }
  let k = dotless(coding.code);
  if (k.length === 7 && EXTENSIONS.has(k[6]!)) {
    k = k.slice(0, 6);
  }
  // Only a six-character body (with or without X placeholders) is unambiguous; T43.22 is a subcategory.
  if (k.length !== 6) {
    return undefined;
  }
  while (k.endsWith('X')) {
    k = k.slice(0, -1);
  }
  if (k.length < 5) {
    return undefined;
  }
  return INTENT_BY_DIGIT[k[k.length - 1]!];
}
