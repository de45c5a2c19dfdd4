/**
 * Everything a rule needs, built once per patient: the record indexed by type (and lazily by
 * value set), the measurement period (as the CQL "Measurement Period" and as epoch days), `asOf`,
 * the value-set registry and the issue sink. Rules ask the context; they never scan the raw
 * record themselves. Nothing here depends on a time zone: values keep their written offsets and
 * the period is in the declared offset (cql/date-time.ts).
 */
import { completenessOf, type PatientRecord, type TypeCompleteness } from './record.ts';
import type { GapPolicyOverride } from './gaps/gap-policy-override.ts';
import type { MeasureDefinition } from './measure-definition.ts';
import { epochDay } from './cql/calendar-days.ts';
import { choiceRead, periodRead, type TimingRead } from './cql/fhir-intervals.ts';
import type { CqlInterval } from './cql/interval.ts';
import { measurementPeriodInterval } from './cql/measurement-period.ts';
import type { DataIssue, DayPeriod } from './types.ts';
import { membershipKeyOf, type ValueSetRegistry } from './valuesets/value-set.ts';

/** Options of one evaluation. */
export interface EvaluationOptions {
  /** Measurement period (calendar days, inclusive). */
  period: DayPeriod;
  /** The day the evaluation is "as of" (for look-backs like "last 12 months"); default period end. */
  asOf?: string;
  /** Value sets to use instead of the built-in ones (e.g. loaded from a VSAC expansion). */
  valueSets?: ValueSetRegistry;
  /** Restrict to these measure / gap / flag ids (default: all). */
  only?: readonly string[];
  /**
   * The organisation's gap windows (a partial GapPolicy of day counts, gaps/gap-policy-override.ts);
   * the documented defaults for any field not given. An unknown field or a count that is not a
   * positive whole number throws a RangeError naming it.
   */
  gapPolicy?: GapPolicyOverride;
  /** The measures to evaluate, each with its gap ids and action (default: MEASURES, every built-in one). */
  measures?: readonly MeasureDefinition[];
}

/** Membership keys of one (type, path) and the resources found in each value set asked about. */
interface PathIndex {
  keys: string[][];
  byValueSet: Map<string, fhir4.Resource[]>;
}

/** The keys of a resource with no coding to test (shared, never written). */
const NO_KEYS = Object.freeze([]) as unknown as string[];

/**
 * Appends the membership keys of a concept's codings to `out` (a new array when `out` is
 * {@link NO_KEYS}). Same reading as ValueSetRegistry.hasConcept: only an array of codings is read.
 */
function addKeys(out: string[], cc: fhir4.CodeableConcept | undefined): string[] {
  const codings = cc?.coding;
  if (!Array.isArray(codings)) {
    return out;
  }
  for (const coding of codings) {
    const key = membershipKeyOf(coding);
    if (key === undefined) {
      continue;
    }
    if (out === NO_KEYS) {
      out = [];
    }
    out.push(key);
  }
  return out;
}

/** The per-patient evaluation context. */
export class EvaluationContext {
  readonly periodStartDay: number;
  readonly periodEndDay: number;
  readonly asOfDay: number;
  /** The CQL "Measurement Period": first day 00:00:00.000 to last day 23:59:59.999, declared offset. */
  readonly measurementPeriod: CqlInterval;
  private readonly issueKeys = new Set<string>();
  readonly issues: DataIssue[] = [];
  /** By resource type, then by path (`cacheKey`). */
  private readonly vsCache = new Map<string, Map<string, PathIndex>>();
  /** Observation.effective[x] read per Observation ({@link effectiveOf}). */
  private readonly effectiveReads = new Map<fhir4.Observation, TimingRead>();
  /** `period` read per resource ({@link periodOf}). */
  private readonly periodReads = new Map<object, TimingRead>();

  constructor(
    readonly record: PatientRecord,
    readonly period: DayPeriod,
    readonly asOf: string,
    readonly valueSets: ValueSetRegistry,
  ) {
    this.periodStartDay = epochDay(period.start);
    this.periodEndDay = epochDay(period.end);
    this.asOfDay = epochDay(asOf);
    this.measurementPeriod = measurementPeriodInterval(period);
  }

  /** `Patient/ID`. */
  get patientRef(): string {
    return `Patient/${this.record.patient.id ?? 'unknown'}`;
  }

