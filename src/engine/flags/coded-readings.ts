/**
 * Observation readings indexed by code, built once per patient: an Observation counts under each
 * coding of its `code`, and each `component` counts under its own codes (a PHQ-9 panel may carry
 * item 9 and the total as components). The flags ask "the readings of 44260-8, newest first"
 * instead of scanning thousands of Observations per rule; dates and values are only read for
 * the codes a flag asks about (the `heavy` patient has 5,000+ vital-sign Observations).
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import { LOINC, normalizeSystem } from '../codes/code-systems.ts';
import { codingsOf } from '../fhir/codings.ts';
import { numericValue } from '../fhir/quantities.ts';
import { observationDay, refOf } from './event-days.ts';
import { responseReadingsOf } from './response-readings.ts';

/** One coded value read from an Observation, one of its components, or a QuestionnaireResponse item. */
export interface Reading {
  /** The resource the value was read from. */
  resource: fhir4.Observation | fhir4.QuestionnaireResponse;
  /** `Observation/id` or `QuestionnaireResponse/id`. */
  reference: string;
  day: number;
  /** Numeric value in any of the shapes real EHRs send (quantity, integer, numeric string). */
  score?: number;
  /** Codings of valueCodeableConcept. */
  answer: fhir4.Coding[];
  /** Codings of `interpretation` (POS, A, H …). */
  interpretation: fhir4.Coding[];
  valueBoolean?: boolean;
}

/** Observation statuses that carry no usable result. */
const NO_RESULT_STATUSES = new Set(['entered-in-error', 'cancelled', 'registered']);

/**
 * Per-patient index. The first pass only files Observations under the bare code strings of their
 * code, component codes and coded value (cheap: no date or value parsing, no allocation per
 * coding); the readings of one code are materialised on first request.
 */
interface ObservationIndex {
  byCode: Map<string, fhir4.Observation[]>;
  byValue: Map<string, fhir4.Observation[]>;
  readings: Map<string, Reading[]>;
  days: Map<fhir4.Observation, number | undefined>;
}

const cache = new WeakMap<EvaluationContext, ObservationIndex>();

const key = (system: string, code: string) => `${normalizeSystem(system)}|${code}`;

function valueParts(v: {
  valueQuantity?: fhir4.Quantity;
  valueInteger?: number;
  valueString?: string;
  valueCodeableConcept?: fhir4.CodeableConcept;
  valueBoolean?: boolean;
}) {
  const score = numericValue(v as fhir4.Observation);
  return {
    ...(score !== undefined ? { score } : {}),
    answer: codingsOf(v.valueCodeableConcept),
    ...(typeof v.valueBoolean === 'boolean' ? { valueBoolean: v.valueBoolean } : {}),
  };
}

function file(
  map: Map<string, fhir4.Observation[]>,
  concept: fhir4.CodeableConcept | undefined,
  obs: fhir4.Observation,
): void {
  const codings = concept && typeof concept === 'object' ? concept.coding : undefined;
  if (!Array.isArray(codings)) {
    return;
  }
  for (const c of codings) {
    if (!c || typeof c.code !== 'string') {
      continue;
    }
    const code = c.code.trim();
    const list = map.get(code);
    if (!list) {
      map.set(code, [obs]);
    } else if (list[list.length - 1] !== obs) {
      list.push(obs);
    }
  }
}

function indexOf(ctx: EvaluationContext): ObservationIndex {
  let index = cache.get(ctx);
  if (index) {
    return index;
  }
  const byCode = new Map<string, fhir4.Observation[]>();
  const byValue = new Map<string, fhir4.Observation[]>();
  for (const obs of ctx.ofType<fhir4.Observation>('Observation')) {
    if (!obs || typeof obs !== 'object' || NO_RESULT_STATUSES.has(obs.status)) {
      continue;
    }
    file(byCode, obs.code, obs);
    file(byValue, obs.valueCodeableConcept, obs);
    if (!Array.isArray(obs.component)) {
      continue;
    }
    for (const comp of obs.component) {
      if (comp && typeof comp === 'object') {
        file(byCode, comp.code, obs);
      }
    }
  }
  cache.set(ctx, (index = { byCode, byValue, readings: new Map(), days: new Map() }));
  return index;
}

const hasCoding = (concept: fhir4.CodeableConcept | undefined, system: string, code: string) =>
  codingsOf(concept).some(
    (c) => c.code?.trim() === code && typeof c.system === 'string' && normalizeSystem(c.system) === system,
  );

function dayOf(ctx: EvaluationContext, index: ObservationIndex, obs: fhir4.Observation): number | undefined {
  if (index.days.has(obs)) {
    return index.days.get(obs);
  }
  const day = observationDay(ctx, obs);
  index.days.set(obs, day);
  return day;
}

function materialise(ctx: EvaluationContext, index: ObservationIndex, system: string, code: string): Reading[] {
  const wanted = normalizeSystem(system);
  const out: Reading[] = [];
  for (const obs of index.byCode.get(code) ?? []) {
    const source = hasCoding(obs.code, wanted, code)
      ? obs
      : (Array.isArray(obs.component) ? obs.component : []).find((comp) => comp && hasCoding(comp.code, wanted, code));
    if (!source) {
      continue;
    }
    const day = dayOf(ctx, index, obs);
    if (day === undefined) {
      continue;
    }
    out.push({
      resource: obs,
      reference: refOf(obs),
      day,
      interpretation: (Array.isArray(source.interpretation) ? source.interpretation : []).flatMap(codingsOf),
      ...valueParts(source),
    });
  }
  // the same answers given in a form (QuestionnaireResponse) count as well (response-readings.ts)
  if (wanted === LOINC) {
    out.push(...responseReadingsOf(ctx, code));
  }
  out.sort((a, b) => b.day - a.day || a.reference.localeCompare(b.reference));
  return out;
}

/**
 * Observations (result-bearing, any date) filed under a bare code that passes `test`: by their
 * code or a component code, or — with `where: 'value'` — by a code of their valueCodeableConcept.
 * Callers still check the system; this is the cheap candidate list.
 */
export function observationsCoded(
  ctx: EvaluationContext,
  test: (code: string) => boolean,
  where: 'code' | 'value' = 'code',
): fhir4.Observation[] {
  const index = indexOf(ctx);
  const out = new Set<fhir4.Observation>();
  for (const [code, list] of where === 'code' ? index.byCode : index.byValue) {
    if (test(code)) {
      for (const o of list) {
        out.add(o);
      }
    }
  }
  return [...out];
}

/**
 * Readings of one code up to asOf, newest first (same day: by reference, for determinism), from
 * Observations and — for LOINC codes — QuestionnaireResponse items.
 */
export function readingsOf(ctx: EvaluationContext, system: string, code: string): Reading[] {
  const index = indexOf(ctx);
  const k = key(system, code);
  let list = index.readings.get(k);
  if (!list) {
    index.readings.set(k, (list = materialise(ctx, index, system, code)));
  }
  return list.filter((r) => r.day <= ctx.asOfDay);
}

/** Whether any coding is one of the listed codes. */
export function anyCodingIn(
  codings: readonly fhir4.Coding[],
  list: readonly { system: string; code: string }[],
): boolean {
  return codings.some(
    (c) =>
      typeof c.code === 'string' &&
      typeof c.system === 'string' &&
      list.some((l) => l.code === c.code!.trim() && normalizeSystem(l.system) === normalizeSystem(c.system!)),
  );
}
