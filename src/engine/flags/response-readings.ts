/**
 * Screening answers recorded as a QuestionnaireResponse, read as {@link Reading}s so the flags treat
 * a PHQ-9 or C-SSRS filled in a form the same as one filed as Observations. An item is identified
 * by the LOINC code its questionnaire gives it: the linkId (`/44260-8`, `44260-8` — the US Core and
 * LForms convention), the item's `definition` URI ending in the code, or the `code` of the same
 * linkId in a Questionnaire contained in the response. A response is dated by `authored`; only
 * `completed` and `amended` responses count (in-progress, stopped and entered-in-error do not).
 * Limitation: a response to a Questionnaire that is neither contained nor LOINC-keyed (QI-Core's
 * `H1/T1/Q9` example) cannot be read, since the record holds no Questionnaire resources.
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import { LOINC, normalizeSystem } from '../codes/code-systems.ts';
import { loincFromLinkId } from '../codes/sdoh-items.ts';
import { dateDay, refOf } from './event-days.ts';
import type { Reading } from './coded-readings.ts';

/** Response statuses whose answers stand. */
export const RESPONSE_STATUSES: readonly string[] = ['completed', 'amended'];

/** Extensions that carry the score of a coded answer (FHIR R4 ordinalValue, R5 itemWeight). */
const SCORE_EXTENSIONS = [
  'http://hl7.org/fhir/StructureDefinition/ordinalValue',
  'http://hl7.org/fhir/StructureDefinition/itemWeight',
];

/** The readings of one dated response, by LOINC item code (first occurrence wins). */
export interface ResponseReadings {
  response: fhir4.QuestionnaireResponse;
  reference: string;
  day: number;
  items: Map<string, Reading>;
}

const cache = new WeakMap<EvaluationContext, { responses: ResponseReadings[]; byCode: Map<string, Reading[]> }>();

function containedCodes(qr: fhir4.QuestionnaireResponse): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (items: readonly fhir4.QuestionnaireItem[] | undefined) => {
    for (const item of Array.isArray(items) ? items : []) {
      if (!item || typeof item !== 'object') {
        continue;
      }
      const loinc = (Array.isArray(item.code) ? item.code : []).find(
        (c: fhir4.Coding) => c?.code && c.system && normalizeSystem(c.system) === LOINC,
      );
      if (typeof item.linkId === 'string' && loinc?.code) {
        out.set(item.linkId, loinc.code.trim());
      }
      walk(item.item);
    }
  };
  for (const r of Array.isArray(qr.contained) ? qr.contained : []) {
    if (r?.resourceType === 'Questionnaire') {
      walk((r as fhir4.Questionnaire).item);
    }
  }
  return out;
}

function scoreOfCoding(c: fhir4.Coding): number | undefined {
  for (const e of Array.isArray(c.extension) ? c.extension : []) {
    if (e && SCORE_EXTENSIONS.includes(e.url) && typeof e.valueDecimal === 'number') {
      return e.valueDecimal;
    }
  }
  return undefined;
}

function readingOf(
  item: fhir4.QuestionnaireResponseItem,
  base: Omit<Reading, 'answer' | 'interpretation'>,
): Reading | undefined {
  const answer: fhir4.Coding[] = [];
  let score: number | undefined;
  let valueBoolean: boolean | undefined;
  for (const a of Array.isArray(item.answer) ? item.answer : []) {
    if (!a || typeof a !== 'object') {
      continue;
    }
    if (a.valueCoding && typeof a.valueCoding === 'object') {
      answer.push(a.valueCoding);
      score ??= scoreOfCoding(a.valueCoding);
    }
    const n =
      typeof a.valueInteger === 'number'
        ? a.valueInteger
        : typeof a.valueDecimal === 'number'
          ? a.valueDecimal
          : typeof a.valueQuantity?.value === 'number'
            ? a.valueQuantity.value
            : typeof a.valueString === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(a.valueString)
              ? Number(a.valueString)
              : undefined;
    if (n !== undefined) {
      score = n;
    }
    if (typeof a.valueBoolean === 'boolean') {
      valueBoolean = a.valueBoolean;
    }
  }
  if (!answer.length && score === undefined && valueBoolean === undefined) {
    return undefined;
  }
  return {
    ...base,
    answer,
    interpretation: [],
    ...(score !== undefined ? { score } : {}),
    ...(valueBoolean !== undefined ? { valueBoolean } : {}),
  };
}

function build(ctx: EvaluationContext) {
  const responses: ResponseReadings[] = [];
  const byCode = new Map<string, Reading[]>();
  for (const qr of ctx.ofType<fhir4.QuestionnaireResponse>('QuestionnaireResponse')) {
    if (!qr || typeof qr !== 'object' || !RESPONSE_STATUSES.includes(qr.status)) {
      continue;
    }
    const day = dateDay(ctx, qr, 'authored', qr.authored);
    if (day === undefined) {
      continue;
    }
    const reference = refOf(qr);
    const contained = containedCodes(qr);
    const items = new Map<string, Reading>();
    const walk = (list: readonly fhir4.QuestionnaireResponseItem[] | undefined) => {
      for (const item of Array.isArray(list) ? list : []) {
        if (!item || typeof item !== 'object') {
          continue;
        }
        const code =
          loincFromLinkId(item.linkId) ??
          loincFromLinkId(item.definition) ??
          (typeof item.linkId === 'string' ? contained.get(item.linkId) : undefined);
        if (code && !items.has(code)) {
          const r = readingOf(item, { resource: qr, reference, day });
          if (r) {
            items.set(code, r);
          }
        }
        walk(item.item);
        for (const a of Array.isArray(item.answer) ? item.answer : []) {
          walk(a?.item);
        }
      }
    };
    walk(qr.item);
    if (!items.size) {
      continue;
    }
    responses.push({ response: qr, reference, day, items });
    for (const [code, r] of items) {
      const list = byCode.get(code);
      if (list) {
        list.push(r);
      } else {
        byCode.set(code, [r]);
      }
    }
  }
  return { responses, byCode };
}

function indexOf(ctx: EvaluationContext) {
  let hit = cache.get(ctx);
  if (!hit) {
    cache.set(ctx, (hit = build(ctx)));
  }
  return hit;
}

/** Readings of one LOINC item code from QuestionnaireResponses (any day, unsorted). */
export function responseReadingsOf(ctx: EvaluationContext, code: string): readonly Reading[] {
  return indexOf(ctx).byCode.get(code) ?? [];
}

/** Every dated, completed response with at least one LOINC-identified answer (any day). */
export function responsesWithReadings(ctx: EvaluationContext): readonly ResponseReadings[] {
  return indexOf(ctx).responses;
}
