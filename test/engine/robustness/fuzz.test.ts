/**
 * Property-based robustness of the whole engine: thousands of records mutated from the sandbox's
 * synthetic panel (seeded) — fields deleted, JSON types changed, dates in every FHIR precision and
 * future dates, Periods with one end, duplicate ids, dangling references, unknown code systems and
 * other patients' resources — never make `evaluatePatient` throw, never yield a status outside the
 * allowed ones, and never let unrelated or foreign data change this patient's results.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluatePatient } from '../../../src/engine/evaluate-patient.ts';
import { recordFromResources, type PatientRecord } from '../../../src/engine/record.ts';
import type { PatientEvaluation } from '../../../src/engine/types.ts';
import { generatePanel } from '../../../launch/sandbox/data/generate-panel.ts';

const ANCHOR = '2026-11-15';
const PERIOD = { start: '2026-01-01', end: '2026-12-31' };
const SEED = 8_2026;
const PANEL = [...generatePanel({ seed: SEED, count: 24, anchorDate: ANCHOR })];
/** Types no measure, gap or flag rule reads: their presence must never change a result. */
const UNREAD_TYPES = [
  'Practitioner',
  'Organization',
  'Immunization',
  'Coverage',
  'AllergyIntolerance',
  'ImagingStudy',
] as const;

const MEASURE_STATUSES = new Set(['met', 'not-met', 'excluded', 'exception', 'not-in-population', 'unknown']);
const GAP_STATUSES = new Set(['open', 'closed', 'not-applicable', 'unknown']);
const FLAG_SEVERITIES = new Set(['high', 'moderate', 'info']);

/** Hostile replacements for any field. */
const WRONG_VALUES: unknown[] = [
  42,
  'x',
  null,
  true,
  [],
  {},
  [1, 'two'],
  { coding: 'abc' },
  { coding: [{ system: 5, code: 7 }] },
  { start: 20260101 },
  '',
  -0.5,
];
/** Dates in every FHIR precision, with and without zone, future, and unreadable. */
const DATE_VALUES: unknown[] = [
  '2026',
  '2026-03',
  '2026-03-04',
  '2026-03-04T10:00:00Z',
  '2026-03-04T10:00:00-05:00',
  '2026-03-04T10:00:00',
  '2026-03-04T23:59:59.999+14:00',
  '2031-01-01',
  '2099-12-31T00:00:00Z',
  '2026-13-45',
  '04/03/2026',
  '2026-02-30',
  20260304,
  '',
  '2025-12-31',
  '2027-01-01',
];
const PERIOD_VALUES: unknown[] = [
  { start: '2026-05-01' },
  { end: '2026-05-01T10:00:00Z' },
  { start: '2026-05', end: '2026' },
  {},
  { start: 'soon' },
  { start: '2026-06-02', end: '2026-06-01' },
];

type Mutation =
  | { kind: 'delete-field'; target: number; key: number }
  | { kind: 'wrong-type'; target: number; key: number; value: number }
  | { kind: 'date'; target: number; value: number }
  | { kind: 'period'; target: number; value: number }
  | { kind: 'duplicate'; target: number; alter: boolean }
  | { kind: 'dangling'; target: number; type: number }
  | { kind: 'unknown-system'; target: number }
  | { kind: 'remove'; target: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete-field' as const), target: fc.nat(), key: fc.nat() }),
  fc.record({
    kind: fc.constant('wrong-type' as const),
    target: fc.nat(),
    key: fc.nat(),
    value: fc.nat({ max: WRONG_VALUES.length - 1 }),
  }),
  fc.record({ kind: fc.constant('date' as const), target: fc.nat(), value: fc.nat({ max: DATE_VALUES.length - 1 }) }),
  fc.record({
    kind: fc.constant('period' as const),
    target: fc.nat(),
    value: fc.nat({ max: PERIOD_VALUES.length - 1 }),
  }),
  fc.record({ kind: fc.constant('duplicate' as const), target: fc.nat(), alter: fc.boolean() }),
  fc.record({ kind: fc.constant('dangling' as const), target: fc.nat(), type: fc.nat({ max: 2 }) }),
  fc.record({ kind: fc.constant('unknown-system' as const), target: fc.nat() }),
  fc.record({ kind: fc.constant('remove' as const), target: fc.nat() }),
);

