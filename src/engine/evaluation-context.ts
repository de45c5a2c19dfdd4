/**
 * Everything a rule needs, built once per patient: the record indexed by type (and lazily by
 * value set), the measurement period as epoch days, `asOf`, the value-set registry and the issue
 * sink. Rules ask the context; they never scan the raw record themselves.
 */
import { completenessOf, type PatientRecord, type TypeCompleteness } from './record.ts';
import { epochDay } from './fhir/dates.ts';
import type { DataIssue, DayPeriod } from './types.ts';
import type { ValueSetRegistry } from './valuesets/value-set.ts';

/** Options of one evaluation. */
export interface EvaluationOptions {
  /** Measurement period (calendar days, inclusive). */
  period: DayPeriod;
  /** The day the evaluation is "as of" (for look-backs like "last 12 months"); default period end. */
  asOf?: string;
  /** Evaluation time-zone offset in minutes east of UTC (default 0). Dates carry no zone. */
  tzOffsetMin?: number;
  /** Value sets to use instead of the built-in ones (e.g. loaded from a VSAC expansion). */
  valueSets?: ValueSetRegistry;
  /** Restrict to these measure / gap / flag ids (default: all). */
  only?: readonly string[];
}

/** The per-patient evaluation context. */
export class EvaluationContext {
  readonly periodStartDay: number;
  readonly periodEndDay: number;
  readonly asOfDay: number;
  readonly tz: number;
  private readonly issueKeys = new Set<string>();
  readonly issues: DataIssue[] = [];
  private readonly vsCache = new Map<string, fhir4.Resource[]>();

  constructor(
    readonly record: PatientRecord,
    readonly period: DayPeriod,
    readonly asOf: string,
    readonly valueSets: ValueSetRegistry,
    tzOffsetMin = 0,
  ) {
    this.periodStartDay = epochDay(period.start);
    this.periodEndDay = epochDay(period.end);
    this.asOfDay = epochDay(asOf);
    this.tz = tzOffsetMin;
  }

  /** `Patient/ID`. */
  get patientRef(): string {
    return `Patient/${this.record.patient.id ?? 'unknown'}`;
  }

  /** Resources of one type (empty when none or missing — check {@link completeness}). */
  ofType<T extends fhir4.Resource = fhir4.Resource>(type: T['resourceType']): T[] {
    return (this.record.resources[type] ?? []) as T[];
  }

  /** Completeness of a resource type. */
  completeness(type: string): TypeCompleteness {
    return completenessOf(this.record, type);
  }

  /**
   * Resources of `type` whose CodeableConcept at `path` is in the value set, cached per
   * (type, path, value set) so each rule is a lookup after the first call.
   */
  inValueSet<T extends fhir4.Resource>(
    type: T['resourceType'],
    valueSet: string,
    concepts: (r: T) => (fhir4.CodeableConcept | undefined)[] | fhir4.CodeableConcept | undefined,
    cacheKey: string,
  ): T[] {
    const k = `${type}|${cacheKey}|${valueSet}`;
    let hit = this.vsCache.get(k);
    if (!hit) {
      hit = this.ofType<T>(type).filter((r) => {
        const c = concepts(r);
        const list = Array.isArray(c) ? c : [c];
        return list.some((cc) => this.valueSets.hasConcept(valueSet, cc));
      });
      this.vsCache.set(k, hit);
    }
    return hit as T[];
  }

  /**
   * Records a data problem once: the first report about a resource's field wins (record validation
   * runs first, so a rule that meets the same unreadable field again does not repeat it).
   */
  issue(i: DataIssue): void {
    const k = `${i.resourceType}/${i.id ?? ''}|${i.field}${i.id === undefined ? `|${i.message}` : ''}`;
    if (this.issueKeys.has(k)) return;
    this.issueKeys.add(k);
    this.issues.push(i);
  }
}
