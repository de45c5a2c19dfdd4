/** CMD 6.0.000 medicationRequestPeriod(): supply from expected duration, or quantity / daily dose, × refills. */
import { describe, expect, it } from 'vitest';
import { cqlText } from '../../../src/engine/cql/date-time.ts';
import type { CqlInterval } from '../../../src/engine/cql/interval.ts';
import { dosesPerDayOf, medicationRequestPeriod } from '../../../src/engine/cql/medication-request-period.ts';

const req = (m: Partial<fhir4.MedicationRequest>): fhir4.MedicationRequest => ({
  resourceType: 'MedicationRequest',
  status: 'active',
  intent: 'order',
  subject: { reference: 'Patient/x' },
  ...m,
});
const iso = (p: CqlInterval | null) => p && [cqlText(p.low!), cqlText(p.high!)];

describe('medicationRequestPeriod', () => {
  it('a 30-day expected supply authored on 21 June covers 21 June – 20 July', () => {
    expect(
      iso(
        medicationRequestPeriod(
          req({
            authoredOn: '2026-06-21T08:00:00Z',
            dispenseRequest: { expectedSupplyDuration: { value: 30, code: 'd' } },
          }),
        ),
      ),
    ).toEqual(['2026-06-21', '2026-07-20']);
  });
  it('multiplies by one plus the refills', () => {
    expect(
      iso(
        medicationRequestPeriod(
          req({
            authoredOn: '2026-01-01',
            dispenseRequest: { numberOfRepeatsAllowed: 2, expectedSupplyDuration: { value: 30, code: 'days' } },
          }),
        ),
      ),
    ).toEqual(['2026-01-01', '2026-03-31']);
  });
  it('computes days from quantity and a twice-daily dose written in tablets (non-UCUM), without throwing', () => {
    const r = req({
      authoredOn: '2026-01-01',
      dispenseRequest: { quantity: { value: 60, unit: 'tablet' } },
      dosageInstruction: [
        {
          timing: { repeat: { frequency: 2, period: 1, periodUnit: 'd' } },
          doseAndRate: [{ doseQuantity: { value: 1, unit: 'tablet' } }],
        },
      ],
    });
    expect(iso(medicationRequestPeriod(r))).toEqual(['2026-01-01', '2026-01-30']);
  });
  it('starts at the dosage bounds, then authoredOn, then the validity period', () => {
    const bounds = { timing: { repeat: { boundsPeriod: { start: '2026-02-01', end: '2026-02-10' } } } };
    expect(iso(medicationRequestPeriod(req({ authoredOn: '2026-01-01', dosageInstruction: [bounds] })))).toEqual([
      '2026-02-01',
      '2026-02-10',
    ]);
    expect(
      iso(
        medicationRequestPeriod(
          req({
            dispenseRequest: {
              validityPeriod: { start: '2026-03-01' },
              expectedSupplyDuration: { value: 1, code: 'd' },
            },
          }),
        ),
      ),
    ).toEqual(['2026-03-01', '2026-03-01']);
  });
  it('is null without a start date or without any supply information', () => {
    expect(
      medicationRequestPeriod(req({ dispenseRequest: { expectedSupplyDuration: { value: 30, code: 'd' } } })),
    ).toBeNull();
    expect(medicationRequestPeriod(req({ authoredOn: '2026-01-01' }))).toBeNull();
  });
  it('is null with two dosage instructions (CMD requires exactly one)', () => {
    expect(
      medicationRequestPeriod(
        req({
          authoredOn: '2026-01-01',
          dosageInstruction: [{}, {}],
          dispenseRequest: { expectedSupplyDuration: { value: 30, code: 'd' } },
        }),
      ),
    ).toBeNull();
  });
});

describe('dosesPerDayOf (CMD ToDaily)', () => {
  it('converts frequency per period to doses per day', () => {
    expect(dosesPerDayOf(1, 8, 'h')).toBe(3);
    expect(dosesPerDayOf(2, 1, 'd')).toBe(2);
    expect(dosesPerDayOf(1, 1, 'wk')).toBeCloseTo(1 / 7);
  });
  it('is undefined for an unknown unit or a missing frequency', () => {
    expect(dosesPerDayOf(1, 1, 'fortnight')).toBeUndefined();
    expect(dosesPerDayOf(undefined, 1, 'd')).toBeUndefined();
  });
});

describe('medicationRequestPeriod keeps the date as written', () => {
  // CMD: startDate = date from authoredOn (the written date, whatever its offset)
  it('an order written at 23:30 -05:00 starts on that day, not the next day in UTC', () => {
    expect(
      iso(
        medicationRequestPeriod(
          req({
            authoredOn: '2026-06-21T23:30:00-05:00',
            dispenseRequest: { expectedSupplyDuration: { value: 2, code: 'd' } },
          }),
        ),
      ),
    ).toEqual(['2026-06-21', '2026-06-22']);
  });
  it('an order dated to the month covers that month (an imprecise start stays imprecise)', () => {
    expect(
      iso(
        medicationRequestPeriod(
          req({ authoredOn: '2026-06', dispenseRequest: { expectedSupplyDuration: { value: 2, code: 'd' } } }),
        ),
      ),
    ).toEqual(['2026-06', '2026-06']);
  });
});
