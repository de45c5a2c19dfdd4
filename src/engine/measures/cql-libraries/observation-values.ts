/**
 * Observation value readers the measures share: whether a result has any value, and a
 * Quantity's number in the unit a threshold is written in (FHIRHelpers `ToQuantity`: UCUM `code`,
 * else `unit`; other systems and comparators are not comparable).
 * Spec: FHIRHelpers 4.4.000 `ToQuantity` (https://github.com/cqframework/ecqm-content-qicore-2025).
 */
import type { EvaluationContext } from '../../evaluation-context.ts';

/** `Observation.value is not null`: any `value[x]` present. */
export function hasResultValue(o: fhir4.Observation): boolean {
  return Object.keys(o).some((k) => k.startsWith('value') && (o as unknown as Record<string, unknown>)[k] != null);
}

/** The UCUM unit of a Quantity (`code`, else `unit`, else the unity `1`). */
export function ucumUnitOf(q: fhir4.Quantity): string {
  return (q.code ?? q.unit ?? '1').trim();
}

/** A glycemic result read for the 9% comparison. */
export interface PercentReading {
  /** `Observation.value is not null` (any value[x], even a coded one). */
  present: boolean;
  /** `value as Quantity` is not null (the sort key CQL orders same-day results by). */
  quantity: boolean;
  /** The value in %, when the unit is comparable with %. */
  percent?: number;
}

/**
 * An HbA1c / GMI result as the CQL `value as Quantity` compared with `9 '%'`: `%` as written,
 * the unity `1` scaled by 100. Another unit (e.g. IFCC mmol/mol) is present but not comparable
 * (CQL null: neither elevated nor missing). A comparator (`>14%`), which FHIRHelpers rejects, is
 * read at its bound and reported.
 */
export function glycemicPercent(ctx: EvaluationContext, o: fhir4.Observation): PercentReading {
  const q = o.valueQuantity;
  if (!q || typeof q.value !== 'number') {
    return { present: hasResultValue(o), quantity: false };
  }
  const issue = (message: string) =>
    ctx.issue({ resourceType: 'Observation', id: o.id, field: 'valueQuantity', message, severity: 'warning' });
  if (q.comparator) {
    issue(`result has comparator ${q.comparator}: read at its bound ${q.value}`);
  }
  const unit = ucumUnitOf(q);
  if (unit === '%') {
    return { present: true, quantity: true, percent: q.value };
  }
  if (unit === '1') {
    return { present: true, quantity: true, percent: q.value * 100 };
  }
  issue(`unit ${unit} is not %: not comparable with the 9% threshold`);
  return { present: true, quantity: true };
}
