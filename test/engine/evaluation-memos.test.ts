/**
 * Per-evaluation memos give exactly what the unmemoised readers give: SDOH findings shared by the
 * sdoh-screening measure and the sdoh-need flags (a panel member is still read under its panel's
 * instrument by the measure and under its own by the flags), and Observation.effective[x] read once
 * per evaluation (the same interval QICoreCommon toInterval() gives, the day as written).
 */
import { describe, expect, it } from 'vitest';
import { EvaluationContext } from '../../src/engine/evaluation-context.ts';
import { evaluatePatient } from '../../src/engine/evaluate-patient.ts';
import { recordFromResources } from '../../src/engine/record.ts';
import { builtinValueSets } from '../../src/engine/valuesets/index.ts';
import { SDOH_PANELS, sdohFindingsOf } from '../../src/engine/codes/sdoh-items.ts';
import { sdohFindingsIn, sdohFindingsReader } from '../../src/engine/codes/sdoh-findings-memo.ts';
import { choiceRead } from '../../src/engine/cql/fhir-intervals.ts';
import { dayBounds } from '../../src/engine/cql/calendar-days.ts';

const LOINC = 'http://loinc.org';
const PRAPARE_PANEL = Object.keys(SDOH_PANELS).find((k) => SDOH_PANELS[k] === 'PRAPARE')!;
const PERIOD = { start: '2026-01-01', end: '2026-12-31' };
const housing = (id: string, extra: Partial<fhir4.Observation> = {}): fhir4.Observation => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  subject: { reference: 'Patient/p' },
  code: { coding: [{ system: LOINC, code: '71802-3' }] },
  valueCodeableConcept: { coding: [{ system: LOINC, code: 'LA31994-9' }] },
  effectiveDateTime: '2026-03-10',
  ...extra,
});
const resources = (): fhir4.Resource[] => [
  { resourceType: 'Patient', id: 'p', birthDate: '1970-05-01' } as fhir4.Patient,
  {
    resourceType: 'Encounter',
    id: 'e',
    status: 'finished',
    subject: { reference: 'Patient/p' },
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
    type: [{ coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '99213' }] }],
    period: { start: '2026-03-10', end: '2026-03-10' },
  } as fhir4.Encounter,
  {
    resourceType: 'Observation',
    id: 'panel',
    status: 'final',
    subject: { reference: 'Patient/p' },
    code: { coding: [{ system: LOINC, code: PRAPARE_PANEL }] },
    effectiveDateTime: '2026-03-10',
    hasMember: [{ reference: 'Observation/member' }],
  } as fhir4.Observation,
  housing('member'),
  housing('alone', { effectiveDateTime: '2026-01-01T00:30:00+09:00' }),
];

describe('sdohFindingsIn', () => {
  it('reads each Observation once per scope, as sdohFindingsOf does', () => {
    const obs = housing('x');
    const scope = {};
    const first = sdohFindingsIn(scope, obs);
    expect(first).toEqual(sdohFindingsOf(obs));
    expect(sdohFindingsIn(scope, obs)).toBe(first);
    expect(sdohFindingsIn({}, obs)).not.toBe(first);
    const reader = sdohFindingsReader(scope);
    expect(reader(obs)).toBe(first);
    const vital = { ...obs, code: { coding: [{ system: LOINC, code: '8867-4' }] } };
    expect(reader(vital)).toEqual([]);
    expect(sdohFindingsIn(scope, { ...obs, status: 'preliminary' })).toEqual([]);
  });

  it('reads a panel member under its panel instrument afresh, leaving the shared reading alone', () => {
    const obs = housing('m');
    const scope = {};
    expect(sdohFindingsIn(scope, obs, 'PRAPARE')).toEqual(sdohFindingsOf(obs, 'PRAPARE'));
    expect(sdohFindingsIn(scope, obs, 'PRAPARE')[0]?.instrument).toBe('PRAPARE');
    expect(sdohFindingsIn(scope, obs)[0]?.instrument).toBe('AHC-HRSN');
  });

  it('gives the measure and the flags the same results whether they share an evaluation or not', () => {
    const both = evaluatePatient(recordFromResources(resources()), {
      period: PERIOD,
      only: ['sdoh-screening', 'sdoh-need'],
    });
    const measure = evaluatePatient(recordFromResources(resources()), { period: PERIOD, only: ['sdoh-screening'] });
    const flags = evaluatePatient(recordFromResources(resources()), { period: PERIOD, only: ['sdoh-need'] });
    expect(JSON.stringify(both.measures)).toBe(JSON.stringify(measure.measures));
    expect(JSON.stringify(both.flags)).toBe(JSON.stringify(flags.flags));
    expect(
      both.measures[0]?.evidence.some((e) => e.reference === 'Observation/member' && e.display === 'PRAPARE'),
    ).toBe(true);
  });
});

describe('EvaluationContext.effectiveOf', () => {
  const context = () => new EvaluationContext(recordFromResources(resources()), PERIOD, PERIOD.end, builtinValueSets());

  it('is QICoreCommon toInterval() of effective[x], read once per Observation', () => {
    const ctx = context();
    for (const obs of ctx.ofType<fhir4.Observation>('Observation')) {
      const read = ctx.effectiveOf(obs);
      expect(read).toEqual(choiceRead(obs, 'effective'));
      expect(ctx.effectiveOf(obs)).toBe(read);
    }
    // 00:30 at +09:00 on 1 January is 31 December in UTC: it is on the day written, whatever zone the engine runs in
    const alone = ctx.effectiveOf(ctx.ofType<fhir4.Observation>('Observation').find((o) => o.id === 'alone')!);
    expect(dayBounds(alone.interval).start?.low).toBe(Date.UTC(2026, 0, 1) / 86_400_000);
  });

  it('names the malformed choice element', () => {
    expect(choiceRead({ effectiveDateTime: 'soon' }, 'effective')).toEqual({
      interval: null,
      malformed: 'effectiveDateTime',
    });
    expect(choiceRead({ performedInstant: 5 }, 'performed')).toEqual({ interval: null, malformed: 'performedInstant' });
    expect(choiceRead({ occurrencePeriod: { start: 'x' } }, 'occurrence').malformed).toBe('occurrencePeriod');
  });
});
