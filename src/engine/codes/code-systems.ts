/**
 * Canonical code-system URIs and their normalisation. The official eCQM content writes some
 * systems more than one way (HCPCS with http and https, `www` or not; OIDs as `urn:oid:`), so every
 * membership test goes through {@link normalizeSystem}.
 */

export const LOINC = 'http://loinc.org';
export const SNOMED = 'http://snomed.info/sct';
export const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';
export const CPT = 'http://www.ama-assn.org/go/cpt';
export const HCPCS = 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets';
export const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
export const CVX = 'http://hl7.org/fhir/sid/cvx';
export const UCUM = 'http://unitsofmeasure.org';
export const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const CONDITION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/condition-category';
export const CONDITION_CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
export const CONDITION_VER_STATUS = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';
export const MEASURE_POPULATION = 'http://terminology.hl7.org/CodeSystem/measure-population';

const ALIASES: Record<string, string> = {
  'http://www.cms.gov/medicare/coding/hcpcsreleasecodesets': HCPCS,
  'https://www.cms.gov/medicare/coding/hcpcsreleasecodesets': HCPCS,
  'http://cms.gov/medicare/coding/hcpcsreleasecodesets': HCPCS,
  'https://cms.gov/medicare/coding/hcpcsreleasecodesets': HCPCS,
  'urn:oid:2.16.840.1.113883.6.285': HCPCS,
  'urn:oid:2.16.840.1.113883.6.14': HCPCS,
  'urn:oid:2.16.840.1.113883.6.1': LOINC,
  'urn:oid:2.16.840.1.113883.6.96': SNOMED,
  'http://snomed.info/sct/': SNOMED,
  'urn:oid:2.16.840.1.113883.6.90': ICD10CM,
  'http://hl7.org/fhir/sid/icd-10-cm/': ICD10CM,
  'urn:oid:2.16.840.1.113883.6.12': CPT,
  'urn:oid:2.16.840.1.113883.6.88': RXNORM,
  'http://www.nlm.nih.gov/research/umls/rxnorm/': RXNORM,
  'urn:oid:2.16.840.1.113883.12.292': CVX,
  'http://loinc.org/': LOINC,
};

/** Normalises a code-system URI so the two spellings of HCPCS (and OID forms) compare equal. */
export function normalizeSystem(system: string): string {
  let n = NORMALIZED.get(system);
  if (n === undefined) {
    const s = system.trim();
    n = ALIASES[s.toLowerCase()] ?? ALIASES[s] ?? s;
    if (NORMALIZED.size > 10_000) {
      NORMALIZED.clear();
    }
    NORMALIZED.set(system, n);
  }
  return n;
}

/** Normalised spellings by raw text (a pure function, memoised: it runs for every coding test). */
const NORMALIZED = new Map<string, string>();
