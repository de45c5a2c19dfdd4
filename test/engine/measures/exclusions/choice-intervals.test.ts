import { describe, expect, it } from 'vitest';
import { latestPoint, prevalenceInterval, choiceInterval, timingChoice } from '../../../../src/engine/measures/exclusions/choice-intervals.ts';
import { dayInterval, holds, overlaps, periodInterval } from '../../../../src/engine/measures/exclusions/cql-interval.ts';
import { epochDay } from '../../../../src/engine/fhir/dates.ts';

const MP = dayInterval(epochDay('2026-01-01'), epochDay('2026-12-31'));
const status = (code: string): fhir4.CodeableConcept => ({ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code }] });
const cond = (extra: Partial<fhir4.Condition>): fhir4.Condition => ({ resourceType: 'Condition', subject: { reference: 'Patient/p' }, ...extra });

describe('QICoreCommon prevalenceInterval', () => {
  it('runs an active condition without abatement on indefinitely', () => {
    expect(holds(overlaps(prevalenceInterval(cond({ clinicalStatus: status('active'), onsetDateTime: '2010-01-01' }), undefined, 0), MP))).toBe(true);
  });

  it('gives an inactive condition without abatement an unknown end: it overlaps only if it began in the period', () => {
    expect(holds(overlaps(prevalenceInterval(cond({ clinicalStatus: status('inactive'), onsetDateTime: '2010-01-01' }), undefined, 0), MP))).toBe(false);
    expect(holds(overlaps(prevalenceInterval(cond({ clinicalStatus: status('inactive'), onsetDateTime: '2026-03-01' }), undefined, 0), MP))).toBe(true);
  });

  it('treats a missing onset on an active condition as an unbounded start', () => {
    expect(holds(overlaps(prevalenceInterval(cond({ clinicalStatus: status('active') }), undefined, 0), MP))).toBe(true);
  });

  it('reads an onset age from the birth date', () => {
    const c = cond({ clinicalStatus: status('resolved'), onsetAge: { value: 50, code: 'a' }, abatementAge: { value: 51, code: 'a' } });
    // born 1975-06-01: onset 2025-06-01, abatement year runs to 2027-05-31
    expect(holds(overlaps(prevalenceInterval(c, '1975-06-01', 0), MP))).toBe(true);
  });
});

describe('QICoreCommon latest() and FHIRHelpers ToInterval(Period)', () => {
  it('takes the end of a period, or its start when it has no end', () => {
    const withEnd = choiceInterval(timingChoice({ effectivePeriod: { start: '2026-01-01', end: '2026-01-03' } }, 'effective'), undefined, 0);
    const open = choiceInterval(timingChoice({ effectivePeriod: { start: '2026-01-01' } }, 'effective'), undefined, 0);
    expect(latestPoint(withEnd)?.lo).toBe(epochDay('2026-01-03'));
    expect(latestPoint(open)?.lo).toBe(epochDay('2026-01-01'));
  });

  it('moves a dateTime with an offset into the evaluation zone before taking its day', () => {
    const iv = periodInterval({ start: '2026-12-31T23:30:00-05:00', end: '2026-12-31T23:45:00-05:00' }, 0)!;
    expect(iv.low.lo).toBe(epochDay('2027-01-01'));
  });

  it('leaves a month-precision value undecided against a day inside that month', () => {
    const iv = choiceInterval({ dateTime: '2026-12' }, undefined, 0)!;
    expect(overlaps(iv, dayInterval(epochDay('2026-12-15'), epochDay('2026-12-15')))).toBeUndefined();
    expect(holds(overlaps(iv, MP))).toBe(true);
  });
});
