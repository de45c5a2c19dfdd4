/**
 * Display names for the codes the engine's statements mention without one (a Condition coded
 * `http://hl7.org/fhir/sid/icd-10-cm|R45.851` with no display): looked up in the record itself
 * (another resource may carry the display), then in the engine's risk policy and value sets.
 * Runs in the evaluation worker, where the value-set catalog already lives; only the few codes
 * actually mentioned are looked up.
 */
import {
  BUILTIN_VALUE_SETS,
  DEFAULT_RISK_POLICY,
  type PatientEvaluation,
  type PatientRecord,
} from '../../engine/index.ts';
import { codingKey, codingsMentioned } from './plain-language.ts';

/** Every statement of an evaluation a clinician reads. */
export function statementsOf(e: PatientEvaluation): string[] {
  return [
    ...e.flags.map((f) => f.statement),
    ...e.actions.map((a) => a.text),
    ...e.gaps.flatMap((g) => [g.why, g.closes ?? '']),
    ...e.measures.map((m) => m.closes?.what ?? ''),
  ];
}

/** Calls `visit` for every object with string `system` and `code` found below `value`. */
function eachCoding(
  value: unknown,
  visit: (c: { system: string; code: string; display?: unknown }) => void,
  depth = 0,
): void {
  if (!value || typeof value !== 'object' || depth > 12) {
    return;
  }
  if (Array.isArray(value)) {
    for (const v of value) {
      eachCoding(v, visit, depth + 1);
    }
    return;
  }
  const o = value as Record<string, unknown>;
  if (typeof o.system === 'string' && typeof o.code === 'string') {
    visit(o as { system: string; code: string; display?: unknown });
  }
  for (const v of Object.values(o)) {
    if (v && typeof v === 'object') {
      eachCoding(v, visit, depth + 1);
    }
  }
}

/** [codingKey, display] pairs for the codes the evaluation's statements mention. */
export function codeDisplays(evaluation: PatientEvaluation, record: PatientRecord): Array<[string, string]> {
  const wanted = new Set(codingsMentioned(statementsOf(evaluation)).map((c) => codingKey(c.system, c.code)));
  if (wanted.size === 0) {
    return [];
  }
  const found = new Map<string, string>();
  const take = (c: { system: string; code: string; display?: unknown }) => {
    const key = codingKey(c.system, c.code);
    if (wanted.has(key) && !found.has(key) && typeof c.display === 'string' && c.display.trim()) {
      found.set(key, c.display.trim());
    }
  };
  eachCoding(record.resources, take);
  eachCoding(DEFAULT_RISK_POLICY, take);
  for (const vs of BUILTIN_VALUE_SETS) {
    if (found.size === wanted.size) {
      break;
    }
    for (const [system, code, display] of vs.codes) {
      take({ system, code, display });
    }
  }
  return [...found];
}
