/**
 * Turns the engine's statements into what a clinician reads mid-visit: display names instead of
 * `system|code` pairs (the codes stay in the evidence drawer), no code lists or FHIR resource
 * names in parentheses, and
 * every date in the panel's one format. The engine's texts serve the CLI and quality staff as
 * well, so they keep their codes; only the panel rewrites them, always as plain text.
 */
import { formatDay } from './display-date.ts';

/** Known code systems by the name clinicians and coders use. */
const SYSTEM_NAMES: ReadonlyArray<readonly [RegExp, string]> = [
  [/icd-10-cm|icd10cm|2\.16\.840\.1\.113883\.6\.90/i, 'ICD-10-CM'],
  [/snomed|2\.16\.840\.1\.113883\.6\.96/i, 'SNOMED CT'],
  [/loinc|2\.16\.840\.1\.113883\.6\.1$/i, 'LOINC'],
  [/cpt|2\.16\.840\.1\.113883\.6\.12/i, 'CPT'],
  [/hcpcs|2\.16\.840\.1\.113883\.6\.285/i, 'HCPCS'],
  [/rxnorm|2\.16\.840\.1\.113883\.6\.88/i, 'RxNorm'],
];

/** `system|code` as written by the engine when a coding has no display (any case: "Http://…"). */
const SYSTEM_CODE = /\b((?:https?|urn):[^\s|()]+)\|([A-Za-z0-9][A-Za-z0-9.\-_]*)/gi;
/** A parenthesised list of codes: "(LOINC 73832-8 …; positive/negative finding)", "(SNOMED 4281… / 4281…)". */
const CODE_LIST = /\s*\([^()]*\b(?:LOINC|SNOMED(?: CT)?|ICD-10(?:-CM)?|CPT|HCPCS|RxNorm)\s+[A-Z0-9][^()]*\)/g;
/** ICD-10-CM codes in parentheses after their display: "Schizophrenia, unspecified (F20.9)". */
const ICD_IN_PARENS =
  /\s*\((?:[A-TV-Z]\d[0-9AB](?:\.[0-9A-Z]{1,4})?)(?:(?:,| or| and)\s*[A-TV-Z]\d[0-9AB](?:\.[0-9A-Z]{1,4})?)*\)/g;
/** A parenthesised aside in FHIR terms: "(ServiceRequest with the Gravity SDOH category, …)". */
const FHIR_ASIDE =
  /\s*\([^()]*\b(?:ServiceRequest|Observation|Procedure|MedicationRequest|QuestionnaireResponse|Encounter\.|Condition\.)[^()]*\)/g;
/** An ISO date or dateTime inside a sentence. */
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?\b/g;

/** `system|code` key of a coding (the form the engine writes and {@link plainText} looks up). */
export function codingKey(system: string, code: string): string {
  return `${system.toLowerCase()}|${code}`;
}

/** The short name of a code system URI ("ICD-10-CM"), or undefined when unknown. */
export function systemName(system: string): string | undefined {
  return SYSTEM_NAMES.find(([re]) => re.test(system))?.[1];
}

/**
 * One statement in plain language. `displays` maps {@link codingKey}s to display names (from the
 * record or the value sets); a code with no known display reads "ICD-10-CM R45.851", never a URL.
 */
export function plainText(text: string, displays: ReadonlyMap<string, string> = new Map()): string {
  const out = text
    .replace(
      SYSTEM_CODE,
      (_all, system: string, code: string) =>
        displays.get(codingKey(system, code)) ?? `${systemName(system) ?? 'code'} ${code}`,
    )
    .replace(CODE_LIST, '')
    .replace(ICD_IN_PARENS, '')
    .replace(FHIR_ASIDE, '')
    .replace(ISO_DATE, (d) => formatDay(d))
    .replace(/\bBP \?\/\?/g, 'BP (values unreadable)')
    .replace(/\bPatient\.birthDate missing\b/g, 'birth date missing or incomplete')
    .replace(/\bPatient\.birthDate\b/g, 'birth date')
    // the engine's "12 day(s) left" reads "12 days left", "1 day(s)" "1 day"
    .replace(/\b1 day\(s\)/g, '1 day')
    .replace(/\b(\d+) day\(s\)/g, '$1 days')
    .replace(/\s+([.,;])/g, '$1');
  return out.charAt(0).toUpperCase() + out.slice(1);
}

/** The `system|code` pairs a set of statements mentions (what the displays lookup must answer). */
export function codingsMentioned(texts: Iterable<string>): Array<{ system: string; code: string }> {
  const found = new Map<string, { system: string; code: string }>();
  for (const t of texts) {
    for (const m of t.matchAll(SYSTEM_CODE)) {
      found.set(codingKey(m[1]!, m[2]!), { system: m[1]!, code: m[2]! });
    }
  }
  return [...found.values()];
}