type Json = Record<string, unknown>;

/** Applies mutations to a deep copy of a patient's resources (Patient first; its id never touched). */
function mutate(resources: readonly fhir4.Resource[], mutations: readonly Mutation[]): fhir4.Resource[] {
  const out = structuredClone(resources) as unknown as Json[];
  for (const m of mutations) {
    if (out.length === 0) {
      break;
    }
    const i = m.target % out.length;
    const r = out[i]!;
    const keys = Object.keys(r).filter((k) => k !== 'resourceType' && !(r.resourceType === 'Patient' && k === 'id'));
    const pick = (n: number) => keys[n % Math.max(1, keys.length)];
    switch (m.kind) {
      case 'delete-field': {
        const k = pick(m.key);
        if (k) {
          delete r[k];
        }
        break;
      }
      case 'wrong-type': {
        const k = pick(m.key);
        if (k) {
          r[k] = structuredClone(WRONG_VALUES[m.value]);
        }
        break;
      }
      case 'date': {
        const k = keys.find((x) => /DateTime$|^authoredOn$|^issued$|^recordedDate$|^birthDate$|^authored$/.test(x));
        if (k) {
          r[k] = DATE_VALUES[m.value];
        }
        break;
      }
      case 'period': {
        const k = keys.find((x) => /[pP]eriod$/.test(x));
        if (k) {
          r[k] = structuredClone(PERIOD_VALUES[m.value]);
        } else if (r.resourceType === 'Observation') {
          delete r.effectiveDateTime;
          r.effectivePeriod = structuredClone(PERIOD_VALUES[m.value]);
        }
        break;
      }
      case 'duplicate': {
        if (r.resourceType === 'Patient') {
          break;
        }
        const copy = structuredClone(r);
        if (m.alter) {
          copy.status = 'entered-in-error';
        }
        out.push(copy);
        break;
      }
      case 'dangling': {
        const field = ['encounter', 'reasonReference', 'basedOn'][m.type]!;
        r[field] =
          field === 'encounter'
            ? { reference: 'Encounter/not-there' }
            : [{ reference: `Condition/not-there-${m.type}` }];
        break;
      }
      case 'unknown-system': {
        const code = r.code as { coding?: Json[] } | undefined;
        if (code && Array.isArray(code.coding)) {
          for (const c of code.coding) {
            if (c && typeof c === 'object') {
              c.system = 'http://example.org/unknown-system';
            }
          }
        }
        break;
      }
      case 'remove':
        if (r.resourceType !== 'Patient') {
          out.splice(i, 1);
        }
        break;
    }
  }
  return out as unknown as fhir4.Resource[];
}

/** The results a clinician sees (issues excluded: they describe the data, not the verdicts). */
function verdicts(e: PatientEvaluation): unknown {
  return { measures: e.measures, gaps: e.gaps, flags: e.flags, actions: e.actions };
}

function evaluate(record: PatientRecord): PatientEvaluation {
  return evaluatePatient(record, { period: PERIOD, asOf: ANCHOR });
}

/** A resource of a type no rule reads, as an EHR export would include it. */
function unrelated(type: (typeof UNREAD_TYPES)[number], n: number, patientId: string): fhir4.Resource {
  const base = { resourceType: type, id: `unrelated-${n}` } as Json;
  if (type === 'Immunization' || type === 'AllergyIntolerance') {
    base.patient = { reference: `Patient/${patientId}` };
  }
  if (type === 'Immunization') {
    Object.assign(base, {
      status: 'completed',
      occurrenceDateTime: '2026-03-01',
      vaccineCode: { coding: [{ system: 'http://hl7.org/fhir/sid/cvx', code: '140' }] },
    });
  }
  if (type === 'Coverage') {
    Object.assign(base, {
      status: 'active',
      beneficiary: { reference: `Patient/${patientId}` },
      period: { start: '2026-01-01' },
    });
  }
  if (type === 'Practitioner') {
    base.name = [{ family: 'Rivera' }];
  }
  return base as unknown as fhir4.Resource;
}