  /** Resources of one type (empty when none or missing — check {@link completeness}). */
  ofType<T extends fhir4.Resource = fhir4.Resource>(type: T['resourceType']): T[] {
    return (this.record.resources[type] ?? []) as T[];
  }

  /**
   * `Observation.effective.toInterval()` (QICoreCommon), read once per Observation and evaluation:
   * the measures, gaps and flags each date the same Observations. Shared: callers must not change it.
   */
  effectiveOf(obs: fhir4.Observation): TimingRead {
    let read = this.effectiveReads.get(obs);
    if (read === undefined) {
      this.effectiveReads.set(obs, (read = choiceRead(obs, 'effective', this.record.patient.birthDate)));
    }
    return read;
  }

  /**
   * FHIRHelpers `ToInterval(period)` of a resource's `period` (an Encounter's), read once per
   * resource and evaluation: several measures and exclusions date the same Encounters. Shared:
   * callers must not change it.
   */
  periodOf(resource: { period?: fhir4.Period }): TimingRead {
    let read = this.periodReads.get(resource);
    if (read === undefined) {
      this.periodReads.set(resource, (read = periodRead(resource.period)));
    }
    return read;
  }

  /** Completeness of a resource type. */
  completeness(type: string): TypeCompleteness {
    return completenessOf(this.record, type);
  }

  /**
   * Resources of `type` whose CodeableConcept at `path` is in the value set, cached per
   * (type, path, value set) so each rule is a lookup after the first call. `cacheKey` names the
   * path: every caller passing the same key for a type must pass the same `concepts` reader.
   */
  inValueSet<T extends fhir4.Resource>(
    type: T['resourceType'],
    valueSet: string,
    concepts: (r: T) => (fhir4.CodeableConcept | undefined)[] | fhir4.CodeableConcept | undefined,
    cacheKey: string,
  ): T[] {
    const path = this.pathIndex(type, cacheKey, concepts);
    let hit = path.byValueSet.get(valueSet);
    if (!hit) {
      const resources = this.ofType<T>(type);
      // the value set is looked up once, and only when some resource has a coding to test
      // (an unknown value set throws then, as ValueSetRegistry.hasAnyKey does)
      let members: ReadonlySet<string> | undefined;
      hit = [];
      for (let i = 0; i < resources.length; i++) {
        const keys = path.keys[i]!;
        if (keys.length === 0) {
          continue;
        }
        members ??= this.valueSets.memberKeys(valueSet);
        for (let j = 0; j < keys.length; j++) {
          if (members.has(keys[j]!)) {
            hit.push(resources[i]!);
            break;
          }
        }
      }
      path.byValueSet.set(valueSet, hit);
    }
    return hit as T[];
  }

  /**
   * The membership keys of the codings each resource of `type` has at `path` (same order as
   * `ofType`), read once per (type, path): every value set asked about that path then tests keys.
   * Nested maps by constant strings: no key text is built per lookup.
   */
  private pathIndex<T extends fhir4.Resource>(
    type: T['resourceType'],
    cacheKey: string,
    concepts: (r: T) => (fhir4.CodeableConcept | undefined)[] | fhir4.CodeableConcept | undefined,
  ): PathIndex {
    let paths = this.vsCache.get(type);
    if (!paths) {
      this.vsCache.set(type, (paths = new Map()));
    }
    let index = paths.get(cacheKey);
    if (!index) {
      const resources = this.ofType<T>(type);
      const keys: string[][] = new Array<string[]>(resources.length);
      for (let i = 0; i < resources.length; i++) {
        const c = concepts(resources[i]!);
        let out: string[] = NO_KEYS;
        if (Array.isArray(c)) {
          for (const cc of c) {
            out = addKeys(out, cc);
          }
        } else {
          out = addKeys(out, c);
        }
        keys[i] = out;
      }
      paths.set(cacheKey, (index = { keys, byValueSet: new Map() }));
    }
    return index;
  }

  /**
   * Records a data problem once: the first report about a resource's field wins (record validation
   * runs first, so a rule that meets the same unreadable field again does not repeat it).
   */
  issue(i: DataIssue): void {
    const k = `${i.resourceType}/${i.id ?? ''}|${i.field}${i.id === undefined ? `|${i.message}` : ''}`;
    if (this.issueKeys.has(k)) {
      return;
    }
    this.issueKeys.add(k);
    this.issues.push(i);
  }
}
