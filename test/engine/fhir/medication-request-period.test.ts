/** CMD 6.0.000 medicationRequestPeriod(): supply from expected duration, or quantity / daily dose, × refills. */
import { describe, expect, it } from 'vitest';
import { epochDay, isoDay } from '../../../src/engine/fhir/dates.ts';
import { dosesPerDayOf, medicationRequestPeriod } from '../../../src/engine/fhir/medication-request-period.ts';

const req = (m: Partial<fhir4.MedicationRequest>): fhir4.MedicationRequest => ({ resourceType: 'MedicationRequest', status: 'active', intent: 'order', subject: { reference: 'Patient/x' }, ...m });
const iso = (p: { start: number; end: number } | undefined) => p && [isoDay(p.start), isoDay(p.end)];

describe('medicationRequestPeriod', () => {
  it('a 30-day expected supply authored on 21 June covers 21 June – 20 July', () => {
    expect(iso(medicationRequestPeriod(req({ authoredOn: '2026-06-21T08:00:00Z', dispenseRequest: { expectedSupplyDuration: { value: 30, code: 'd' } } })))).toEqual(['2026-06-21', '2026-07-20']);
  });
  it('multiplies by one plus the refills', () => {
    expect(iso(medicationRequestPeriod(req({ authoredOn: '2026-01-01', dispenseRequest: { numberOfRepeatsAllowed: 2, expectedSupplyDuration: { value: 30, code: 'days' } } })))).toEqual(['2026-01-01', '2026-03-31']);
  });
  it('computes days from quantity and a twice-daily dose written in tablets (non-UCUM), without throwing', () => {
    const r = req({
      authoredOn: '2026-01-01',
      dispenseRequest: { quantity: { value: 60, unit: 'tablet' } },
      dosageInstruction: [{ timing: { repeat: { frequency: 2, period: 1, periodUnit: 'd' } }, doseAndRate: [{ doseQuantity: { value: 1, unit: 'tablet' } }] }],
    });
    expect(iso(medicationRequestPeriod(r))).toEqual(['2026-01-01', '2026-01-30']);
  });
  it('starts at the dosage bounds, then authoredOn, then the validity period', () => {
    const bounds = { timing: { repeat: { boundsPeriod: { start: '2026-02-01', end: '2026-02-10' } } } };
    expect(iso(medicationRequestPeriod(req({ authoredOn: '2026-01-01', dosageInstruction: [bounds] })))).toEqual(['2026-02-01', '2026-02-10']);
    expect(medicationRequestPeriod(req({ dispenseRequest: { validityPeriod: { start: '2026-03-01' }, expectedSupplyDuration: { value: 1, code: 'd' } } }))?.start).toBe(epochDay('2026-03-01'));
  });
  it('is undefined without a start date or without any supply information', () => {
    expect(medicationRequestPeriod(req({ dispenseRequest: { expectedSupplyDuration: { value: 30, code: 'd' } } }))).toBeUndefined();
    expect(medicationRequestPeriod(req({ authoredOn: '2026-01-01' }))).toBeUndefined();
  });
  it('is undefined with two dosage instructions (CMD requires exactly one)', () => {
    expect(medicationRequestPeriod(req({ authoredOn: '2026-01-01', dosageInstruction: [{}, {}], dispenseRequest: { expectedSupplyDuration: { value: 30, code: 'd' } } }))).toBeUndefined();
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
