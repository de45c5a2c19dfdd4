/**
 * Per-evaluation memos give exactly what the unmemoised readers give: SDOH findings shared by the
 * sdoh-screening measure and the sdoh-need flags (a panel member is still read under its panel's
 * instrument by the measure and under its own by the flags), and Observation.effective[x] read once
 * per evaluation (the same interval QICoreCommon toInterval() gives, the day as written).
 * Also the readings added for speed (#16 §3): Encounter.period read once per evaluation, the
 * qualifying encounters found once per evaluation and value-set list, ages memoised per birth date,
 * and references read as plain `Type/id` without the regex: each gives what the unmemoised reading gives.
 */
import { describe, expect, it } from 'vitest';
import { EvaluationContext } from '../../src/engine/evaluation-context.ts';
import { evaluatePatient } from '../../src/engine/evaluate-patient.ts';
import { recordFromResources } from '../../src/engine/record.ts';
import { builtinValueSets } from '../../src/engine/valuesets/index.ts';
import { SDOH_PANELS, sdohFindingsOf } from '../../src/engine/codes/sdoh-items.ts';
import { sdohFindingsIn, sdohFindingsReader } from '../../src/engine/codes/sdoh-findings-memo.ts';
import { choiceRead, periodRead } from '../../src/engine/cql/fhir-intervals.ts';
import { ageInYearsAt } from '../../src/engine/cql/age.ts';
import { date, dateTime, parseDate } from '../../src/engine/cql/date-time.ts';
import { yearsBetween } from '../../src/engine/cql/date-time-arithmetic.ts';
import {
  ADULT_OUTPATIENT_ENCOUNTER_SETS,
  qualifyingEncounters,
} from '../../src/engine/measures/cql-libraries/qualifying-encounters.ts';
import { validateRecord } from '../../src/engine/input/validate-record.ts';
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

describe('EvaluationContext.periodOf', () => {
  it('is FHIRHelpers ToInterval(period), read once per resource, malformed periods named', () => {
    const enc = (period: unknown) =>
      ({ resourceType: 'Encounter', id: 'x', status: 'finished', period }) as fhir4.Encounter;
    const ctx = new EvaluationContext(recordFromResources(resources()), PERIOD, PERIOD.end, builtinValueSets());
    for (const e of [
      ...ctx.ofType<fhir4.Encounter>('Encounter'),
      enc(undefined),
      enc({ start: '2026-03-10T09:00:00-05:00' }),
      enc({ end: '2026-03-10' }),
      enc({ start: 'soon' }),
      enc('2026-03-10'),
    ]) {
      const read = ctx.periodOf(e);
      expect(read).toEqual(periodRead(e.period));
      expect(ctx.periodOf(e)).toBe(read);
    }
    expect(ctx.periodOf(enc({ start: 'soon' })).malformed).toBe('period');
  });
});

describe('qualifyingEncounters (memoised per evaluation and value-set list)', () => {
  it('gives every caller the same encounters in arrays of its own', () => {
    const ctx = new EvaluationContext(recordFromResources(resources()), PERIOD, PERIOD.end, builtinValueSets());
    const first = qualifyingEncounters(ctx, ADULT_OUTPATIENT_ENCOUNTER_SETS);
    expect(first.encounters.map((q) => q.reference)).toEqual(['Encounter/e']);
    first.encounters.push(first.encounters[0]!);
    first.doubtful.push('changed by a caller');
    const again = qualifyingEncounters(ctx, ADULT_OUTPATIENT_ENCOUNTER_SETS);
    expect(again.encounters.map((q) => q.reference)).toEqual(['Encounter/e']);
    expect(again.doubtful).toEqual([]);
    // a fresh evaluation of the same record reads it afresh, with the same result
    const other = new EvaluationContext(recordFromResources(resources()), PERIOD, PERIOD.end, builtinValueSets());
    expect(qualifyingEncounters(other, ADULT_OUTPATIENT_ENCOUNTER_SETS).encounters[0]?.startDay).toBe(
      again.encounters[0]?.startDay,
    );
  });
});

describe('ageInYearsAt (memoised for the birth date being evaluated)', () => {
  const plain = (birth: string | undefined, on: ReturnType<typeof date>) => {
    const b = parseDate(birth);
    return b ? yearsBetween(b, on) : null;
  };

  it('gives what the unmemoised computation gives, across birth dates and days asked in any order', () => {
    const births = ['2000-02-29', '1970-05-01', '1970', '1970-05', undefined, '1970-05-01', '2000-02-29'];
    const days = [date([2026, 2, 28]), date([2026, 3, 1]), date([2026, 5, 1]), date([2026, 4, 30]), date([2026])];
    for (const b of births) {
      for (const d of [...days, ...days.reverse()]) {
        expect(ageInYearsAt(b, d)).toEqual(plain(b, d));
      }
    }
    // a DateTime (not memoised) still reads as before
    const at = dateTime([2026, 5, 1, 10, 0], -300);
    expect(ageInYearsAt('1970-05-01', at)).toEqual(plain('1970-05-01', at));
  });
});

describe('reference targets in validation (plain Type/id read without the regex)', () => {
  const record = (subject: string) =>
    validateRecord(
      recordFromResources([
        { resourceType: 'Patient', id: 'p' } as fhir4.Patient,
        {
          resourceType: 'Observation',
          id: 'o',
          status: 'final',
          code: {},
          subject: { reference: subject },
        } as fhir4.Observation,
      ]),
    );
  const kept = (subject: string) => (record(subject).record.resources.Observation ?? []).length === 1;

  it('reads relative, absolute, versioned and padded references alike', () => {
    expect(kept('Patient/p')).toBe(true);
    expect(kept(' Patient/p ')).toBe(true);
    expect(kept('https://ehr.example/fhir/Patient/p')).toBe(true);
    expect(kept('Patient/p/_history/3')).toBe(true);
    expect(kept('Patient/q')).toBe(false);
    expect(kept('https://ehr.example/fhir/Patient/q/_history/1')).toBe(false);
    expect(record('Group/g').issues[0]?.message).toBe('is about Group/g, not Patient/p: ignored');
  });

  it('does not read a type or id FHIR would not write', () => {
    // not a reference target at all: the Observation is kept as the record patient's
    for (const odd of [
      'patient/q',
      'P/q',
      `Patient/${'q'.repeat(65)}`,
      'Patient/q r',
      'Patient/',
      '/q',
      'urn:uuid:1',
    ]) {
      expect(kept(odd)).toBe(true);
    }
  });
});