const patientArb = fc.nat({ max: PANEL.length - 1 });
const mutationsArb = fc.array(mutationArb, { minLength: 1, maxLength: 8 });

describe('the engine on mutated synthetic records (fast-check, seeded)', { timeout: 60_000 }, () => {
  it('never throws, and every status is an allowed one, on 700 mutated records', () => {
    fc.assert(
      fc.property(patientArb, mutationsArb, (p, mutations) => {
        const resources = mutate(PANEL[p]!.resources, mutations);
        const e = evaluate(recordFromResources(resources));
        for (const m of e.measures) {
          expect(MEASURE_STATUSES.has(m.status), `${m.id}: ${m.status}`).toBe(true);
        }
        for (const g of e.gaps) {
          expect(GAP_STATUSES.has(g.status), `${g.id}: ${g.status}`).toBe(true);
        }
        for (const f of e.flags) {
          expect(FLAG_SEVERITIES.has(f.severity), `${f.id}: ${f.severity}`).toBe(true);
        }
        expect(e.measures.map((m) => m.id)).toEqual([
          'cms2',
          'sdoh-screening',
          'cms165',
          'cms122',
          'cms130',
          'cms125',
          'fuh',
          'fum',
          'fua',
          'tcm',
        ]);
        // No family crashed: a crash would be reported as an `evaluate` issue.
        expect(e.issues.filter((i) => i.field === 'evaluate')).toEqual([]);
      }),
      { seed: SEED, numRuns: 700 },
    );
  });

  it('is deterministic and never mutates its input (150 records, each evaluated twice)', () => {
    fc.assert(
      fc.property(patientArb, mutationsArb, (p, mutations) => {
        const record = recordFromResources(mutate(PANEL[p]!.resources, mutations));
        const before = JSON.stringify(record);
        const first = evaluate(record);
        expect(JSON.stringify(record)).toBe(before);
        expect(evaluate(structuredClone(record))).toEqual(first);
      }),
      { seed: SEED + 1, numRuns: 150 },
    );
  });

  it('never changes a result when resources of types no rule reads are added or removed (150 records)', () => {
    fc.assert(
      fc.property(
        patientArb,
        mutationsArb,
        fc.array(fc.nat({ max: UNREAD_TYPES.length - 1 }), { minLength: 1, maxLength: 4 }),
        (p, mutations, types) => {
          const resources = mutate(PANEL[p]!.resources, mutations);
          const extra = types.map((t, n) => unrelated(UNREAD_TYPES[t]!, n, PANEL[p]!.id));
          const without = evaluate(recordFromResources(resources));
          const withUnrelated = evaluate(recordFromResources([...resources, ...extra]));
          expect(verdicts(withUnrelated)).toEqual(verdicts(without));
        },
      ),
      { seed: SEED + 2, numRuns: 150 },
    );
  });

  it("never changes this patient's results when another patient's resources are inside the record (150 records)", () => {
    fc.assert(
      fc.property(patientArb, patientArb, mutationsArb, (p, q, mutations) => {
        fc.pre(p !== q);
        const own = mutate(PANEL[p]!.resources, mutations);
        const foreign = PANEL[q]!.resources.filter((r) => r.resourceType !== 'Patient');
        const alone = evaluate(recordFromResources(own));
        const mixed = evaluate(recordFromResources([...own, ...foreign]));
        expect(verdicts(mixed)).toEqual(verdicts(alone));
        if (foreign.length) {
          expect(mixed.issues.some((i) => i.message.startsWith(`belongs to Patient/${PANEL[q]!.id}`))).toBe(true);
        }
      }),
      { seed: SEED + 3, numRuns: 150 },
    );
  });
});
