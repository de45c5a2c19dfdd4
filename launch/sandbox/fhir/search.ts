/**
 * FHIR R4 search over the in-memory store, hand-written for the parameters the app and tests use
 * (R4 §3.1.1 search): patient/subject, _id, date (prefixes, any precision), code, category, status,
 * and a few per-type extras. Comma = OR within a parameter; repeated parameters = AND. Unknown
 * parameters are ignored, as lenient servers do (R4 §3.1.1.3 "handling=lenient").
 */
import { matchesDate, rangeOf, rangeOfPeriod, splitPrefix, type Range } from './date-range.ts';
import type { ResourceStore } from './resource-store.ts';

type AnyResource = fhir4.Resource & Record<string, unknown>;

/** Parameters that control the result set rather than filter it. */
export const CONTROL_PARAMS = new Set([
  '_count',
  '_sort',
  '_getpages',
  '_offset',
  '_format',
  '_summary',
  '_total',
  '_elements',
  '_pretty',
]);

/** The date element searched by `date` for each type (brief: effective, period, onset/recorded, performed, authored). */
function dateRangeOf(r: AnyResource): Range | undefined {
  const fromAny = (dateTime?: unknown, period?: unknown, instant?: unknown): Range | undefined => {
    if (typeof dateTime === 'string') {
      return rangeOf(dateTime);
    }
    if (period && typeof period === 'object') {
      return rangeOfPeriod(period as fhir4.Period);
    }
    if (typeof instant === 'string') {
      return rangeOf(instant);
    }
    return undefined;
  };
  switch (r.resourceType) {
    case 'Observation':
      return fromAny(r.effectiveDateTime, r.effectivePeriod, r.effectiveInstant);
    case 'Encounter':
      return fromAny(undefined, r.period);
    case 'Condition':
      return fromAny(r.onsetDateTime, r.onsetPeriod) ?? fromAny(r.recordedDate);
    case 'Procedure':
      return fromAny(r.performedDateTime, r.performedPeriod);
    case 'MedicationRequest':
    case 'DeviceRequest':
    case 'ServiceRequest':
      return fromAny(r.authoredOn);
    case 'QuestionnaireResponse':
      return fromAny(r.authored);
    case 'Patient':
      return fromAny(r.birthDate);
    default:
      return fromAny(r.date);
  }
}

/** Token-valued elements per search parameter. */
const TOKEN_PATHS: Record<string, (r: AnyResource) => unknown[]> = {
  code: (r) => [r.code, r.medicationCodeableConcept, r.codeCodeableConcept],
  category: (r) => (Array.isArray(r.category) ? r.category : [r.category]),
  status: (r) => [r.status],
  'clinical-status': (r) => [r.clinicalStatus],
  'verification-status': (r) => [r.verificationStatus],
  type: (r) => (Array.isArray(r.type) ? r.type : [r.type]),
  class: (r) => [r.class],
  identifier: (r) => (Array.isArray(r.identifier) ? r.identifier : [r.identifier]),
  gender: (r) => [r.gender],
  intent: (r) => [r.intent],
  'value-concept': (r) => [r.valueCodeableConcept],
};

/** Reference-valued parameters. */
const REFERENCE_PATHS: Record<string, (r: AnyResource) => unknown[]> = {
  encounter: (r) => [r.encounter],
  requester: (r) => [r.requester],
  member: (r) => (Array.isArray(r.member) ? r.member.map((m: { entity?: unknown }) => m.entity) : []),
};

function codingsOf(value: unknown): Array<{ system?: string; code?: string }> {
  if (value === undefined || value === null) {
    return [];
  }
  if (typeof value === 'string') {
    return [{ code: value }];
  }
  const v = value as { coding?: fhir4.Coding[]; system?: string; code?: string; value?: string };
  if (Array.isArray(v.coding)) {
    return v.coding;
  }
  if (v.value !== undefined) {
    return [{ system: v.system, code: v.value }];
  } // Identifier
  return [{ system: v.system, code: v.code }];
}

function matchesToken(values: unknown[], token: string): boolean {
  const bar = token.indexOf('|');
  const system = bar >= 0 ? token.slice(0, bar) : undefined;
  const code = bar >= 0 ? token.slice(bar + 1) : token;
  return values.flatMap(codingsOf).some((c) => {
    if (system !== undefined && system !== '' && c.system !== system) {
      return false;
    }
    if (system === '' && c.system) {
      return false;
    }
    return code === '' || c.code === code;
  });
}

