/**
 * The timing of FHIR resources as the eCQM libraries read it (FHIRHelpers 4.4.000 `ToInterval`,
 * QICoreCommon 4.0.000 `toInterval()`, `latest()`, `abatementInterval()`, `prevalenceInterval()`),
 * in the engine's one date model: values keep their written offsets, unknown is `null`.
 * Each case was checked against fqm-execution (test/conformance/fqm-date-differential.test.ts runs
 * the same shapes at random).
 */
import { describe, expect, it } from 'vitest';
import { dayBounds, isoDay } from '../../../src/engine/cql/calendar-days.ts';
import { cqlText, DAY } from '../../../src/engine/cql/date-time.ts';
import {
  abatementInterval,
  choiceRead,
  latest,
  periodRead,
  prevalenceRead,
} from '../../../src/engine/cql/fhir-intervals.ts';
import { endOf, overlaps, startOf } from '../../../src/engine/cql/interval.ts';
import { measurementPeriodInterval } from '../../../src/engine/cql/measurement-period.ts';

const MP = measurementPeriodInterval({ start: '2026-01-01', end: '2026-12-31' });
const CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const cond = (c: Partial<fhir4.Condition>): fhir4.Condition => ({
  resourceType: 'Condition',
  subject: { reference: 'Patient/p' },
  ...c,
});
const status = (code: string) => ({ coding: [{ system: CLINICAL, code }] });
const text = (v: ReturnType<typeof startOf>) => (v ? cqlText(v) : null);

// FHIRHelpers: define function ToInterval(period FHIR.Period)
describe('FHIRHelpers ToInterval(Period)', () => {
  it('a period with a start and no end runs on for ever (closed null end: the maximum DateTime)', () => {
    const iv = periodRead({ start: '2026-03-01T10:00:00-05:00' }).interval;
    expect(text(endOf(iv))).toBe('9999-12-31T23:59:59.999+00:00');
    expect(dayBounds(iv).end?.low).toBe(Infinity);
  });
  it('a period with an end and no start has an unknown start (open null start)', () => {
    const iv = periodRead({ end: '2026-03-01' }).interval;
    expect(startOf(iv)).toBeNull();
    expect(dayBounds(iv).start).toBeUndefined();
  });
  it('an unreadable start is reported by field name and read as unknown', () => {
    const read = periodRead({ start: 'yesterday', end: '2026-03-01' });
    expect(read.malformed).toBe('period');
    expect(startOf(read.interval)).toBeNull();
  });
});

// QICoreCommon: define fluent function toInterval(choice Choice<DateTime, Quantity, Interval<DateTime>, …>)
describe('QICoreCommon toInterval() of a choice element', () => {
  it('keeps the written offset: 23:30 at −05:00 on 21 June is on 21 June', () => {
    const iv = choiceRead({ effectiveDateTime: '2026-06-21T23:30:00-05:00' }, 'effective').interval;
    expect(isoDay(dayBounds(iv).start!.low)).toBe('2026-06-21');
    expect(text(startOf(iv))).toBe('2026-06-21T23:30:00-05:00');
  });
  it('a value dated to the month covers that month’s days (and stays a month-precision value)', () => {
    const iv = choiceRead({ effectiveDateTime: '2026-02' }, 'effective').interval;
    expect(dayBounds(iv).start).toEqual({
      low: Date.UTC(2026, 1, 1) / 86_400_000,
      high: Date.UTC(2026, 1, 28) / 86_400_000,
    });
    expect(text(startOf(iv))).toBe('2026-02');
  });
  it('an onset age is the year from that birthday (Feb 29 births turn 30 on Feb 28 in a common year)', () => {
    const iv = choiceRead(
      cond({ onsetAge: { value: 30, code: 'a', system: 'http://unitsofmeasure.org' } }),
      'onset',
      '1980-02-29',
    ).interval;
    expect(text(startOf(iv))).toBe('2010-02-28');
    expect(text(endOf(iv))).toBe('2011-02-27');
  });
  it('names a malformed element and reads it as null', () => {
    expect(choiceRead({ effectiveDateTime: '21/06/2026' }, 'effective')).toEqual({
      interval: null,
      malformed: 'effectiveDateTime',
    });
  });
});

// QICoreCommon: define fluent function latest(choice …): if hasEnd(period) then end of period else start of period
describe('QICoreCommon latest()', () => {
  it('takes the end of a period, or its start when it never ends', () => {
    expect(
      text(latest(choiceRead({ effectivePeriod: { start: '2026-01-01', end: '2026-01-03' } }, 'effective').interval)),
    ).toBe('2026-01-03');
    expect(text(latest(choiceRead({ effectivePeriod: { start: '2026-01-01' } }, 'effective').interval))).toBe(
      '2026-01-01',
    );
  });
});

// QICoreCommon: define fluent function prevalenceInterval(condition …)
describe('QICoreCommon prevalenceInterval()', () => {
  it('an active condition without abatement runs on indefinitely and overlaps the period', () => {
    expect(
      overlaps(
        prevalenceRead(cond({ clinicalStatus: status('active'), onsetDateTime: '2010-01-01' }), undefined).interval,
        MP,
        DAY,
      ),
    ).toBe(true);
  });
  it('an inactive condition without abatement has no prevalence at all (a query over a null abatement is null)', () => {
    expect(
      prevalenceRead(cond({ clinicalStatus: status('inactive'), onsetDateTime: '2026-03-01' }), undefined).interval,
    ).toBeNull();
    expect(prevalenceRead(cond({ onsetDateTime: '2026-03-01' }), undefined).interval).toBeNull();
  });
  it('an active condition with neither onset nor abatement is Interval[null, null]: it overlaps everything but has no start', () => {
    const iv = prevalenceRead(cond({ clinicalStatus: status('active') }), undefined).interval;
    expect(overlaps(iv, MP, DAY)).toBe(true);
    expect(startOf(iv)).toBeNull();
  });
  it('a condition without onset but with an abatement starts at the beginning of time', () => {
    expect(
      text(
        startOf(
          prevalenceRead(cond({ clinicalStatus: status('resolved'), abatementDateTime: '2020-01-01' }), undefined)
            .interval,
        ),
      ),
    ).toBe('0001-01-01T00:00:00.000+00:00');
  });
  it('an abatement Period is half-open: the prevalence ends the instant before its end', () => {
    const a = abatementInterval(
      cond({ abatementPeriod: { start: '2026-03-01T00:00:00Z', end: '2026-03-05T10:00:00Z' } }),
      undefined,
    );
    expect(text(endOf(a))).toBe('2026-03-05T09:59:59+00:00');
  });
  it('reads onset and abatement ages from the birth date', () => {
    const c = cond({
      clinicalStatus: status('resolved'),
      onsetAge: { value: 50, code: 'a' },
      abatementAge: { value: 51, code: 'a' },
    });
    // born 1975-06-01: onset 2025-06-01, abatement year runs to 2027-05-31
    const iv = prevalenceRead(c, '1975-06-01').interval;
    expect([text(startOf(iv)), text(endOf(iv))]).toEqual(['2025-06-01', '2027-05-31']);
  });
});
