/**
 * EvaluationContext.inValueSet: resources whose concept at a path has a coding in the value set,
 * in record order, the same list on every call; a resource with no readable coding never matches,
 * and an unknown value set throws only when there is a coding to test (as ValueSetRegistry does).
 */
import { describe, expect, it } from 'vitest';
import { EvaluationContext } from '../../../src/engine/evaluation-context.ts';
import { recordFromResources } from '../../../src/engine/record.ts';
import { ValueSetRegistry } from '../../../src/engine/valuesets/value-set.ts';
import { LOINC } from '../../../src/engine/codes/code-systems.ts';

const VS = {
  url: 'http://example.org/ValueSet/phq',
  oid: '9.9',
  name: 'phq',
  version: '1',
  codes: [[LOINC, '44261-6', 'PHQ-9']] as const,
};
const obs = (id: string, code: unknown): fhir4.Observation => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  code: code as fhir4.CodeableConcept,
});

function context(resources: fhir4.Resource[]): EvaluationContext {
  const record = recordFromResources([{ resourceType: 'Patient', id: 'p' }, ...resources]);
  return new EvaluationContext(
    record,
    { start: '2026-01-01', end: '2026-12-31' },
    '2026-12-31',
    new ValueSetRegistry([VS]),
  );
}

describe('inValueSet', () => {
  it('lists the members in record order, any coding of any concept at the path counting', () => {
    const ctx = context([
      obs('a', {
        coding: [
          { system: 'http://snomed.info/sct', code: '1' },
          { system: 'urn:oid:2.16.840.1.113883.6.1', code: ' 44261-6 ' },
        ],
      }),
      obs('b', { coding: [{ system: LOINC, code: '44260-8' }] }),
      obs('c', { text: 'no codings' }),
      obs('d', { coding: [{ system: LOINC, code: '44261-6' }] }),
    ]);
    const read = (r: fhir4.Observation) => r.code;
    const hit = ctx.inValueSet<fhir4.Observation>('Observation', VS.url, read, 'code');
    expect(hit.map((r) => r.id)).toEqual(['a', 'd']);
    expect(ctx.inValueSet<fhir4.Observation>('Observation', VS.oid, read, 'code')).toEqual(hit);
    expect(
      ctx
        .inValueSet<fhir4.Observation>('Observation', VS.url, (r) => [undefined, r.code], 'code-list')
        .map((r) => r.id),
    ).toEqual(['a', 'd']);
  });

  it('throws for an unknown value set only when a resource has a coding to test', () => {
    const none = context([obs('a', { text: 'x' }), obs('b', { coding: 'not a list' })]);
    expect(
      none.inValueSet<fhir4.Observation>('Observation', 'http://example.org/ValueSet/none', (r) => r.code, 'code'),
    ).toEqual([]);
    const some = context([obs('a', { coding: [{ system: LOINC, code: '1' }] })]);
    expect(() =>
      some.inValueSet<fhir4.Observation>('Observation', 'http://example.org/ValueSet/none', (r) => r.code, 'code'),
    ).toThrow('value set not loaded');
  });
});