/** Normalises `Patient/x`, `x` or `https://…/Patient/x` to `Patient/x` for a reference param. */
export function normaliseReference(value: string, defaultType: string): string {
  const m = /(?:^|\/)([A-Z][A-Za-z]+)\/([^/]+)$/.exec(value);
  return m ? `${m[1]}/${m[2]}` : `${defaultType}/${value}`;
}

function matchesReference(values: unknown[], wanted: string, defaultType: string): boolean {
  const target = normaliseReference(wanted, defaultType);
  return values.some((v) => {
    const ref = (v as fhir4.Reference | undefined)?.reference;
    return ref !== undefined && normaliseReference(ref, defaultType) === target;
  });
}

/** A filter that failed to parse: the server answers 400 naming the parameter. */
export class SearchParamError extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
  }
}

/** Filter predicate for one `name=value` (value may hold comma-separated alternatives). */
function predicateFor(type: string, name: string, raw: string): (r: AnyResource) => boolean {
  const [base = name, modifier] = name.split(':');
  const alternatives = raw.split(',');
  if (base === 'patient' || base === 'subject') {
    return (r) =>
      alternatives.some((alt) => {
        const wanted = normaliseReference(alt, 'Patient');
        if (type === 'Patient') {
          return `Patient/${r.id}` === wanted;
        }
        const ref = ((r.subject ?? r.patient ?? r.for) as fhir4.Reference | undefined)?.reference;
        return ref !== undefined && normaliseReference(ref, 'Patient') === wanted;
      });
  }
  if (base === '_id') {
    return (r) => alternatives.includes(r.id ?? '');
  }
  if (base === 'date' || (type === 'Patient' && base === 'birthdate') || base === 'authored' || base === 'onset-date') {
    const ranges = alternatives.map((alt) => {
      const { prefix, value } = splitPrefix(alt);
      const range = rangeOf(value);
      if (!range) {
        throw new SearchParamError(name, `Invalid date '${alt}' in search parameter ${name}`);
      }
      return { prefix, range };
    });
    return (r) => {
      const target = dateRangeOf(r);
      return target !== undefined && ranges.some(({ prefix, range }) => matchesDate(target, prefix, range));
    };
  }
  const tokenPath = TOKEN_PATHS[base];
  if (tokenPath) {
    const hit = (r: AnyResource) => alternatives.some((alt) => matchesToken(tokenPath(r), alt));
    return modifier === 'not' ? (r) => !hit(r) : hit;
  }
  const refPath = REFERENCE_PATHS[base];
  if (refPath) {
    return (r) =>
      alternatives.some((alt) => matchesReference(refPath(r), alt, base === 'encounter' ? 'Encounter' : 'Patient'));
  }
  if (type === 'Patient' && (base === 'name' || base === 'family' || base === 'given')) {
    return (r) => {
      const names = (r.name as fhir4.HumanName[] | undefined) ?? [];
      const text = names
        .flatMap((n) =>
          base === 'family'
            ? [n.family ?? '']
            : base === 'given'
              ? (n.given ?? [])
              : [n.text ?? '', n.family ?? '', ...(n.given ?? [])],
        )
        .join(' ')
        .toLowerCase();
      return alternatives.some((alt) => text.includes(alt.toLowerCase()));
    };
  }
  return () => true;
}

/** Runs a search: the candidate set (a patient's compartment when given), filtered and sorted. */
export function searchResources(
  store: ResourceStore,
  type: string,
  params: URLSearchParams,
  patient?: string,
): fhir4.Resource[] {
  const candidates = (patient !== undefined ? store.forPatient(patient, type) : store.all(type)) as AnyResource[];
  const predicates: Array<(r: AnyResource) => boolean> = [];
  for (const [name, value] of params) {
    if (CONTROL_PARAMS.has(name) || name.startsWith('_include') || name.startsWith('_revinclude')) {
      continue;
    }
    predicates.push(predicateFor(type, name, value));
  }
  const matches = candidates.filter((r) => predicates.every((p) => p(r)));
  const sort = params.get('_sort');
  if (sort === 'date' || sort === '-date') {
    const dir = sort === 'date' ? 1 : -1;
    const key = (r: AnyResource) => dateRangeOf(r)?.start ?? (dir === 1 ? Infinity : -Infinity);
    // Array.prototype.sort is stable, so ties keep insertion order.
    matches.sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      return ka === kb ? 0 : ka < kb ? -dir : dir;
    });
  }
  return matches;
}
